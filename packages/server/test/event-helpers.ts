import { testNow } from '../../../test-support/server.js';
import type { Insertable } from 'kysely';
import type { UserTable } from '../src/db/schema.js';
import type { SetupTarget } from './demand-helpers.js';

const HOUR = 3_600_000;
const INSERT_CHUNK = 500;

export interface TestEventOptions {
  readonly id: string;
  readonly capacity?: number;
  readonly waitlist?: boolean;
  readonly opensTs?: number;
  readonly closesTs?: number;
  readonly startsAt?: string;
  readonly status?: 'scheduled' | 'cancelled';
  readonly title?: string;
  readonly description?: string;
  readonly regionCode?: string;
  readonly cityCode?: string | null;
}

function shanghai(ms: number): string {
  return `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
}

/** Inserts an event of a Foshan county open for registration now (override any part). */
export async function insertEvent(app: SetupTarget, options: TestEventOptions): Promise<void> {
  const startsTs = options.startsAt ? Date.parse(options.startsAt) : testNow() + 30 * 24 * HOUR;
  const opensTs = options.opensTs ?? testNow() - HOUR;
  const closesTs = options.closesTs ?? startsTs - HOUR;
  await app.database.db
    .insertInto('events')
    .values({
      id: options.id,
      type: 'training',
      title: options.title ?? '测试培训',
      description: options.description ?? '测试活动',
      organizer_name: '佛山市中小企业服务中心',
      organizer_region_code: '440600',
      region_code: options.regionCode ?? '440604',
      city_code: options.cityCode === undefined ? '440600' : options.cityCode,
      venue: '禅城区季华五路1号',
      online_url: null,
      starts_at: shanghai(startsTs),
      starts_ts: startsTs,
      ends_at: shanghai(startsTs + 2 * HOUR),
      ends_ts: startsTs + 2 * HOUR,
      registration_opens_at: shanghai(opensTs),
      opens_ts: opensTs,
      registration_closes_at: shanghai(closesTs),
      closes_ts: closesTs,
      capacity: options.capacity ?? 50,
      registered_count: 0,
      waitlist_count: 0,
      waitlist_seq: 0,
      waitlist: options.waitlist === false ? 0 : 1,
      category_ids: '["finance-tax"]',
      status: options.status ?? 'scheduled',
      updated_at: shanghai(testNow()),
    })
    .execute();
}

/** Creates `n` enterprise users (`usr-test-ent-001`…) and returns their tokens, in order. */
export async function enterpriseTokens(app: SetupTarget, n: number, prefix = 'test'): Promise<string[]> {
  const users: Insertable<UserTable>[] = [];
  for (let index = 1; index <= n; index++) {
    const no = String(index).padStart(3, '0');
    users.push({
      id: `usr-${prefix}-ent-${no}`,
      name: '测试联系人',
      role: 'enterprise',
      organization: `佛山市测试${no}科技有限公司`,
      region_code: '440604',
      enterprise_id: `ent-${prefix}-${no}`,
      provider_id: null,
      position: 10_000 + index,
    });
  }
  // A prefix asked for again reuses its users. Chunks keep each statement under PostgreSQL's 65,535 parameters.
  for (let from = 0; from < users.length; from += INSERT_CHUNK) {
    await app.database.db
      .insertInto('users')
      .values(users.slice(from, from + INSERT_CHUNK))
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
  }
  return Promise.all(users.map((user) => app.tokenFor(user.id)));
}
