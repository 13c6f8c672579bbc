// A center's moves on an event: publish a draft (the public sees it from then on), cancel a draft or a published
// event with a reason (every registrant, confirmed or waitlisted, is told it, and their registrations end cancelled).
import type { EventTransition, StaffEvent } from '@smec/schemas';
import type { Transaction } from 'kysely';
import { recordAudit, type AuditActor } from '../audit/record.js';
import type { Database } from '../db/schema.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { notifyRegistrants, staffEvent, staffEventRow } from './admin.js';
import { eventEtag } from './rows.js';
import { eventRow, type EventContext } from './store.js';

const TEXT = {
  notAllowed: {
    'zh-CN': '活动当前状态为“{status}”，不能执行“{action}”。',
    'zh-HK': '活動目前狀態為「{status}」，不能執行「{action}」。',
    en: 'The event is {status}; it cannot be {action}ed.',
  },
  movedMeanwhile: {
    'zh-CN': '活动在此期间已被他人更改，请重新读取后再操作。',
    'zh-HK': '活動在此期間已被他人更改，請重新讀取後再操作。',
    en: 'The event was changed meanwhile: read it again and retry.',
  },
} as const satisfies Record<string, Localized>;

/** Which statuses each move starts from; anything else is a 409. */
const FROM = { publish: ['draft'], cancel: ['draft', 'scheduled'] } as const;

export async function transitionEvent(
  context: EventContext,
  trx: Transaction<Database>,
  actor: AuditActor,
  id: string,
  move: EventTransition,
): Promise<{ event: StaffEvent; etag: string }> {
  const row = await staffEventRow(context, trx, actor.principal, id);
  if (!(FROM[move.action] as readonly string[]).includes(row.status)) {
    throw new ProblemError('conflict', fill(TEXT.notAllowed, { status: row.status, action: move.action }));
  }
  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const status = move.action === 'publish' ? 'scheduled' : 'cancelled';
  const reason = move.action === 'cancel' ? move.reason.trim() : null;
  // Conditional on the status read: of two concurrent moves one wins, and the row stays locked (PostgreSQL) so no
  // registration slips in between the cancellation and the registrations it ends.
  const updated = await trx
    .updateTable('events')
    .set((eb) => ({
      status,
      updated_at: at,
      revision: eb('revision', '+', 1),
      ...(reason === null ? {} : { cancel_reason: reason }),
    }))
    .where('seq', '=', row.seq)
    .where('status', '=', row.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new ProblemError('conflict', TEXT.movedMeanwhile);

  let told = 0;
  if (move.action === 'cancel') {
    told = await notifyRegistrants(trx, row, now, 'eventCancelled', ['confirmed', 'waitlisted'], {
      reason: reason ?? '',
    });
    await trx
      .updateTable('registrations')
      .set({ status: 'cancelled', updated_at: at })
      .where('event_seq', '=', row.seq)
      .where('status', 'in', ['confirmed', 'waitlisted'])
      .execute();
    await trx
      .updateTable('events')
      .set({ registered_count: 0, waitlist_count: 0 })
      .where('seq', '=', row.seq)
      .execute();
  }
  await recordAudit(trx, actor, now, {
    action: `event.${move.action}`,
    entityType: 'event',
    entityId: id,
    before: { status: row.status },
    after: reason === null ? { status } : { status, cancelReason: reason, registrantsTold: told },
  });
  const current = await eventRow(trx, id);
  return { event: await staffEvent(trx, current), etag: eventEtag(current) };
}
