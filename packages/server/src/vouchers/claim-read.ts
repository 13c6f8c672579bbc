// The one statement a claim is checked against: the user, the batch, the enterprise, its voucher and the key.
import type { Principal } from '@smec/schemas';
import { principalFromUser } from '../auth/verifier.js';
import { QueryTemplate } from '../db/query-template.js';
import type { StoredKey } from '../http/idempotency.js';
import type { Db } from './context.js';
import type { BatchRow } from './rows.js';

export interface ClaimState {
  readonly batch: BatchRow;
  /** The claiming enterprise's profile, if it has one. */
  readonly enterprise: { readonly size: string; readonly tags: string; readonly regionCode: string } | undefined;
  /** The code of the voucher of this batch it already holds. */
  readonly heldCode: string | null;
  /** The stored answer of the idempotency key asked about, if the store has one. */
  readonly stored: StoredKey | undefined;
}

/** The statement of `readClaim`, compiled once: a batch opening runs it thousands of times a second. */
const CLAIM_READ = new QueryTemplate<[batchId: string, scope: string, key: string, userId: string], ClaimRow>(
  4,
  (db, batchId, scope, key, userId) =>
    db
      .selectFrom('users as u')
      .leftJoin('voucher_batches as b', (join) => join.on('b.id', '=', batchId))
      .leftJoin('enterprises as e', 'e.id', 'u.enterprise_id')
      .leftJoin('idempotency_keys as k', (join) => join.on('k.scope', '=', scope).on('k.key', '=', key))
      .selectAll('b')
      .select([
        'u.id as user_id',
        'u.name as user_name',
        'u.role as user_role',
        'u.region_code as user_region',
        'u.enterprise_id as user_enterprise',
        'u.provider_id as user_provider',
        'e.size as enterprise_size',
        'e.tags as enterprise_tags',
        'e.region_code as enterprise_region',
        'k.body_hash as key_body_hash',
        'k.status as key_status',
        'k.created_ts as key_created_ts',
      ])
      .select((eb) =>
        eb
          .selectFrom('vouchers as v')
          .select('v.code')
          .whereRef('v.batch_id', '=', 'b.id')
          .whereRef('v.enterprise_id', '=', 'u.enterprise_id')
          .where('v.status', '<>', 'withdrawn')
          .limit(1)
          .as('held_code'),
      )
      .where('u.id', '=', userId),
);

type ClaimRow = { [K in keyof BatchRow]: BatchRow[K] | null } & {
  user_id: string;
  user_name: string;
  user_role: Principal['role'];
  user_region: string | null;
  user_enterprise: string | null;
  user_provider: string | null;
  enterprise_size: string | null;
  enterprise_tags: string | null;
  enterprise_region: string | null;
  key_body_hash: string | null;
  key_status: string | null;
  key_created_ts: number | null;
  held_code: string | null;
};

/**
 * Everything a claim is checked against, read in one statement: the user claiming (`userId`, whom a token names),
 * the batch, the user's enterprise, the voucher of this batch it already holds and, when `idempotency` names a key,
 * that key's stored answer. One round trip instead of five matters at a batch's opening, when thousands of claims
 * are checked at once. `principal` is undefined when no such user exists, `state` when no such batch does.
 */
export async function readClaim(
  db: Db,
  batchId: string,
  userId: string,
  idempotency?: { readonly scope: string; readonly key: string | undefined },
): Promise<{ principal: Principal | undefined; state: ClaimState | undefined }> {
  // No key is the empty one, which no request can send: the join then finds nothing.
  const row = await CLAIM_READ.executeTakeFirst(db, batchId, idempotency?.scope ?? '', idempotency?.key ?? '', userId);
  if (!row) return { principal: undefined, state: undefined };
  const {
    user_id,
    user_name,
    user_role,
    user_region,
    user_enterprise,
    user_provider,
    enterprise_size: size,
    enterprise_tags: tags,
    enterprise_region: regionCode,
    held_code,
    key_body_hash,
    key_status,
    key_created_ts,
    ...batch
  } = row;
  const principal = principalFromUser({
    id: user_id,
    name: user_name,
    role: user_role,
    region_code: user_region,
    enterprise_id: user_enterprise,
    provider_id: user_provider,
    // Only an enterprise claims: a center account's level and state do not matter here, its role refuses it.
    staff_role: null,
    active: 1,
  });
  if (batch.seq === null) return { principal, state: undefined };
  return {
    principal,
    state: {
      batch: batch as BatchRow,
      enterprise: size !== null && tags !== null && regionCode !== null ? { size, tags, regionCode } : undefined,
      heldCode: held_code ?? null,
      stored:
        key_body_hash !== null && key_status !== null && key_created_ts !== null
          ? { bodyHash: key_body_hash, status: key_status, createdTs: key_created_ts }
          : undefined,
    },
  };
}
