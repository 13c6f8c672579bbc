// The follow-ups of bad ratings: the provider answers, the enterprise reopens once or closes.
import type { MessageLocale, Principal, Rating } from '@smec/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { problems } from './problems.js';
import type { FollowUpRow, RatingRow } from './rows.js';
import { ratingWithFollowUp, visibleTo, type RatingContext } from './store.js';
import { followUpDueOn } from '../time/working-days.js';

/**
 * A rating the principal may act on (a provider's own, an enterprise's own, one of a center's region and below) with
 * its follow-up; 404 otherwise.
 */
export async function followUpFor(
  context: RatingContext,
  trx: Transaction<Database>,
  principal: Principal,
  ratingId: string,
  locale: MessageLocale,
): Promise<{ rating: RatingRow; followUp: FollowUpRow }> {
  const rating = await visibleTo(context, trx.selectFrom('ratings'), principal)
    .selectAll('ratings')
    .where('ratings.id', '=', ratingId)
    .executeTakeFirst();
  if (!rating) throw problems.ratingNotFound(locale, ratingId);
  const followUp = await trx
    .selectFrom('follow_ups')
    .selectAll()
    .where('rating_seq', '=', rating.seq)
    .executeTakeFirst();
  if (!followUp) throw problems.noFollowUp(locale, ratingId);
  return { rating, followUp };
}

/** The provider answers an open or reopened follow-up of one of its ratings. */
export async function answerFollowUp(
  context: RatingContext,
  trx: Transaction<Database>,
  principal: Principal,
  ratingId: string,
  text: string,
  locale: MessageLocale,
): Promise<Rating> {
  const { rating, followUp } = await followUpFor(context, trx, principal, ratingId, locale);
  const at = shanghaiDateTime(context.clock.now());
  const answered = await trx
    .updateTable('follow_ups')
    .set({ status: 'answered', updated_at: at })
    .where('seq', '=', followUp.seq)
    .where('status', 'in', ['open', 'reopened'])
    .executeTakeFirst();
  if (Number(answered.numUpdatedRows) === 0) throw problems.notAwaitingAnswer(locale, followUp.status);
  await trx.insertInto('follow_up_answers').values({ follow_up_seq: followUp.seq, text: text.trim(), at }).execute();
  return ratingWithFollowUp(context, trx, rating);
}

/** The enterprise reopens an answered follow-up, once, with a new due day 15 working days from today. */
export async function reopenFollowUp(
  context: RatingContext,
  trx: Transaction<Database>,
  principal: Principal,
  ratingId: string,
  reason: string,
  locale: MessageLocale,
): Promise<Rating> {
  const { rating, followUp } = await followUpFor(context, trx, principal, ratingId, locale);
  if (followUp.reopen_count > 0) throw problems.alreadyReopened(locale);
  if (followUp.status !== 'answered') throw problems.notAnswered(locale, followUp.status);
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const reopened = await trx
    .updateTable('follow_ups')
    .set((eb) => ({
      status: 'reopened',
      reopened_at: at,
      reopen_reason: reason.trim(),
      reopen_count: eb('reopen_count', '+', 1),
      due_on: followUpDueOn(now),
      updated_at: at,
    }))
    .where('seq', '=', followUp.seq)
    .where('status', '=', 'answered')
    .where('reopen_count', '=', 0)
    .executeTakeFirst();
  if (Number(reopened.numUpdatedRows) === 0) throw problems.alreadyReopened(locale);
  return ratingWithFollowUp(context, trx, rating);
}

/** The enterprise is content with the answer and closes the follow-up. */
export async function closeFollowUp(
  context: RatingContext,
  trx: Transaction<Database>,
  principal: Principal,
  ratingId: string,
  locale: MessageLocale,
): Promise<Rating> {
  const { rating, followUp } = await followUpFor(context, trx, principal, ratingId, locale);
  const closed = await trx
    .updateTable('follow_ups')
    .set({ status: 'closed', updated_at: shanghaiDateTime(context.clock.now()) })
    .where('seq', '=', followUp.seq)
    .where('status', '=', 'answered')
    .executeTakeFirst();
  if (Number(closed.numUpdatedRows) === 0) throw problems.notAnswered(locale, followUp.status);
  return ratingWithFollowUp(context, trx, rating);
}
