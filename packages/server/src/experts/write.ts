// Adding and editing experts. Every write keeps the expert's n-gram terms in the same transaction, so that a search
// finds the expert as written the moment the write answers.
import { randomBytes } from 'node:crypto';
import type { CategoryId, ExpertDetail, ExpertInput, ExpertPatch, MessageLocale, Principal } from '@smec/schemas';
import type { Transaction } from 'kysely';
import type { CatalogContext } from '../catalog/context.js';
import type { Database } from '../db/schema.js';
import { fill, type Localized } from '../http/localized.js';
import { notFound } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { invalidReferences, mayEdit, ownerOfNew } from './owner.js';
import { expertDetailOf, expertRows } from './rows.js';
import { expertSearchText, expertTermRows } from './search-text.js';

type Trx = Transaction<Database>;

const NO_EXPERT: Localized = {
  'zh-CN': '没有编号为 {id} 的专家，或不在您的管理范围内。',
  'zh-HK': '沒有編號為 {id} 的專家，或不在您的管理範圍內。',
  en: 'There is no expert {id}, or it is not yours to manage.',
};

/** The named products must all be the provider's (a center's own expert delivers none). */
async function checkProducts(
  trx: Trx,
  providerId: string | null,
  productIds: readonly string[],
  locale: MessageLocale,
): Promise<void> {
  if (productIds.length === 0) return;
  const owned =
    providerId === null
      ? new Set<string>()
      : new Set(
          (
            await trx
              .selectFrom('products')
              .select('id')
              .where('provider_id', '=', providerId)
              .where('id', 'in', productIds)
              .execute()
          ).map((row) => row.id),
        );
  const refusals = productIds.flatMap((id, index) =>
    owned.has(id) ? [] : [{ path: `body.productIds.${index}`, key: 'expert.product' as const }],
  );
  if (refusals.length > 0) throw invalidReferences(refusals, locale);
}

async function specialtyNames(trx: Trx, ids: readonly CategoryId[]): Promise<string[]> {
  const rows = await trx.selectFrom('categories').select(['id', 'name']).where('id', 'in', ids).execute();
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return ids.map((id) => names.get(id) ?? id);
}

/** Replaces the expert's specialties, products and terms with those of what it now holds. */
async function writeRelations(
  trx: Trx,
  seq: number,
  expert: { name: string; title: string; bio: string; specialties: readonly CategoryId[] },
  productIds: readonly string[] | undefined,
  now: string,
): Promise<void> {
  await trx.deleteFrom('expert_specialties').where('expert_seq', '=', seq).execute();
  await trx
    .insertInto('expert_specialties')
    .values(expert.specialties.map((category_id) => ({ expert_seq: seq, category_id })))
    .execute();
  if (productIds !== undefined) {
    await trx.deleteFrom('expert_products').where('expert_seq', '=', seq).execute();
    if (productIds.length > 0) {
      await trx
        .insertInto('expert_products')
        .values(productIds.map((product_id) => ({ expert_seq: seq, product_id })))
        .execute();
    }
  }
  const searchText = expertSearchText({ ...expert, specialtyNames: await specialtyNames(trx, expert.specialties) });
  await trx.updateTable('experts').set({ search_text: searchText, updated_at: now }).where('seq', '=', seq).execute();
  await trx.deleteFrom('expert_terms').where('expert_seq', '=', seq).execute();
  await trx.insertInto('expert_terms').values(expertTermRows(seq, searchText)).execute();
}

const unique = <T>(values: readonly T[] | undefined): T[] | undefined =>
  values === undefined ? undefined : [...new Set(values)];

export async function createExpert(
  context: CatalogContext,
  trx: Trx,
  principal: Principal,
  input: ExpertInput,
  locale: MessageLocale,
): Promise<ExpertDetail> {
  const owner = await ownerOfNew(trx, context.regions, principal, input, locale);
  const productIds = unique(input.productIds) ?? [];
  await checkProducts(trx, owner.providerId, productIds, locale);
  const now = shanghaiDateTime(context.clock.now());
  const id = `exp-${randomBytes(6).toString('hex')}`;
  const expert = {
    name: input.name.trim(),
    title: input.title.trim(),
    bio: input.bio ?? '',
    specialties: input.specialties,
  };
  const inserted = await trx
    .insertInto('experts')
    .values({
      id,
      name: expert.name,
      title: expert.title,
      years: input.years,
      bio: expert.bio,
      region_code: owner.regionCode,
      provider_id: owner.providerId,
      center_region_code: owner.centerRegionCode,
      listed: 1,
      search_text: '',
      created_at: now,
      updated_at: now,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  await writeRelations(trx, Number(inserted.seq), expert, productIds, now);
  return expertDetailOf(trx, await expertRows(trx).where('e.id', '=', id).executeTakeFirstOrThrow(), 'owner');
}

export async function updateExpert(
  context: CatalogContext,
  trx: Trx,
  principal: Principal,
  id: string,
  patch: ExpertPatch,
  locale: MessageLocale,
): Promise<ExpertDetail> {
  const row = await expertRows(trx).where('e.id', '=', id).executeTakeFirst();
  if (!row || !mayEdit(context.regions, principal, row)) throw notFound(fill(NO_EXPERT, { id }));
  const productIds = unique(patch.productIds);
  if (productIds !== undefined) await checkProducts(trx, row.provider_id, productIds, locale);
  const seq = Number(row.seq);
  const specialties =
    patch.specialties ??
    (
      await trx
        .selectFrom('expert_specialties as s')
        .innerJoin('categories as c', 'c.id', 's.category_id')
        .select('s.category_id')
        .where('s.expert_seq', '=', seq)
        .orderBy('c.position')
        .execute()
    ).map((specialty) => specialty.category_id as CategoryId);
  const expert = {
    name: patch.name?.trim() ?? row.name,
    title: patch.title?.trim() ?? row.title,
    bio: patch.bio ?? row.bio,
    specialties,
  };
  const now = shanghaiDateTime(context.clock.now());
  await trx
    .updateTable('experts')
    .set({
      name: expert.name,
      title: expert.title,
      bio: expert.bio,
      ...(patch.years === undefined ? {} : { years: patch.years }),
      ...(patch.listed === undefined ? {} : { listed: patch.listed ? 1 : 0 }),
    })
    .where('seq', '=', seq)
    .execute();
  await writeRelations(trx, seq, expert, productIds, now);
  return expertDetailOf(trx, await expertRows(trx).where('e.seq', '=', seq).executeTakeFirstOrThrow(), 'owner');
}
