// What a center does to a provider of its region after admission: suspends it (it and its products leave the
// catalog, vouchers are no longer usable with it; engagements in progress go on), reinstates it, removes it (final),
// and approves or refuses the change of name, credit code or legal representative it asked for. Each move is one
// conditional UPDATE on the state read (of two concurrent moves one passes) and a step on the provider's timeline.
import type { Admission, IdentityChange, Principal, ProviderAccount, ProviderTransition } from '@smec/schemas';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { RegionIndex } from '../catalog/regions.js';
import type { Database } from '../db/schema.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError } from '../http/problem.js';
import { moveCatalogVersions, reindexProducts } from '../products/catalog-index.js';
import { normalizeText } from '../search/ngrams.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { accountOf, providerRow } from './account.js';

export interface ProviderAccountContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  readonly secret: Buffer;
  readonly clock: Clock;
}

const TEXT = {
  noRegion: {
    'zh-CN': '您的账号未关联服务中心所在地区，不能管理服务机构。',
    'zh-HK': '您的帳戶未關聯服務中心所在地區，不能管理服務機構。',
    en: 'Your account is not bound to a service center’s region, so it cannot manage providers.',
  },
  noProvider: {
    'zh-CN': '没有服务机构 {id}，或它不在您所属的地区。',
    'zh-HK': '沒有服務機構 {id}，或它不在您所屬的地區。',
    en: 'There is no provider {id}, or it is not within your region.',
  },
  notAllowed: {
    'zh-CN': '服务机构当前状态为 {admission}，不能执行 {action}。',
    'zh-HK': '服務機構目前狀態為 {admission}，不能執行 {action}。',
    en: 'The provider is {admission}: {action} is not possible.',
  },
  movedMeanwhile: {
    'zh-CN': '服务机构的状态刚被他人修改，请刷新后重试。',
    'zh-HK': '服務機構的狀態剛被他人修改，請重新整理後再試。',
    en: 'Someone changed the provider meanwhile; reload and try again.',
  },
  noPendingChange: {
    'zh-CN': '该服务机构没有待审核的信息变更。',
    'zh-HK': '該服務機構沒有待審核的資料變更。',
    en: 'The provider has no change waiting for review.',
  },
  usccTaken: {
    'zh-CN': '统一社会信用代码 {uscc} 已属于另一家服务机构。',
    'zh-HK': '統一社會信用代碼 {uscc} 已屬於另一家服務機構。',
    en: 'The credit code {uscc} already belongs to another provider.',
  },
} as const satisfies Record<string, Localized>;

/** The admission each move takes a provider from, and to. */
const MOVES: Readonly<Record<'suspend' | 'reinstate' | 'remove', { from: readonly Admission[]; to: Admission }>> = {
  suspend: { from: ['admitted'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'admitted' },
  remove: { from: ['admitted', 'suspended'], to: 'removed' },
};

function adminRegion(principal: Principal): string {
  if (!principal.regionCode) throw new ProblemError('forbidden', TEXT.noRegion);
  return principal.regionCode;
}

/** Derives the catalog of every product of the provider again (listed or not, its name in the search texts). */
async function reindexProviderProducts(
  trx: Transaction<Database>,
  regions: RegionIndex,
  providerId: string,
): Promise<void> {
  const products = await trx.selectFrom('products').select('seq').where('provider_id', '=', providerId).execute();
  if (products.length === 0) await moveCatalogVersions(trx);
  else
    await reindexProducts(
      trx,
      regions,
      products.map((product) => product.seq),
    );
}

export async function transitionProvider(
  context: ProviderAccountContext,
  trx: Transaction<Database>,
  principal: Principal,
  id: string,
  move: ProviderTransition,
): Promise<ProviderAccount> {
  const own = adminRegion(principal);
  const row = await providerRow(trx, id);
  if (!row || !context.regions.isWithin(row.region_code, own)) {
    throw new ProblemError('not_found', fill(TEXT.noProvider, { id }));
  }
  const at = shanghaiDateTime(context.clock.now());
  if (move.action === 'approveChange' || move.action === 'refuseChange') {
    await decideChange(context, trx, row.id, move, at);
  } else {
    const { from, to } = MOVES[move.action];
    if (!from.includes(row.admission as Admission)) {
      throw new ProblemError('conflict', fill(TEXT.notAllowed, { admission: row.admission, action: move.action }));
    }
    const updated = await trx
      .updateTable('providers')
      .set((eb) => ({
        admission: to,
        listed: to === 'admitted' ? 1 : 0,
        revision: eb(eb.ref('revision'), '+', 1),
      }))
      .where('id', '=', row.id)
      .where('admission', '=', row.admission)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new ProblemError('conflict', TEXT.movedMeanwhile);
    await reindexProviderProducts(trx, context.regions, row.id);
  }
  await trx
    .insertInto('provider_timeline')
    .values({
      provider_id: row.id,
      action: move.action,
      at,
      reason: move.reason?.trim() ?? null,
      actor_user_id: principal.userId,
    })
    .execute();
  const stored = await providerRow(trx, row.id);
  if (!stored) throw new ProblemError('not_found', fill(TEXT.noProvider, { id }));
  return accountOf(trx, stored);
}

/** Applies the pending change (approve) or leaves it (refuse); either way it is decided once. */
async function decideChange(
  context: ProviderAccountContext,
  trx: Transaction<Database>,
  providerId: string,
  move: Extract<ProviderTransition, { action: 'approveChange' | 'refuseChange' }>,
  at: string,
): Promise<void> {
  const pending = await trx
    .selectFrom('provider_changes')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (!pending) throw new ProblemError('conflict', TEXT.noPendingChange);
  const approved = move.action === 'approveChange';
  const decided = await trx
    .updateTable('provider_changes')
    .set({ status: approved ? 'approved' : 'refused', decided_at: at, reason: move.reason?.trim() ?? null })
    .where('seq', '=', pending.seq)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(decided.numUpdatedRows) !== 1) throw new ProblemError('conflict', TEXT.movedMeanwhile);
  const fields = JSON.parse(pending.fields) as IdentityChange;
  if (approved && fields.uscc !== undefined) {
    const holder = await trx
      .selectFrom('providers')
      .select('id')
      .where('uscc', '=', fields.uscc)
      .where('id', '<>', providerId)
      .executeTakeFirst();
    if (holder) throw new ProblemError('conflict', fill(TEXT.usccTaken, { uscc: fields.uscc }));
  }
  await trx
    .updateTable('providers')
    .set((eb) => ({
      revision: eb(eb.ref('revision'), '+', 1),
      ...(approved && fields.name !== undefined ? { name: fields.name.trim() } : {}),
      ...(approved && fields.uscc !== undefined ? { uscc: fields.uscc } : {}),
      ...(approved && fields.legalRepresentative !== undefined
        ? { legal_representative: fields.legalRepresentative.trim() }
        : {}),
    }))
    .where('id', '=', providerId)
    .execute();
  if (approved && fields.name !== undefined) {
    // The provider's name is searched with its products' texts: they are derived again.
    const row = await providerRow(trx, providerId);
    if (row) {
      await trx
        .updateTable('providers')
        .set({ search_text: normalizeText(`${row.name}\n${row.short_name}`) })
        .where('id', '=', providerId)
        .execute();
    }
    await reindexProviderProducts(trx, context.regions, providerId);
  }
}
