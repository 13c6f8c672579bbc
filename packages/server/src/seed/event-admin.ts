// The events of the centers' examples (DEMO_STAFF_EVENTS), run by the city of the first demo enterprise: a draft,
// one held today with registrations to check in, one held two days ago with attendances, two of them rated.
import { DEMO_STAFF_EVENTS } from '@smec/schemas/openapi';
import type { DatabaseHandle } from '../db/database.js';
import { derivedRegistrationCode } from '../events/code.js';
import { dayStart, shanghaiDateTime } from '../time/shanghai.js';
import type { SeedOptions } from './catalog.js';

const HOUR = 3_600_000;
const DEMO_ENTERPRISE_USER = 'usr-ent-01';

interface Plan {
  readonly id: string;
  readonly title: string;
  readonly status: 'draft' | 'scheduled';
  readonly startsTs: number;
  readonly hours: number;
  readonly opensTs: number;
  readonly closesTs: number;
}

export function seedEventAdmin(handle: DatabaseHandle, options: SeedOptions): void {
  const { sqlite } = handle;
  const demo = sqlite.prepare('SELECT region_code FROM users WHERE id = ?').get(DEMO_ENTERPRISE_USER) as
    { region_code: string } | undefined;
  if (!demo) return;
  const region = sqlite.prepare('SELECT code, level, parent_code FROM regions WHERE code = ?').get(demo.region_code) as
    { code: string; level: string; parent_code: string | null } | undefined;
  const cityCode = region?.level === 'county' ? region.parent_code : region?.code;
  if (!region || !cityCode) return;
  const center = sqlite.prepare('SELECT id, organization FROM users WHERE id = ?').get(`usr-admin-${cityCode}`) as
    { id: string; organization: string } | undefined;
  if (!center) return;
  // The demo enterprise and others of its city: an enterprise of another city has no business with these events.
  const users = sqlite
    .prepare(
      `SELECT u.id, u.organization, u.enterprise_id FROM users u JOIN regions r ON r.code = u.region_code
       WHERE u.role = 'enterprise' AND (u.id = ? OR r.code = ? OR r.parent_code = ?) ORDER BY u.position LIMIT 6`,
    )
    .all(DEMO_ENTERPRISE_USER, cityCode, cityCode) as { id: string; organization: string; enterprise_id: string }[];

  const { asOf } = options;
  const at = shanghaiDateTime(asOf);
  const plans: readonly Plan[] = [
    {
      id: DEMO_STAFF_EVENTS.draft,
      title: '中小企业数字化转型诊断服务对接会',
      status: 'draft',
      startsTs: dayStart(asOf, 40) + 14 * HOUR,
      hours: 3,
      opensTs: dayStart(asOf, 5) + 9 * HOUR,
      closesTs: dayStart(asOf, 39) + 17 * HOUR,
    },
    {
      id: DEMO_STAFF_EVENTS.today,
      title: '研发费用加计扣除政策实务培训（现场签到）',
      status: 'scheduled',
      startsTs: dayStart(asOf, 0) + 9.5 * HOUR,
      hours: 7,
      opensTs: dayStart(asOf, -20) + 9 * HOUR,
      closesTs: dayStart(asOf, -1) + 17 * HOUR,
    },
    {
      id: DEMO_STAFF_EVENTS.past,
      title: '中小企业银企融资对接会（已举办）',
      status: 'scheduled',
      startsTs: dayStart(asOf, -2) + 14 * HOUR,
      hours: 3,
      opensTs: dayStart(asOf, -30) + 9 * HOUR,
      closesTs: dayStart(asOf, -3) + 17 * HOUR,
    },
  ];
  const insertEvent = sqlite.prepare(
    `INSERT INTO events (id, type, title, description, organizer_name, organizer_region_code, region_code, city_code,
       venue, online_url, starts_at, starts_ts, ends_at, ends_ts, registration_opens_at, opens_ts,
       registration_closes_at, closes_ts, capacity, registered_count, waitlist_count, waitlist_seq, waitlist,
       category_ids, status, updated_at, created_by, revision, waitlist_size, audience)
     VALUES (@id, @type, @title, @description, @organizer_name, @organizer_region_code, @region_code, @city_code,
       @venue, NULL, @starts_at, @starts_ts, @ends_at, @ends_ts, @registration_opens_at, @opens_ts,
       @registration_closes_at, @closes_ts, 40, @registered_count, 0, 0, 1, '["finance-tax"]', @status, @updated_at,
       @created_by, 0, 10, '区内中小企业财务负责人')`,
  );
  const insertRegistration = sqlite.prepare(
    `INSERT INTO registrations (id, event_seq, event_id, enterprise_id, enterprise_name, user_id, attendee_name,
       status, waitlist_seq, created_at, created_ts, updated_at, code, attended_at)
     VALUES (@id, @event_seq, @event_id, @enterprise_id, @enterprise_name, @user_id, NULL, @status, NULL, @created_at,
       @created_ts, @created_at, @code, @attended_at)`,
  );
  const insertRating = sqlite.prepare(
    `INSERT INTO event_ratings (id, event_seq, registration_seq, enterprise_id, user_id, score, comment, created_at,
       created_ts) VALUES (@id, @event_seq, @registration_seq, @enterprise_id, @user_id, @score, @comment, @at, @ts)`,
  );
  sqlite.transaction(() => {
    for (const plan of plans) {
      const registrants =
        plan.status === 'draft' ? [] : plan.id === DEMO_STAFF_EVENTS.today ? users : users.slice(0, 3);
      const endsTs = plan.startsTs + plan.hours * HOUR;
      const event = insertEvent.run({
        id: plan.id,
        type: 'training',
        title: plan.title,
        description: '由市中小企业服务中心组织，讲解政策要点和申报实务，现场答疑，会后提供讲义；请凭报名编码签到。',
        organizer_name: center.organization,
        organizer_region_code: cityCode,
        region_code: region.code,
        city_code: cityCode,
        venue: '市民服务中心三楼多功能厅',
        starts_at: shanghaiDateTime(plan.startsTs),
        starts_ts: plan.startsTs,
        ends_at: shanghaiDateTime(endsTs),
        ends_ts: endsTs,
        registration_opens_at: shanghaiDateTime(plan.opensTs),
        opens_ts: plan.opensTs,
        registration_closes_at: shanghaiDateTime(plan.closesTs),
        closes_ts: plan.closesTs,
        registered_count: registrants.length,
        status: plan.status,
        updated_at: at,
        created_by: center.id,
      });
      const eventSeq = Number(event.lastInsertRowid);
      registrants.forEach((user, index) => {
        const isDemo = user.id === DEMO_ENTERPRISE_USER;
        const past = plan.id === DEMO_STAFF_EVENTS.past;
        const id = isDemo
          ? past
            ? DEMO_STAFF_EVENTS.pastRegistration
            : DEMO_STAFF_EVENTS.todayRegistration
          : `reg-${plan.id.slice(4)}-${index + 1}`;
        const createdTs = plan.opensTs + (index + 1) * HOUR;
        const registration = insertRegistration.run({
          id,
          event_seq: eventSeq,
          event_id: plan.id,
          enterprise_id: user.enterprise_id,
          enterprise_name: user.organization,
          user_id: user.id,
          status: past ? 'attended' : 'confirmed',
          created_at: shanghaiDateTime(createdTs),
          created_ts: createdTs,
          code: isDemo && !past ? DEMO_STAFF_EVENTS.checkInCode : derivedRegistrationCode(id),
          attended_at: past ? shanghaiDateTime(plan.startsTs - HOUR / 4) : null,
        });
        // Two attendees of the past event rated it; the demo enterprise has not yet (the rating example).
        if (past && !isDemo) {
          insertRating.run({
            id: `evr-${plan.id.slice(4)}-${index + 1}`,
            event_seq: eventSeq,
            registration_seq: Number(registration.lastInsertRowid),
            enterprise_id: user.enterprise_id,
            user_id: user.id,
            score: index === 1 ? 5 : 4,
            comment: index === 1 ? '对接效率高，现场就和两家银行约了后续面谈。' : null,
            at: shanghaiDateTime(endsTs + HOUR),
            ts: endsTs + HOUR,
          });
        }
      });
    }
    sqlite.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('event_admin_seeded_at', at);
  })();
}
