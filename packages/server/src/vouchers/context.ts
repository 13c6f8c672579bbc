// What every voucher operation is given, and the checks they share.
import type { MessageLocale, Principal } from '@smec/schemas';
import type { Kysely, Transaction } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { problem } from './problems.js';

export interface VoucherContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  readonly secret: Buffer;
  /** The clock of claim windows and deadlines. */
  readonly clock: Clock;
}

export type Db = Kysely<Database> | Transaction<Database>;

export function enterpriseIdOf(principal: Principal, locale: MessageLocale): string {
  if (!principal.enterpriseId) throw problem('forbidden', locale, 'notEnterprise');
  return principal.enterpriseId;
}
