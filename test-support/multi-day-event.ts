// A training of three days across a month's end, for the event calendar's tests (the seed's events last hours): it
// starts on the last day of the current month in Beijing at 09:00 and ends on the 2nd of the next at 17:00. The
// plain test server of the widget tests gets it (test-support/serve.ts with SMEC_TEST_MULTIDAY=1).
import type { Database } from '@smec/server';
import type { Kysely } from 'kysely';
import { testNow } from './server.js';

export const MULTI_DAY_EVENT_ID = 'evt-test-multiday';
export const MULTI_DAY_EVENT_TITLE = '中小企业数字化转型跨月三日研修班';

const BEIJING_MS = 8 * 3_600_000;

/** `2026-12-31T09:00:00+08:00` for a Beijing day and time. */
const beijing = (day: string, time: string) => `${day}T${time}:00+08:00`;

export async function writeMultiDayEvent(db: Kysely<Database>): Promise<void> {
  const today = new Date(testNow() + BEIJING_MS);
  const lastDay = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  const secondOfNext = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 2))
    .toISOString()
    .slice(0, 10);
  const startsAt = beijing(lastDay, '09:00');
  const endsAt = beijing(secondOfNext, '17:00');
  const opensAt = new Date(testNow() - 86_400_000 + BEIJING_MS).toISOString().slice(0, 19) + '+08:00';
  const closesTs = Date.parse(startsAt) - 3_600_000;
  const closesAt = new Date(closesTs + BEIJING_MS).toISOString().slice(0, 19) + '+08:00';
  await db
    .insertInto('events')
    .values({
      id: MULTI_DAY_EVENT_ID,
      type: 'training',
      title: MULTI_DAY_EVENT_TITLE,
      description: '三天集中研修：数字化诊断、上云用数和案例实训。',
      organizer_name: '佛山市中小企业服务中心',
      organizer_region_code: '440600',
      region_code: '440604',
      city_code: '440600',
      venue: '禅城区季华五路1号',
      online_url: null,
      starts_at: startsAt,
      starts_ts: Date.parse(startsAt),
      ends_at: endsAt,
      ends_ts: Date.parse(endsAt),
      registration_opens_at: opensAt,
      opens_ts: Date.parse(opensAt),
      registration_closes_at: closesAt,
      closes_ts: closesTs,
      capacity: 40,
      registered_count: 0,
      waitlist_count: 0,
      waitlist_seq: 0,
      waitlist: 1,
      category_ids: '["digitalization","training-talent"]',
      status: 'scheduled',
      updated_at: opensAt,
    })
    .execute();
}
