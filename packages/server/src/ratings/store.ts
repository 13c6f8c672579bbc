import type { Clock } from '../clock.js';
import { randomBytes } from 'node:crypto';
import {
  needsFollowUp,
  ratingGrade,
  ratingScore,
  type FollowUpAnswer,
  type MessageLocale,
  type Principal,
  type PublicRatingPage,
  type Rating,
  type RatingInput,
  type RatingPage,
  type RatingsQuery,
} from '@smec/schemas';
import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Database } from '../db/schema.js';
import { cursorScope, decodeTimeSeqCursor, encodeCursor } from '../http/cursor.js';

import { countRating } from './aggregates.js';
import { enterpriseLabel } from './label.js';
import { problems } from './problems.js';
import { distributionOf, followUpOf, publicRatingOf, ratingOf, type FollowUpRow, type RatingRow } from './rows.js';
import { followUpDueOn } from '../time/working-days.js';
import { shanghaiDateTime, shanghaiDay } from '../time/shanghai.js';

export interface RatingContext {
  readonly db: Kysely<Database>;
  readonly regions: RegionIndex;
  readonly secret: Buffer;
  /** The clock of ratings, due dates and `overdue`. */
  readonly clock: Clock;
}

type Db = Kysely<Database> | Transaction<Database>;
type RatingQuery = SelectQueryBuilder<Database, 'ratings', object>;

function newId(prefix: string): string {
  return `${prefix}-${randomBytes(8).toString('hex')}`;
}

/**
 * Limits a query on `ratings` to what the principal may see: an enterprise its own, a provider those of its
 * services, an administrator those of the enterprises in its region and below it.
 */
export function visibleTo<Q extends RatingQuery>(context: RatingContext, query: Q, principal: Principal): Q {
  const nothing = query.where('ratings.seq', '<', 0) as Q;
  switch (principal.role) {
    case 'enterprise':
      return principal.enterpriseId
        ? (query.where('ratings.enterprise_id', '=', principal.enterpriseId) as Q)
        : nothing;
    case 'provider':
      return principal.providerId ? (query.where('ratings.provider_id', '=', principal.providerId) as Q) : nothing;
    case 'admin': {
      const region = principal.regionCode ? context.regions.get(principal.regionCode) : undefined;
      if (!region) return nothing;
      if (region.level === 'province') return query;
      if (region.level === 'city') return query.where('ratings.city_code', '=', region.code) as Q;
      return query.where('ratings.region_code', '=', region.code) as Q;
    }
  }
}

interface FollowUpWithAnswers {
  readonly row: FollowUpRow;
  readonly answers: FollowUpAnswer[];
}

/** The follow-ups of some ratings with their answers in order, by rating seq. */
async function followUpsOf(db: Db, ratingSeqs: readonly number[]): Promise<Map<number, FollowUpWithAnswers>> {
  const result = new Map<number, FollowUpWithAnswers>();
  if (ratingSeqs.length === 0) return result;
  const rows = await db.selectFrom('follow_ups').selectAll().where('rating_seq', 'in', ratingSeqs).execute();
  const bySeq = new Map<number, FollowUpWithAnswers>();
  for (const row of rows) {
    const entry = { row, answers: [] };
    result.set(row.rating_seq, entry);
    bySeq.set(row.seq, entry);
  }
  if (bySeq.size > 0) {
    const answers = await db
      .selectFrom('follow_up_answers')
      .select(['follow_up_seq', 'text', 'at'])
      .where('follow_up_seq', 'in', [...bySeq.keys()])
      .orderBy('seq')
      .execute();
    for (const answer of answers) bySeq.get(answer.follow_up_seq)?.answers.push({ text: answer.text, at: answer.at });
  }
  return result;
}

async function ratingsWithFollowUps(context: RatingContext, db: Db, rows: readonly RatingRow[]): Promise<Rating[]> {
  const followUps = await followUpsOf(
    db,
    rows.map((row) => row.seq),
  );
  const today = shanghaiDay(context.clock.now());
  return rows.map((row) => {
    const followUp = followUps.get(row.seq);
    return ratingOf(row, followUp ? followUpOf(followUp.row, followUp.answers, today) : null);
  });
}

export async function ratingWithFollowUp(context: RatingContext, db: Db, row: RatingRow): Promise<Rating> {
  const [rating] = await ratingsWithFollowUps(context, db, [row]);
  if (!rating) throw new Error(`Rating ${row.id} vanished`);
  return rating;
}

/**
 * Rates an engagement for its enterprise. Only the owner sees the engagement at all (404 otherwise, as if it did
 * not exist); it must be delivered and accepted; it is rated once — checked here, and refused by the unique index
 * on `ratings.engagement_id` and the conditional update of `engagements.rating_id` if two requests race. The score,
 * the grade, the follow-up's due day and every aggregate are set in the same transaction.
 */
export async function rateEngagement(
  context: RatingContext,
  trx: Transaction<Database>,
  principal: Principal,
  engagementId: string,
  input: RatingInput,
  locale: MessageLocale,
): Promise<Rating> {
  if (!principal.enterpriseId) throw problems.notOrganization(locale);
  const engagement = await trx
    .selectFrom('engagements')
    .select([
      'id',
      'enterprise_id',
      'enterprise_name',
      'enterprise_region_code',
      'provider_id',
      'product_id',
      'product_name',
      'status',
      'accepted_at',
      'rating_id',
    ])
    .where('id', '=', engagementId)
    .where('enterprise_id', '=', principal.enterpriseId)
    .executeTakeFirst();
  if (!engagement) throw problems.engagementNotFound(locale, engagementId);
  if (engagement.rating_id) throw problems.alreadyRated(locale, engagement.rating_id);
  if ((engagement.status !== 'delivered' && engagement.status !== 'closed') || !engagement.accepted_at) {
    throw problems.notDelivered(locale);
  }

  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const score = ratingScore(input.scores);
  const city = context.regions.cityOf(engagement.enterprise_region_code);
  const row: Omit<RatingRow, 'seq'> = {
    id: newId('rat'),
    engagement_id: engagement.id,
    enterprise_id: engagement.enterprise_id,
    region_code: engagement.enterprise_region_code,
    city_code: city?.code ?? null,
    provider_id: engagement.provider_id,
    product_id: engagement.product_id,
    product_name: engagement.product_name,
    attitude: input.scores.attitude,
    expertise: input.scores.expertise,
    conduct: input.scores.conduct,
    fulfilment: input.scores.fulfilment,
    quality: input.scores.quality,
    value: input.scores.value,
    usefulness: input.scores.usefulness,
    after_sales: input.scores.afterSales,
    score,
    grade: ratingGrade(score),
    level: input.level,
    solved: input.solved ? 1 : 0,
    comment: input.comment?.trim() ?? '',
    enterprise_label: enterpriseLabel(engagement.enterprise_name, city?.name ?? null),
    created_at: at,
    created_ts: now,
  };
  const claimed = await trx
    .updateTable('engagements')
    .set({ rating_id: row.id, updated_at: at })
    .where('id', '=', engagement.id)
    .where('rating_id', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) {
    const current = await trx.selectFrom('engagements').select('rating_id').where('id', '=', engagement.id).execute();
    throw problems.alreadyRated(locale, current[0]?.rating_id ?? '');
  }
  const { seq } = await trx.insertInto('ratings').values(row).returning('seq').executeTakeFirstOrThrow();
  if (needsFollowUp(input.level)) {
    await trx
      .insertInto('follow_ups')
      .values({
        id: newId('fu'),
        rating_seq: seq,
        status: 'open',
        opened_at: at,
        due_on: followUpDueOn(now),
        reopened_at: null,
        reopen_reason: null,
        reopen_count: 0,
        updated_at: at,
      })
      .execute();
  }
  await countRating(trx, { providerId: row.provider_id, productId: row.product_id, score, level: row.level });
  return ratingWithFollowUp(context, trx, { ...row, seq });
}

/** The rating of an engagement the principal is a party to (or administers); 404 otherwise or when unrated. */
export async function engagementRating(
  context: RatingContext,
  principal: Principal,
  engagementId: string,
  locale: MessageLocale,
): Promise<Rating> {
  const row = await visibleTo(context, context.db.selectFrom('ratings'), principal)
    .selectAll('ratings')
    .where('ratings.engagement_id', '=', engagementId)
    .executeTakeFirst();
  if (!row) throw problems.notRated(locale, engagementId);
  return ratingWithFollowUp(context, context.db, row);
}

/** Newest first: `created_ts` then `seq`, both descending; the cursor is the last row's pair. */
function after<Q extends RatingQuery>(context: RatingContext, query: Q, cursor: string | undefined, scope: string): Q {
  if (!cursor) return query;
  const [ts, seq] = decodeTimeSeqCursor(context.secret, cursor, scope);
  return query.where((eb) =>
    eb.or([
      eb('ratings.created_ts', '<', ts),
      eb.and([eb('ratings.created_ts', '=', ts), eb('ratings.seq', '<', seq)]),
    ]),
  ) as Q;
}

function nextCursorOf(context: RatingContext, rows: readonly RatingRow[], limit: number, scope: string) {
  const last = rows[Math.min(rows.length, limit) - 1];
  return rows.length > limit && last ? encodeCursor(context.secret, [last.created_ts, last.seq], scope) : null;
}

/** The ratings the principal may see, newest first; `followUp` keeps those whose follow-up has that status. */
export async function listRatings(
  context: RatingContext,
  principal: Principal,
  query: RatingsQuery & { limit?: number | undefined },
): Promise<RatingPage> {
  const limit = query.limit ?? 20;
  const scope = cursorScope(`ratings ${principal.userId}`, { followUp: query.followUp });
  const base = () => {
    const visible = visibleTo(context, context.db.selectFrom('ratings'), principal);
    if (!query.followUp) return visible;
    return visible.where((eb) =>
      eb.exists(
        eb
          .selectFrom('follow_ups')
          .select('follow_ups.seq')
          .whereRef('follow_ups.rating_seq', '=', 'ratings.seq')
          .where('follow_ups.status', '=', query.followUp ?? 'open'),
      ),
    );
  };
  const total = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await after(context, base(), query.cursor, scope)
    .selectAll('ratings')
    .orderBy('ratings.created_ts', 'desc')
    .orderBy('ratings.seq', 'desc')
    .limit(limit + 1)
    .execute();
  return {
    items: await ratingsWithFollowUps(context, context.db, rows.slice(0, limit)),
    nextCursor: nextCursorOf(context, rows, limit, scope),
    total: Number(total.n),
  };
}

/**
 * A listed provider's or product's public ratings, newest first, with the provider's answers and the summary of
 * all of them; the enterprise appears only as its label.
 */
export async function publicRatings(
  context: RatingContext,
  subject: 'provider' | 'product',
  id: string,
  query: { limit?: number | undefined; cursor?: string | undefined },
): Promise<PublicRatingPage | undefined> {
  const table = subject === 'provider' ? 'providers' : 'products';
  const exists = await context.db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('listed', '=', 1)
    .executeTakeFirst();
  if (!exists) return undefined;
  const column = subject === 'provider' ? 'ratings.provider_id' : 'ratings.product_id';
  const limit = query.limit ?? 10;
  const scope = cursorScope(`${subject} ratings ${id}`, {});
  const stats = await context.db
    .selectFrom(subject === 'provider' ? 'provider_rating_stats' : 'product_rating_stats')
    .selectAll()
    .where('subject_id', '=', id)
    .executeTakeFirst();
  const rows = await after(context, context.db.selectFrom('ratings').where(column, '=', id), query.cursor, scope)
    .selectAll('ratings')
    .orderBy('ratings.created_ts', 'desc')
    .orderBy('ratings.seq', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const followUps = await followUpsOf(
    context.db,
    page.map((row) => row.seq),
  );
  const summary = distributionOf(stats);
  return {
    items: page.map((row) => publicRatingOf(row, followUps.get(row.seq)?.answers ?? [])),
    nextCursor: nextCursorOf(context, rows, limit, scope),
    total: summary.count,
    summary,
  };
}
