import type { TestApp } from './demand-helpers.js';

const HOUR = 3_600_000;

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
export function insertEvent(app: TestApp, options: TestEventOptions): void {
  const startsTs = options.startsAt ? Date.parse(options.startsAt) : Date.now() + 30 * 24 * HOUR;
  const opensTs = options.opensTs ?? Date.now() - HOUR;
  const closesTs = options.closesTs ?? startsTs - HOUR;
  app.database.sqlite
    .prepare(
      `INSERT INTO events (id, type, title, description, organizer_name, organizer_region_code, region_code, city_code,
         venue, online_url, starts_at, starts_ts, ends_at, ends_ts, registration_opens_at, opens_ts,
         registration_closes_at, closes_ts, capacity, registered_count, waitlist_count, waitlist_seq, waitlist,
         category_ids, status, updated_at)
       VALUES (?, 'training', ?, ?, '佛山市中小企业服务中心', '440600', ?, ?, '禅城区季华五路1号', NULL, ?, ?, ?, ?, ?, ?, ?, ?,
         ?, 0, 0, 0, ?, '["finance-tax"]', ?, ?)`,
    )
    .run(
      options.id,
      options.title ?? '测试培训',
      options.description ?? '测试活动',
      options.regionCode ?? '440604',
      options.cityCode === undefined ? '440600' : options.cityCode,
      shanghai(startsTs),
      startsTs,
      shanghai(startsTs + 2 * HOUR),
      startsTs + 2 * HOUR,
      shanghai(opensTs),
      opensTs,
      shanghai(closesTs),
      closesTs,
      options.capacity ?? 50,
      options.waitlist === false ? 0 : 1,
      options.status ?? 'scheduled',
      shanghai(Date.now()),
    );
}

/** Creates `n` enterprise users (`usr-test-ent-001`…) and returns their tokens, in order. */
export async function enterpriseTokens(app: TestApp, n: number, prefix = 'test'): Promise<string[]> {
  const insert = app.database.sqlite.prepare(
    `INSERT OR IGNORE INTO users (id, name, role, organization, region_code, enterprise_id, provider_id, position)
     VALUES (?, '测试联系人', 'enterprise', ?, '440604', ?, NULL, ?)`,
  );
  const ids: string[] = [];
  for (let index = 1; index <= n; index++) {
    const no = String(index).padStart(3, '0');
    const id = `usr-${prefix}-ent-${no}`;
    insert.run(id, `佛山市测试${no}科技有限公司`, `ent-${prefix}-${no}`, 10_000 + index);
    ids.push(id);
  }
  return Promise.all(ids.map((id) => app.tokenFor(id)));
}
