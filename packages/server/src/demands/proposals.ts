// The providers (and products) a center proposes for a demand: one code path for `POST /demands/{id}/proposals` and
// the `match` move, at most five per demand in all, each told to the proposed provider's users.
import {
  DEMAND_PROPOSALS_MAX,
  type DemandMatch,
  type DemandProposalInput,
  type FieldError,
  type MessageLocale,
  type Principal,
  messageText,
} from '@smec/schemas';
import type { Transaction } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/schema.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError, validationFailed } from '../http/problem.js';
import { notify } from '../notifications/notify.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import type { DemandRow } from './rows.js';

type Trx = Transaction<Database>;

const TEXT = {
  tooMany: {
    'zh-CN': '每条需求最多推荐 {max} 个服务机构或产品；该需求已有 {count} 条，本次最多还能推荐 {left} 条。',
    'zh-HK': '每條需求最多推薦 {max} 個服務機構或產品；該需求已有 {count} 條，本次最多還能推薦 {left} 條。',
    en: 'A demand takes at most {max} proposals; this one has {count}, so at most {left} more.',
  },
  twice: {
    'zh-CN': '该服务机构（或产品）已推荐过，不能重复推荐。',
    'zh-HK': '該服務機構（或產品）已推薦過，不能重複推薦。',
    en: 'This provider (or product) was proposed already.',
  },
} as const satisfies Record<string, Localized>;

interface Resolved {
  readonly providerId: string;
  readonly providerName: string;
  readonly productId: string | null;
  readonly productName: string | null;
  readonly note: string | null;
}

/** The providers (listed) and products (listed, the provider's own) proposed; errors name the entry under `field`. */
async function resolveProposals(
  trx: Trx,
  proposals: readonly DemandProposalInput[],
  field: string,
  locale: MessageLocale,
): Promise<Resolved[]> {
  const errors: FieldError[] = [];
  const resolved: Resolved[] = [];
  const invalid = (path: string) => ({ path, message: messageText('invalid', locale), code: 'invalid' });
  for (const [index, proposal] of proposals.entries()) {
    const provider = await trx
      .selectFrom('providers')
      .select(['id', 'name'])
      .where('id', '=', proposal.providerId)
      .where('listed', '=', 1)
      .executeTakeFirst();
    if (!provider) {
      errors.push(invalid(`body.${field}.${index}.providerId`));
      continue;
    }
    let productName: string | null = null;
    if (proposal.productId) {
      const product = await trx
        .selectFrom('products')
        .select('name')
        .where('id', '=', proposal.productId)
        .where('provider_id', '=', provider.id)
        .where('listed', '=', 1)
        .executeTakeFirst();
      if (!product) {
        errors.push(invalid(`body.${field}.${index}.productId`));
        continue;
      }
      productName = product.name;
    }
    resolved.push({
      providerId: provider.id,
      providerName: provider.name,
      productId: proposal.productId ?? null,
      productName,
      note: proposal.note?.trim() || null,
    });
  }
  if (errors.length > 0) throw validationFailed(errors);
  return resolved;
}

const keyOf = (proposal: { providerId: string; productId: string | null }) =>
  `${proposal.providerId} ${proposal.productId ?? ''}`;

/**
 * Adds `proposals` to the demand (whose row the caller holds, its status checked), after those it has: five at most,
 * none twice. Each proposed provider's users are told. Answers the demand's proposals, all of them.
 */
export async function addProposals(
  trx: Trx,
  principal: Principal,
  row: DemandRow,
  proposals: readonly DemandProposalInput[],
  field: 'proposals' | 'matches',
  locale: MessageLocale,
  now: number,
): Promise<DemandMatch[]> {
  const resolved = await resolveProposals(trx, proposals, field, locale);
  const existing = await trx
    .selectFrom('demand_proposals')
    .select(['provider_id', 'product_id'])
    .where('demand_seq', '=', row.seq)
    .execute();
  const count = existing.length;
  if (count + resolved.length > DEMAND_PROPOSALS_MAX) {
    const facts = { max: DEMAND_PROPOSALS_MAX, count, left: Math.max(0, DEMAND_PROPOSALS_MAX - count) };
    throw new ProblemError('conflict', fill(TEXT.tooMany, facts));
  }
  const seen = new Set(
    existing.map((proposal) => keyOf({ providerId: proposal.provider_id, productId: proposal.product_id })),
  );
  for (const proposal of resolved) {
    if (seen.has(keyOf(proposal))) throw new ProblemError('conflict', TEXT.twice);
    seen.add(keyOf(proposal));
  }
  const at = shanghaiDateTime(now);
  await trx
    .insertInto('demand_proposals')
    .values(
      resolved.map((proposal, index) => ({
        id: `dpr-${randomBytes(8).toString('hex')}`,
        demand_seq: row.seq,
        provider_id: proposal.providerId,
        product_id: proposal.productId,
        note: proposal.note,
        proposed_at: at,
        proposed_ts: now,
        proposed_by: principal.userId,
        position: count + index,
      })),
    )
    .execute();
  await tellProviders(trx, now, row, [...new Set(resolved.map((proposal) => proposal.providerId))]);
  return resolved.map(({ providerId, providerName, productId, productName, note }) => ({
    providerId,
    providerName,
    productId,
    productName,
    note,
  }));
}

/** The users of each proposed provider learn there is a demand for them (its title; the rest is in their list). */
async function tellProviders(trx: Trx, now: number, row: DemandRow, providerIds: readonly string[]): Promise<void> {
  if (providerIds.length === 0) return;
  const users = await trx.selectFrom('users').select('id').where('provider_id', 'in', providerIds).execute();
  await notify(
    trx,
    now,
    users.map((user) => user.id),
    { kind: 'demandMatched', subjectType: 'demand', subjectId: row.id, data: { title: row.title } },
  );
}
