// The experts an expert clinic names, as `GET /events/{id}` shows them: ids and names, in the organiser's order, of
// those the public may see.
import type { NamedRef } from '@smec/schemas';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

export async function expertsOfEvent(
  db: Kysely<Database> | Transaction<Database>,
  eventSeq: number,
): Promise<NamedRef[]> {
  return db
    .selectFrom('event_experts as x')
    .innerJoin('experts as e', 'e.seq', 'x.expert_seq')
    .leftJoin('providers as p', 'p.id', 'e.provider_id')
    .select(['e.id', 'e.name'])
    .where('x.event_seq', '=', eventSeq)
    .where('e.listed', '=', 1)
    .where((eb) => eb.or([eb('e.provider_id', 'is', null), eb('p.listed', '=', 1)]))
    .orderBy('x.position')
    .execute();
}
