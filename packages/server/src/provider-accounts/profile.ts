// A provider's own account (`/me/provider`): it reads it with its timeline and pending change, and changes what it
// keeps itself (applied at once, in the catalog too); a new name, credit code or legal representative is kept as a
// pending change for its center to approve or refuse (transitions.ts), not applied.
import type { IdentityChange, Principal, ProviderAccount, ProviderAccountPatch } from '@smec/schemas';
import type { Transaction } from 'kysely';
import { forbidden } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { unknownRegion } from '../http/common-problems.js';
import { staleEdit } from '../http/if-match.js';
import type { Localized } from '../http/localized.js';
import { ProblemError } from '../http/problem.js';
import { moveCatalogVersions } from '../products/catalog-index.js';
import { normalizeText } from '../search/ngrams.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { accountIfMatchHolds, accountOf, providerRow } from './account.js';
import type { ProviderAccountContext } from './transitions.js';

const TEXT = {
  noProvider: {
    'zh-CN': '您的账号未关联服务机构。',
    'zh-HK': '您的帳戶未關聯服務機構。',
    en: 'Your account belongs to no provider.',
  },
  notActive: {
    'zh-CN': '您的机构已被暂停或移出服务网络：可以查看，但不能修改机构信息。',
    'zh-HK': '您的機構已被暫停或移出服務網絡：可以查看，但不能修改機構資料。',
    en: 'Your organisation is suspended or removed from the network: it may read its account but not change it.',
  },
} as const satisfies Record<string, Localized>;

function providerIdOf(principal: Principal): string {
  if (!principal.providerId) throw forbidden(TEXT.noProvider);
  return principal.providerId;
}

export async function getOwnAccount(context: ProviderAccountContext, principal: Principal): Promise<ProviderAccount> {
  const row = await providerRow(context.db, providerIdOf(principal));
  if (!row) throw forbidden(TEXT.noProvider);
  return accountOf(context.db, row);
}

/** The identity fields the patch asks to change (those that differ from the provider's own). */
function identityChange(
  patch: ProviderAccountPatch,
  current: { name: string; uscc: string; legal: string },
): IdentityChange {
  return {
    ...(patch.name !== undefined && patch.name.trim() !== current.name ? { name: patch.name.trim() } : {}),
    ...(patch.uscc !== undefined && patch.uscc !== current.uscc ? { uscc: patch.uscc } : {}),
    ...(patch.legalRepresentative !== undefined && patch.legalRepresentative.trim() !== current.legal
      ? { legalRepresentative: patch.legalRepresentative.trim() }
      : {}),
  };
}

export async function updateOwnAccount(
  context: ProviderAccountContext,
  trx: Transaction<Database>,
  principal: Principal,
  ifMatch: readonly string[] | '*',
  patch: ProviderAccountPatch,
): Promise<ProviderAccount> {
  const providerId = providerIdOf(principal);
  patch.regionsServed?.forEach((code, index) => {
    if (!context.regions.get(code)) throw unknownRegion(`body.regionsServed.${index}`, code);
  });
  const row = await providerRow(trx, providerId);
  if (!row) throw forbidden(TEXT.noProvider);
  if (row.admission !== 'admitted') throw new ProblemError('provider_not_active', TEXT.notActive);
  const revision = row.revision ?? 0;
  if (!accountIfMatchHolds(ifMatch, row.id, revision)) throw staleEdit();
  const shortName = patch.shortName?.trim() ?? row.short_name;
  const updated = await trx
    .updateTable('providers')
    .set({
      revision: revision + 1,
      short_name: shortName,
      search_text: normalizeText(`${row.name}\n${shortName}`),
      ...(patch.address === undefined ? {} : { address: patch.address.trim() }),
      ...(patch.contact === undefined ? {} : { contact: patch.contact.trim() }),
      ...(patch.phone === undefined ? {} : { phone: patch.phone }),
      ...(patch.email === undefined ? {} : { email: patch.email }),
      ...(patch.website === undefined ? {} : { website: patch.website }),
      ...(patch.description === undefined ? {} : { description: patch.description.trim() }),
      ...(patch.categoryIds === undefined ? {} : { category_ids: JSON.stringify(patch.categoryIds) }),
      ...(patch.regionsServed === undefined ? {} : { regions_served: JSON.stringify(patch.regionsServed) }),
      ...(patch.acceptsVouchers === undefined ? {} : { accepts_vouchers: patch.acceptsVouchers ? 1 : 0 }),
    })
    .where('id', '=', row.id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  // Of two changes sent with the same ETag, the first one written wins.
  if (Number(updated.numUpdatedRows) !== 1) throw staleEdit();
  if (patch.categoryIds !== undefined) {
    await trx.deleteFrom('provider_categories').where('provider_seq', '=', row.seq).execute();
    await trx
      .insertInto('provider_categories')
      .values(patch.categoryIds.map((categoryId) => ({ provider_seq: row.seq, category_id: categoryId })))
      .execute();
  }
  const change = identityChange(patch, { name: row.name, uscc: row.uscc, legal: row.legal_representative ?? '' });
  if (Object.keys(change).length > 0) await requestChange(trx, row.id, change, principal.userId, context);
  // The catalog's provider lists are remembered per catalog version: the change shows in them at once.
  await moveCatalogVersions(trx);
  const stored = await providerRow(trx, row.id);
  if (!stored) throw forbidden(TEXT.noProvider);
  return accountOf(trx, stored);
}

/** Keeps the change for the center: added to the pending one, if there is one. */
async function requestChange(
  trx: Transaction<Database>,
  providerId: string,
  change: IdentityChange,
  userId: string,
  context: ProviderAccountContext,
): Promise<void> {
  const at = shanghaiDateTime(context.clock.now());
  const pending = await trx
    .selectFrom('provider_changes')
    .select(['seq', 'fields'])
    .where('provider_id', '=', providerId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (pending) {
    const fields = { ...(JSON.parse(pending.fields) as IdentityChange), ...change };
    await trx
      .updateTable('provider_changes')
      .set({ fields: JSON.stringify(fields), requested_at: at })
      .where('seq', '=', pending.seq)
      .execute();
  } else {
    await trx
      .insertInto('provider_changes')
      .values({
        provider_id: providerId,
        fields: JSON.stringify(change),
        status: 'pending',
        requested_at: at,
        decided_at: null,
        reason: null,
      })
      .execute();
  }
  await trx
    .insertInto('provider_timeline')
    .values({ provider_id: providerId, action: 'requestChange', at, reason: null, actor_user_id: userId })
    .execute();
}
