// Check-in at the door: the center types the code an enterprise shows with its registration, and the registration
// is `attended`. A second check-in of the same code answers the same, so a retry or a second scanner is harmless.
import type { Registrant } from '@smec/schemas';
import type { Transaction } from 'kysely';
import { recordAudit, type AuditActor } from '../audit/record.js';
import type { Database } from '../db/schema.js';
import { fill, type Localized } from '../http/localized.js';
import { ProblemError, notFound } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { staffEventRow } from './admin.js';
import { registrantOf } from './rows.js';
import type { EventContext } from './store.js';

const TEXT = {
  unknownCode: {
    'zh-CN': '活动 {event} 没有签到码为 {code} 的报名。',
    'zh-HK': '活動 {event} 沒有簽到碼為 {code} 的報名。',
    en: 'Event {event} has no registration with the code {code}.',
  },
  cancelledRegistration: {
    'zh-CN': '签到码 {code} 对应的报名已取消，不能签到。',
    'zh-HK': '簽到碼 {code} 對應的報名已取消，不能簽到。',
    en: 'The registration with the code {code} was cancelled; it cannot be checked in.',
  },
  waitlisted: {
    'zh-CN': '签到码 {code} 对应的报名仍在候补，尚无座位，不能签到。',
    'zh-HK': '簽到碼 {code} 對應的報名仍在候補，尚無座位，不能簽到。',
    en: 'The registration with the code {code} is still on the waitlist, without a seat; it cannot be checked in.',
  },
  notHeld: {
    'zh-CN': '活动 {event} 未发布或已取消，不能签到。',
    'zh-HK': '活動 {event} 未發佈或已取消，不能簽到。',
    en: 'Event {event} is not published, or was cancelled; nobody checks in.',
  },
} as const satisfies Record<string, Localized>;

export async function checkIn(
  context: EventContext,
  trx: Transaction<Database>,
  actor: AuditActor,
  eventId: string,
  typed: string,
): Promise<Registrant> {
  const event = await staffEventRow(context, trx, actor.principal, eventId);
  const code = typed.toUpperCase();
  const row = await trx
    .selectFrom('registrations')
    .selectAll()
    .where('event_seq', '=', event.seq)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw notFound(fill(TEXT.unknownCode, { event: eventId, code }));
  if (row.status === 'attended') return registrantOf(row, null);
  if (event.status !== 'scheduled') throw new ProblemError('conflict', fill(TEXT.notHeld, { event: eventId }));
  if (row.status === 'cancelled') throw new ProblemError('conflict', fill(TEXT.cancelledRegistration, { code }));
  if (row.status === 'waitlisted') throw new ProblemError('conflict', fill(TEXT.waitlisted, { code }));

  const now = context.clock.now();
  const at = shanghaiDateTime(now);
  const updated = await trx
    .updateTable('registrations')
    .set({ status: 'attended', attended_at: at, updated_at: at })
    .where('seq', '=', row.seq)
    .where('status', '=', 'confirmed')
    .returningAll()
    .executeTakeFirst();
  // Checked in meanwhile by another scanner (or cancelled): answer what it is now.
  if (!updated) {
    const current = await trx
      .selectFrom('registrations')
      .selectAll()
      .where('seq', '=', row.seq)
      .executeTakeFirstOrThrow();
    if (current.status === 'attended') return registrantOf(current, null);
    throw new ProblemError('conflict', fill(TEXT.cancelledRegistration, { code }));
  }
  await recordAudit(trx, actor, now, {
    action: 'registration.checkIn',
    entityType: 'registration',
    entityId: row.id,
    before: { status: row.status },
    after: { status: 'attended', eventId },
  });
  return registrantOf(updated, null);
}
