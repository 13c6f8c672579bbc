// A voucher's history: who moved it to which status, when and why.
import type { Principal, VoucherStatus } from '@smec/schemas';
import type { ActorRole } from '../db/schema.js';
import type { Db } from './context.js';

export interface Actor {
  readonly role: ActorRole;
  readonly name: string;
}

export function actorOf(principal: Principal): Actor {
  return { role: principal.role, name: principal.name };
}

export async function appendHistory(
  db: Db,
  voucherSeq: number,
  status: VoucherStatus,
  at: string,
  actor: Actor,
  note: string | null,
): Promise<void> {
  await db
    .insertInto('voucher_history')
    .values({ voucher_seq: voucherSeq, status, at, actor_role: actor.role, actor_name: actor.name, note })
    .execute();
}
