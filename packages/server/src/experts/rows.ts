// An expert's rows as the API shows them: the expert, its provider's id and name, its specialties in their order and,
// for one expert, the published products it delivers.
import type { CategoryId, Expert, ExpertDetail } from '@smec/schemas';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ExpertTable } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type ExpertRow = Selectable<ExpertTable> & { provider_name: string | null };

/** The experts' columns and their provider's name (null for a center's expert). */
export function expertRows(db: Db) {
  return db
    .selectFrom('experts as e')
    .leftJoin('providers as p', 'p.id', 'e.provider_id')
    .selectAll('e')
    .select('p.name as provider_name');
}

/** The specialties of each expert (by seq), in the categories' order. */
async function specialtiesOf(db: Db, seqs: readonly number[]): Promise<Map<number, CategoryId[]>> {
  const bySeq = new Map<number, CategoryId[]>();
  if (seqs.length === 0) return bySeq;
  const rows = await db
    .selectFrom('expert_specialties as s')
    .innerJoin('categories as c', 'c.id', 's.category_id')
    .select(['s.expert_seq', 's.category_id'])
    .where('s.expert_seq', 'in', seqs)
    .orderBy('s.expert_seq')
    .orderBy('c.position')
    .execute();
  for (const row of rows) {
    const list = bySeq.get(row.expert_seq) ?? [];
    list.push(row.category_id as CategoryId);
    bySeq.set(row.expert_seq, list);
  }
  return bySeq;
}

function expertOf(row: ExpertRow, specialties: CategoryId[]): Expert {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    specialties,
    years: Number(row.years),
    bio: row.bio,
    regionCode: row.region_code,
    provider: row.provider_id === null ? null : { id: row.provider_id, name: row.provider_name ?? row.provider_id },
    centerRegionCode: row.center_region_code,
    listed: Number(row.listed) === 1,
    updatedAt: row.updated_at,
  };
}

export async function expertsOf(db: Db, rows: readonly ExpertRow[]): Promise<Expert[]> {
  const specialties = await specialtiesOf(
    db,
    rows.map((row) => Number(row.seq)),
  );
  return rows.map((row) => expertOf(row, specialties.get(Number(row.seq)) ?? []));
}

/**
 * One expert with the products it delivers: to the public only the published ones (drafts and withdrawn ones stay
 * hidden), to its owner all of them.
 */
export async function expertDetailOf(
  db: Db,
  row: ExpertRow,
  shown: 'public' | 'owner' = 'public',
): Promise<ExpertDetail> {
  const [expert] = await expertsOf(db, [row]);
  let products = db
    .selectFrom('expert_products as x')
    .innerJoin('products as p', 'p.id', 'x.product_id')
    .select(['p.id', 'p.name'])
    .where('x.expert_seq', '=', Number(row.seq));
  if (shown === 'public') products = products.where('p.status', '=', 'published');
  return { ...(expert as Expert), products: await products.orderBy('p.seq').execute() };
}
