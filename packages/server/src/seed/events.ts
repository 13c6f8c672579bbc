import type { CategoryId, EventType } from '@smec/schemas';
import type { DatabaseHandle } from '../db/database.js';
import { DEFAULT_SEED, type SeedOptions } from './catalog.js';
import { Random } from './prng.js';
import { derivedRegistrationCode } from '../events/code.js';
import { dayStart, shanghaiDateTime, shanghaiYear } from '../time/shanghai.js';

const HOUR = 3_600_000;

/** First and last seeded day, relative to the seed's as-of day (about three months before to six after). */
const FIRST_DAY = -90;
const LAST_DAY = 180;
/** Busy days in the demo city (Foshan), relative to the as-of day: several events each, today among them. */
const BUSY_DAYS = [-18, -7, 0, 3, 6, 13, 20, 27, 34];

/**
 * Two annual online briefings of the province, open for registration from 31 days before the seed's as-of day until
 * the day before they take place (347 and 396 days after it): the API examples register for `OPEN_EVENT_ID`, and
 * cancel the first demo enterprise's registration of the other (`DEMO_REGISTRATION`). Their ids name no year, so
 * that they hold on any day; their titles carry the year they take place in.
 */
export const OPEN_EVENT_ID = 'evt-annual-policy';
export const DEMO_REGISTRATION = { id: 'reg-demo-0001', eventId: 'evt-annual-vouchers', userId: 'usr-ent-01' };

const TITLES: Record<EventType, readonly string[]> = {
  matching: [
    '{city}专精特新企业融资对接会',
    '{city}中小企业银企对接会',
    '{city}制造业数字化转型服务对接会',
    '{city}科技成果转化供需对接会',
    '{city}中小企业知识产权服务对接活动',
    '{city}外贸企业跨境电商服务对接会',
  ],
  training: [
    '中小企业财务负责人实务培训班',
    '{city}中小企业数字化转型能力提升培训',
    '研发费用加计扣除实操培训',
    '企业合规经营与劳动用工培训',
    '精益生产管理实战训练营',
    '跨境电商运营实务培训',
  ],
  policyBriefing: [
    '{year}年{city}中小企业财税政策宣讲会',
    '{city}专精特新企业培育政策解读会',
    '{year}年中小微企业服务券政策说明会',
    '{city}稳增长惠企政策宣讲会',
    '高新技术企业认定政策宣讲会',
  ],
  expertClinic: [
    '数字化转型专家问诊',
    '知识产权专家问诊日',
    '企业财税健康专家问诊',
    '法律风险专家问诊',
    '管理提升专家问诊',
  ],
};

const DESCRIPTIONS: Record<EventType, string> = {
  matching:
    '由{organizer}组织，邀请银行、担保、融资租赁及专业服务机构现场对接，企业可提前提交需求；现场设一对一洽谈区，会后由服务专员跟进对接结果。',
  training:
    '面向中小企业管理人员和业务骨干，讲授实务要点、常见问题与案例，课后提供讲义和答疑群；名额有限，请按时签到。',
  policyBriefing:
    '解读最新惠企政策的申报条件、材料清单和时间安排，现场答疑，并介绍中小企业服务券的领取、使用与抵扣规则。',
  expertClinic:
    '专家一对一“问诊”企业经营中的具体问题，每家企业约40分钟；请在报名时说明需要咨询的问题，便于安排对口专家。',
};

const CATEGORY_OPTIONS: Record<EventType, readonly CategoryId[]> = {
  matching: ['financing', 'digitalization', 'technology-rd', 'intellectual-property', 'market-expansion'],
  training: ['training-talent', 'finance-tax', 'digitalization', 'legal', 'management-consulting'],
  policyBriefing: ['policy-consulting', 'finance-tax'],
  expertClinic: ['digitalization', 'intellectual-property', 'finance-tax', 'legal', 'management-consulting'],
};

const STREETS = ['人民路', '中山路', '创业大道', '科技路', '发展大道', '工业大道', '文化路', '新城大道'];
const ROOMS = ['一楼报告厅', '三楼多功能厅', '二楼培训室', '五楼会议中心'];
const START_HOURS = [9.5, 10, 14, 14.5, 15];
/** When the last event of a day ends, Beijing time. */
const LATEST_END_HOUR = 21;
const CAPACITIES = [20, 30, 40, 50, 60, 80, 100, 150, 200];

interface RegionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

interface SeedEvent {
  id: string;
  type: EventType;
  title: string;
  description: string;
  organizer_name: string;
  organizer_region_code: string;
  region_code: string;
  city_code: string | null;
  venue: string | null;
  online_url: string | null;
  starts_ts: number;
  ends_ts: number;
  opens_ts: number;
  closes_ts: number;
  capacity: number;
  waitlist: number;
  category_ids: string;
  status: 'scheduled' | 'cancelled';
}

interface SeedEnterprise {
  id: string;
  name: string;
  userId: string;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/**
 * Seeds events from three months before the as-of day to six months after it, in every city and of every type, with
 * the registrations made by the as-of instant: events today, registrations closed, open and not yet open, some open
 * events full with a waitlist and some full without one, busy days in Foshan (the demo city). Every date is a whole
 * number of days from the as-of day (Shanghai), so the same seed and as-of instant give the same data.
 */
export function seedEvents(handle: DatabaseHandle, options: SeedOptions): void {
  const { sqlite } = handle;
  const random = new Random((options.seed ?? DEFAULT_SEED) ^ 0x0e7e_7a11);
  const { asOf } = options;
  const regions = sqlite
    .prepare('SELECT code, name, level, parent_code FROM regions ORDER BY code')
    .all() as RegionRow[];
  const province = regions.find((region) => region.level === 'province');
  if (!province) throw new Error('Seed the regions first');
  const cities = regions.filter((region) => region.level === 'city');
  const countiesOf = new Map<string, RegionRow[]>();
  for (const region of regions) {
    if (region.level !== 'county' || !region.parent_code) continue;
    countiesOf.set(region.parent_code, [...(countiesOf.get(region.parent_code) ?? []), region]);
  }

  const events: Omit<SeedEvent, 'id'>[] = [];
  const eventAt = (city: RegionRow | null, dayOffset: number, type: EventType, hour?: number) => {
    const county = city && random.chance(0.6) ? random.pick(countiesOf.get(city.code) ?? [city]) : city;
    const region = county ?? province;
    const cityName = city ? city.name : '广东省';
    const organizer = city ? `${city.name}中小企业服务中心` : '广东省中小企业服务中心';
    const startHour = hour ?? random.pick(START_HOURS);
    const startsTs = dayStart(asOf, dayOffset) + startHour * HOUR;
    const drawn = type === 'expertClinic' ? 3 : type === 'training' ? random.pick([3, 6]) : random.pick([2, 2.5, 3]);
    // An evening class is shorter: nothing the centers hold runs past 21:00.
    const hours = Math.min(drawn, LATEST_END_HOUR - startHour);
    const online = !city ? random.chance(0.7) : random.chance(type === 'policyBriefing' ? 0.35 : 0.15);
    const year = String(shanghaiYear(startsTs));
    const title = fill(random.pick(TITLES[type]), { city: cityName.replace(/市$/, '市'), year });
    const categories = new Set<CategoryId>([random.pick(CATEGORY_OPTIONS[type])]);
    if (random.chance(0.3)) categories.add(random.pick(CATEGORY_OPTIONS[type]));
    const capacity =
      type === 'expertClinic'
        ? random.pick([8, 10, 12])
        : online
          ? random.pick([200, 300, 500])
          : random.pick(CAPACITIES);
    events.push({
      type,
      title: city && !title.includes(cityName) && random.chance(0.5) ? `${cityName}${title}` : title,
      description: fill(DESCRIPTIONS[type], { organizer }),
      organizer_name: organizer,
      organizer_region_code: city ? city.code : province.code,
      region_code: region.code,
      city_code: city ? city.code : null,
      venue: online
        ? null
        : `${region.name}${random.pick(STREETS)}${random.int(1, 300)}号 ${organizer}${random.pick(ROOMS)}`,
      online_url: online ? `https://live.smec.gd.gov.cn/room/${random.int(100000, 999999)}` : null,
      starts_ts: startsTs,
      ends_ts: startsTs + hours * HOUR,
      opens_ts: dayStart(asOf, dayOffset - random.pick([14, 21, 30])) + 9 * HOUR,
      closes_ts: dayStart(asOf, dayOffset - 1) + 17 * HOUR,
      capacity,
      waitlist: random.chance(0.5) ? 1 : 0,
      category_ids: JSON.stringify([...categories]),
      status: random.chance(0.03) ? 'cancelled' : 'scheduled',
    });
  };

  const types: EventType[] = ['matching', 'training', 'policyBriefing', 'expertClinic'];
  cities.forEach((city, cityIndex) => {
    // About one event every six days per city, every type in turn.
    let index = cityIndex;
    for (let day = FIRST_DAY + (cityIndex % 6); day <= LAST_DAY; day += random.int(4, 8)) {
      eventAt(city, day, types[index++ % types.length] ?? 'matching');
    }
  });
  for (let day = FIRST_DAY + 3; day <= LAST_DAY; day += random.int(10, 16)) {
    eventAt(null, day, random.pick(types));
  }
  const foshan = cities.find((city) => city.code === '440600');
  if (foshan) {
    // Busy days in the demo city: the month view shows '+N'.
    for (const day of BUSY_DAYS) {
      for (const [n, type] of types.entries()) eventAt(foshan, day, type, START_HOURS[n] ?? 14);
      eventAt(foshan, day, 'training', 19);
    }
  }

  events.sort((a, b) => a.starts_ts - b.starts_ts);
  const seeded: SeedEvent[] = events.map((event, index) => ({
    ...event,
    id: `evt-${String(index + 1).padStart(5, '0')}`,
  }));
  const annual = (id: string, title: string, dayOffset: number): SeedEvent => ({
    id,
    type: 'policyBriefing',
    title: `${shanghaiYear(dayStart(asOf, dayOffset))}年${title}`,
    description: fill(DESCRIPTIONS.policyBriefing, { organizer: '广东省中小企业服务中心' }),
    organizer_name: '广东省中小企业服务中心',
    organizer_region_code: province.code,
    region_code: province.code,
    city_code: null,
    venue: null,
    online_url: `https://live.smec.gd.gov.cn/room/${id}`,
    starts_ts: dayStart(asOf, dayOffset) + 14 * HOUR,
    ends_ts: dayStart(asOf, dayOffset) + 16 * HOUR,
    opens_ts: dayStart(asOf, -31) + 9 * HOUR,
    closes_ts: dayStart(asOf, dayOffset - 1) + 17 * HOUR,
    capacity: 5000,
    waitlist: 1,
    category_ids: JSON.stringify(['policy-consulting']),
    status: 'scheduled',
  });
  seeded.push(annual(OPEN_EVENT_ID, '广东省中小企业惠企政策年度宣讲会（线上）', 397));
  seeded.push(annual(DEMO_REGISTRATION.eventId, '广东省中小企业服务券政策说明会（线上）', 348));

  const users = sqlite
    .prepare("SELECT id, organization, enterprise_id FROM users WHERE role = 'enterprise' ORDER BY position")
    .all() as { id: string; organization: string; enterprise_id: string }[];
  const enterprises: SeedEnterprise[] = users.map((user) => ({
    id: user.enterprise_id,
    name: user.organization,
    userId: user.id,
  }));
  const cityNames = cities.map((city) => city.name.replace(/市$/, ''));
  const trades = ['宏图', '恒信', '联创', '华源', '精工', '瑞丰', '新达', '嘉诚', '汇通', '鼎盛', '博远', '利德'];
  const industries = ['科技', '电子', '机械', '五金', '陶瓷', '家具', '服装', '食品', '塑料', '照明'];
  for (let n = 1; enterprises.length < 620; n++) {
    enterprises.push({
      id: `ent-seed-${String(n).padStart(4, '0')}`,
      name: `${random.pick(cityNames)}${random.pick(trades)}${random.pick(industries)}有限公司`,
      userId: 'usr-seed',
    });
  }

  const insertEvent = sqlite.prepare(
    `INSERT INTO events (id, type, title, description, organizer_name, organizer_region_code, region_code, city_code,
       venue, online_url, starts_at, starts_ts, ends_at, ends_ts, registration_opens_at, opens_ts,
       registration_closes_at, closes_ts, capacity, registered_count, waitlist_count, waitlist_seq, waitlist,
       category_ids, status, updated_at)
     VALUES (@id, @type, @title, @description, @organizer_name, @organizer_region_code, @region_code, @city_code,
       @venue, @online_url, @starts_at, @starts_ts, @ends_at, @ends_ts, @registration_opens_at, @opens_ts,
       @registration_closes_at, @closes_ts, @capacity, @registered_count, @waitlist_count, @waitlist_seq, @waitlist,
       @category_ids, @status, @updated_at)`,
  );
  const insertRegistration = sqlite.prepare(
    `INSERT INTO registrations (id, event_seq, event_id, enterprise_id, enterprise_name, user_id, attendee_name,
       status, waitlist_seq, created_at, created_ts, updated_at, code)
     VALUES (@id, @event_seq, @event_id, @enterprise_id, @enterprise_name, @user_id, NULL, @status, @waitlist_seq,
       @created_at, @created_ts, @created_at, @code)`,
  );

  let registrationNo = 0;
  // The first events open for registration on either side of the as-of day, in the demo city, are made full: one
  // with a waitlist (and people on it), one without.
  const fullOne = { waitlist: false, plain: false };
  sqlite.transaction(() => {
    for (const event of seeded) {
      // Registrations made by the as-of instant: none where the window opens later; some events full, some overflowing.
      const demoNow = asOf;
      const windowEnd = Math.min(event.closes_ts, demoNow);
      const taken: {
        enterprise: SeedEnterprise;
        status: 'confirmed' | 'waitlisted';
        waitlistSeq: number | null;
        ts: number;
      }[] = [];
      const open = event.opens_ts < windowEnd && event.status === 'scheduled';
      // The demo enterprises' own registrations: a few upcoming events in their cities, and the examples' one.
      const own = enterprises
        .slice(0, 20)
        .filter(
          (enterprise, index) =>
            (event.id === DEMO_REGISTRATION.eventId && enterprise.userId === DEMO_REGISTRATION.userId) ||
            (open && event.starts_ts > demoNow && event.city_code === '440600' && index < 4 && random.chance(0.25)),
        );
      for (const enterprise of own) {
        taken.push({ enterprise, status: 'confirmed', waitlistSeq: null, ts: random.int(event.opens_ts, windowEnd) });
      }
      const openAround =
        event.status === 'scheduled' &&
        event.city_code === '440600' &&
        event.opens_ts <= dayStart(asOf, -1) &&
        event.closes_ts >= dayStart(asOf, 4) &&
        event.capacity <= 100;
      const forced = openAround && !fullOne[event.waitlist ? 'waitlist' : 'plain'];
      if (forced) fullOne[event.waitlist ? 'waitlist' : 'plain'] = true;
      if (open && event.id !== OPEN_EVENT_ID && event.id !== DEMO_REGISTRATION.eventId) {
        const demand =
          forced || random.chance(0.2)
            ? event.capacity + (event.waitlist ? random.int(1, 12) : 0)
            : Math.floor(event.capacity * random.bell(0.6, 0.5, 0.05, 1));
        const chosen = new Set<number>();
        // Only the generated enterprises (after the 20 demo ones) fill events; never more than there are.
        const wanted = Math.min(demand, enterprises.length - 20);
        while (chosen.size < wanted) chosen.add(random.int(20, enterprises.length - 1));
        const times = [...chosen].map(() => random.int(event.opens_ts, windowEnd)).sort((a, b) => a - b);
        let waitlistSeq = 0;
        [...chosen].forEach((index, n) => {
          const enterprise = enterprises[index];
          if (!enterprise) return;
          if (own.some((mine) => mine.id === enterprise.id)) return;
          const confirmed = taken.filter((entry) => entry.status === 'confirmed').length < event.capacity;
          taken.push({
            enterprise,
            status: confirmed ? 'confirmed' : 'waitlisted',
            waitlistSeq: confirmed ? null : ++waitlistSeq,
            ts: times[n] ?? event.opens_ts,
          });
        });
      }
      const registered = taken.filter((entry) => entry.status === 'confirmed').length;
      const waitlisted = taken.length - registered;
      const result = insertEvent.run({
        ...event,
        starts_at: shanghaiDateTime(event.starts_ts),
        ends_at: shanghaiDateTime(event.ends_ts),
        registration_opens_at: shanghaiDateTime(event.opens_ts),
        registration_closes_at: shanghaiDateTime(event.closes_ts),
        registered_count: registered,
        waitlist_count: waitlisted,
        waitlist_seq: waitlisted,
        updated_at: shanghaiDateTime(Math.min(event.opens_ts, asOf)),
      });
      for (const entry of taken) {
        const demo = event.id === DEMO_REGISTRATION.eventId && entry.enterprise.userId === DEMO_REGISTRATION.userId;
        const id = demo ? DEMO_REGISTRATION.id : `reg-${String(++registrationNo).padStart(6, '0')}`;
        insertRegistration.run({
          id,
          code: derivedRegistrationCode(id),
          event_seq: Number(result.lastInsertRowid),
          event_id: event.id,
          enterprise_id: entry.enterprise.id,
          enterprise_name: entry.enterprise.name,
          user_id: entry.enterprise.userId,
          status: entry.status,
          waitlist_seq: entry.waitlistSeq,
          created_at: shanghaiDateTime(entry.ts),
          created_ts: entry.ts,
        });
      }
    }
    sqlite
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('events_seeded_at', shanghaiDateTime(asOf));
  })();
}
