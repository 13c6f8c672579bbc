// What a center does with the follow-ups of bad ratings in its region: notes on their history, an escalation to the
// level above, and their close as resolved. Every step is a staff write: its route puts it on the audit log.
import type { MessageLocale, Principal, Rating } from '@smec/schemas';
import type { Transaction } from 'kysely';
import type { SnapshotReader } from '../audit/audited-write.js';
import type { Database } from '../db/schema.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { problems } from './problems.js';
import type { FollowUpRow, RatingRow } from './rows.js';
import { followUpFor } from './follow-ups.js';
import { ratingWithFollowUp, type RatingContext } from './store.js';

type Trx = Transaction<Database>;

/** A rating of the staff member's region and below, with its follow-up still open to the center; 404 otherwise. */
async function openFollowUp(
  context: RatingContext,
  trx: Trx,
  principal: Principal,
  ratingId: string,
  locale: MessageLocale,
): Promise<{ rating: RatingRow; followUp: FollowUpRow }> {
  const found = await followUpFor(context, trx, principal, ratingId, locale);
  if (found.followUp.status === 'closed') throw problems.followUpClosed(locale);
  return found;
}

async function addAction(
  context: RatingContext,
  trx: Trx,
  principal: Principal,
  followUp: FollowUpRow,
  kind: 'note' | 'escalation' | 'resolution',
  text: string,
  toRegionCode: string | null = null,
): Promise<string> {
  const at = shanghaiDateTime(context.clock.now());
  await trx
    .insertInto('follow_up_actions')
    .values({
      follow_up_seq: followUp.seq,
      kind,
      text: text.trim(),
      actor_user_id: principal.userId,
      actor_name: principal.name,
      // Only center staff reach here, and every center account acts for a region (requireStaff).
      actor_region_code: principal.regionCode ?? '',
      to_region_code: toRegionCode,
      at,
    })
    .execute();
  return at;
}

/** A note on the follow-up's history; it changes nothing else. */
export async function noteFollowUp(
  context: RatingContext,
  trx: Trx,
  principal: Principal,
  ratingId: string,
  text: string,
  locale: MessageLocale,
): Promise<Rating> {
  const { rating, followUp } = await openFollowUp(context, trx, principal, ratingId, locale);
  const at = await addAction(context, trx, principal, followUp, 'note', text);
  await trx.updateTable('follow_ups').set({ updated_at: at }).where('seq', '=', followUp.seq).execute();
  return ratingWithFollowUp(context, trx, rating, principal);
}

/**
 * Hands the follow-up to the center of the level above the staff member's: the province's center has none (403).
 * Refused (409) when it already sits with that center or one above it; the conditional update keeps two escalations
 * at once from both passing.
 */
export async function escalateFollowUp(
  context: RatingContext,
  trx: Trx,
  principal: Principal,
  ratingId: string,
  reason: string,
  locale: MessageLocale,
): Promise<Rating> {
  const region = principal.regionCode ? context.regions.get(principal.regionCode) : undefined;
  if (!region?.parentCode) throw problems.noLevelAbove(locale);
  const target = region.parentCode;
  const { rating, followUp } = await openFollowUp(context, trx, principal, ratingId, locale);
  const current = followUp.escalated_to;
  if (current !== null && context.regions.isWithin(target, current)) throw problems.alreadyEscalated(locale, current);
  const at = await addAction(context, trx, principal, followUp, 'escalation', reason, target);
  const moved = await trx
    .updateTable('follow_ups')
    .set({ escalated_to: target, updated_at: at })
    .where('seq', '=', followUp.seq)
    .where((eb) => (current === null ? eb('escalated_to', 'is', null) : eb('escalated_to', '=', current)))
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) throw problems.alreadyEscalated(locale, target);
  return ratingWithFollowUp(context, trx, rating, principal);
}

/** The center closes the follow-up as resolved, in any state but closed, with a note of how. */
export async function resolveFollowUp(
  context: RatingContext,
  trx: Trx,
  principal: Principal,
  ratingId: string,
  note: string,
  locale: MessageLocale,
): Promise<Rating> {
  const { rating, followUp } = await openFollowUp(context, trx, principal, ratingId, locale);
  const at = await addAction(context, trx, principal, followUp, 'resolution', note);
  const closed = await trx
    .updateTable('follow_ups')
    .set({ status: 'closed', updated_at: at })
    .where('seq', '=', followUp.seq)
    .where('status', '<>', 'closed')
    .executeTakeFirst();
  if (Number(closed.numUpdatedRows) === 0) throw problems.followUpClosed(locale);
  return ratingWithFollowUp(context, trx, rating, principal);
}

/** What the audit log keeps of a follow-up, by its rating's id: its status, where it sits, its centers' notes. */
export const followUpSnapshot: SnapshotReader = async (trx, ratingId) => {
  const row = await trx
    .selectFrom('ratings')
    .innerJoin('follow_ups', 'follow_ups.rating_seq', 'ratings.seq')
    .select(['follow_ups.seq', 'follow_ups.status', 'follow_ups.escalated_to'])
    .where('ratings.id', '=', ratingId)
    .executeTakeFirst();
  if (!row) return undefined;
  const last = await trx
    .selectFrom('follow_up_actions')
    .select(['kind', 'text'])
    .where('follow_up_seq', '=', row.seq)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const notes = await trx
    .selectFrom('follow_up_actions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('follow_up_seq', '=', row.seq)
    .executeTakeFirstOrThrow();
  return {
    status: row.status,
    escalatedTo: row.escalated_to,
    centerNotes: Number(notes.n),
    lastNote: last ? `${last.kind}: ${last.text}` : null,
  };
};
