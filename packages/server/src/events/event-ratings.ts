// Attendees rate an event once it is over (one rating per attendance, a unique constraint), and the center running
// it reads the results: how many, the mean, how many gave each score and the latest comments.
import { randomBytes } from 'node:crypto';
import type { EventRating, EventRatingInput, EventRatingSummary, MessageLocale, Principal } from '@smec/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError, notFound } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { staffEventRow } from './admin.js';
import { enterpriseOf } from './registrations.js';
import { publicEventRow, type EventContext } from './store.js';

const TEXT = {
  noAttendance: {
    'zh-CN': '贵企业未报名活动 {event}。',
    'zh-HK': '貴企業未報名活動 {event}。',
    en: 'Your enterprise has no registration for event {event}.',
  },
  notAttended: {
    'zh-CN': '贵企业未在活动 {event} 现场签到，只有参会企业可以评价。',
    'zh-HK': '貴企業未在活動 {event} 現場簽到，只有參會企業可以評價。',
    en: 'Your enterprise did not check in at event {event}; only attendees rate it.',
  },
  notOver: {
    'zh-CN': '活动 {event} 尚未结束，结束后才能评价。',
    'zh-HK': '活動 {event} 尚未結束，結束後才能評價。',
    en: 'Event {event} is not over yet; rate it after it ends.',
  },
  alreadyRated: {
    'zh-CN': '贵企业已评价过该活动（评价编号 {id}），每次参会限评价一次。',
    'zh-HK': '貴企業已評價過該活動（評價編號 {id}），每次參會限評價一次。',
    en: 'Your enterprise already rated this event (rating {id}); one rating per attendance.',
  },
} as const satisfies Record<string, Localized>;

export function alreadyRatedEvent(ratingId: string): ProblemError {
  return new ProblemError('already_rated', fill(TEXT.alreadyRated, { id: ratingId }), { extensions: { ratingId } });
}

/** The enterprise's attendance of the event and its rating, if any. */
export async function attendanceOf(
  db: Transaction<Database> | EventContext['db'],
  eventSeq: number,
  enterpriseId: string,
) {
  return db
    .selectFrom('registrations')
    .leftJoin('event_ratings', 'event_ratings.registration_seq', 'registrations.seq')
    .select(['registrations.seq', 'registrations.id', 'registrations.status', 'event_ratings.id as rating_id'])
    .where('registrations.event_seq', '=', eventSeq)
    .where('registrations.enterprise_id', '=', enterpriseId)
    .orderBy('registrations.seq', 'desc')
    .execute();
}

/** Rates an event the enterprise attended, once it has ended. */
export async function rateEvent(
  context: EventContext,
  trx: Transaction<Database>,
  principal: Principal,
  eventId: string,
  input: EventRatingInput,
  locale: MessageLocale,
): Promise<EventRating> {
  const enterpriseId = enterpriseOf(principal, locale);
  const event = await publicEventRow(trx, eventId);
  const registrations = await attendanceOf(trx, event.seq, enterpriseId);
  if (registrations.length === 0) throw notFound(fill(TEXT.noAttendance, { event: eventId }));
  const attended = registrations.find((registration) => registration.status === 'attended');
  if (!attended) throw new ProblemError('conflict', fill(TEXT.notAttended, { event: eventId }));
  if (attended.rating_id) throw alreadyRatedEvent(attended.rating_id);
  const now = context.clock.now();
  if (now < event.ends_ts) throw new ProblemError('conflict', fill(TEXT.notOver, { event: eventId }));
  const rating = {
    id: `evr-${randomBytes(8).toString('hex')}`,
    event_seq: event.seq,
    registration_seq: attended.seq,
    enterprise_id: enterpriseId,
    user_id: principal.userId,
    score: input.score,
    comment: input.comment?.trim() || null,
    created_at: shanghaiDateTime(now),
    created_ts: now,
  };
  await trx.insertInto('event_ratings').values(rating).execute();
  return {
    id: rating.id,
    eventId,
    registrationId: attended.id,
    score: rating.score,
    comment: rating.comment,
    createdAt: rating.created_at,
  };
}

/** The ratings of an event, for the center running it and those above. */
export async function eventRatingSummary(
  context: EventContext,
  principal: Principal,
  eventId: string,
): Promise<EventRatingSummary> {
  const event = await staffEventRow(context, context.db, principal, eventId);
  const scores = await context.db
    .selectFrom('event_ratings')
    .select(['score', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_seq', '=', event.seq)
    .groupBy('score')
    .execute();
  const distribution = [0, 0, 0, 0, 0];
  for (const row of scores) distribution[row.score - 1] = Number(row.n);
  const count = distribution.reduce((sum, n) => sum + n, 0);
  const sum = distribution.reduce((total, n, index) => total + n * (index + 1), 0);
  const comments = await context.db
    .selectFrom('event_ratings')
    .select(['score', 'comment', 'created_at'])
    .where('event_seq', '=', event.seq)
    .where('comment', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(20)
    .execute();
  return {
    count,
    average: count === 0 ? null : Math.round((sum / count) * 10) / 10,
    distribution,
    comments: comments.map((row) => ({ score: row.score, comment: row.comment ?? '', createdAt: row.created_at })),
  };
}
