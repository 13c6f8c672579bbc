// A voucher's history: who moved it to which status, when and why.
import type { Principal, VoucherStatus } from '@smec/schemas';
import type { ActorRole } from '../db/schema.js';
import type { Db } from './context.js';

export interface Actor {
  readonly role: ActorRole;
  readonly name: string;
}

/**
 * Who a history entry names: an enterprise acts as itself (its registered name, the same on every step of a voucher,
 * whoever of its staff signed in), anyone else by their own name.
 */
export async function actorOf(db: Db, principal: Principal): Promise<Actor> {
  if (principal.role !== 'enterprise' || principal.enterpriseId === null) {
    return { role: principal.role, name: principal.name };
  }
  const enterprise = await db
    .selectFrom('enterprises')
    .select('name')
    .where('id', '=', principal.enterpriseId)
    .executeTakeFirst();
  return { role: principal.role, name: enterprise?.name ?? principal.name };
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
