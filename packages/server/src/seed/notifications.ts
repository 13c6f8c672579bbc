// The demo users' notifications, around the seed's instant: usr-ent-01 has two unread (its registered event changed,
// a voucher about to expire) and one read (off a waitlist); usr-prv-01 one unread follow-up due. `ntf-demo-0001` is
// the example of the API's read call.
import type { DatabaseHandle } from '../db/database.js';
import { shanghaiDateTime, shanghaiDay } from '../time/shanghai.js';
import type { SeedOptions } from './catalog.js';

const DAY = 86_400_000;

interface Seeded {
  id: string;
  userId: string;
  kind: string;
  subject: [type: string, id: string];
  data: Record<string, string>;
  daysAgo: number;
  readDaysAgo?: number;
}

export function seedNotifications(handle: DatabaseHandle, options: SeedOptions): void {
  const { sqlite } = handle;
  const event = sqlite.prepare("SELECT title FROM events WHERE id = 'evt-annual-vouchers'").get() as { title: string };
  const voucher = sqlite.prepare("SELECT code, use_by FROM vouchers WHERE id = 'vch-demo-0001'").get() as {
    code: string;
    use_by: string;
  };
  const at = (daysAgo: number) => options.asOf - daysAgo * DAY;
  const seeded: Seeded[] = [
    {
      id: 'ntf-demo-0001',
      userId: 'usr-ent-01',
      kind: 'eventChanged',
      subject: ['event', 'evt-annual-vouchers'],
      data: { title: event.title },
      daysAgo: 1,
    },
    {
      id: 'ntf-demo-0002',
      userId: 'usr-ent-01',
      kind: 'voucherExpiring',
      subject: ['voucher', 'vch-demo-0001'],
      data: { code: voucher.code, useBy: voucher.use_by.slice(0, 10) },
      daysAgo: 2,
    },
    {
      id: 'ntf-demo-0003',
      userId: 'usr-ent-01',
      kind: 'registrationPromoted',
      subject: ['event', 'evt-annual-vouchers'],
      data: { title: event.title },
      daysAgo: 12,
      readDaysAgo: 11,
    },
    {
      id: 'ntf-demo-0004',
      userId: 'usr-prv-01',
      kind: 'followUpDue',
      subject: ['provider', 'prv-00001'],
      data: { dueOn: shanghaiDay(options.asOf + 3 * DAY) },
      daysAgo: 0,
    },
  ];
  const insert = sqlite.prepare(
    `INSERT INTO notifications (id, user_id, kind, subject_type, subject_id, data, created_at, created_ts, read_at, read_ts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (const row of seeded) {
      const created = at(row.daysAgo);
      const read = row.readDaysAgo === undefined ? null : at(row.readDaysAgo);
      insert.run(
        row.id,
        row.userId,
        row.kind,
        ...row.subject,
        JSON.stringify(row.data),
        shanghaiDateTime(created),
        created,
        read === null ? null : shanghaiDateTime(read),
        read,
      );
    }
    sqlite
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('notifications_seeded_at', new Date(options.asOf).toISOString());
  })();
}
