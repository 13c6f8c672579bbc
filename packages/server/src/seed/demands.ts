import { usccCheckCharacter, type CategoryId, type DemandStatus } from '@smec/schemas';
import type { DatabaseHandle } from '../db/database.js';
import { phoneHash } from '../demands/tracking.js';
import { DEFAULT_SEED, type SeedOptions } from './catalog.js';
import { CATEGORIES, SURNAMES, TRADE_FIRST } from './names.js';
import { centerNameOf } from './centers.js';
import { Random } from './prng.js';
import { dayStart, shanghaiDateTime } from '../time/shanghai.js';
import { DEFAULT_DEADLINES, demandDeadlinesFrom } from '../demands/deadline-days.js';

/** A demand anyone can look up on the demo platform (shown on the demo page and printed by the seed). */

/** The centers seeded with a staff member and a viewer besides the administrator. */
const STAFFED_CENTERS: readonly string[] = ['440100', '440500'];
const STAFF_LEVELS = [
  ['staff', '业务员'],
  ['viewer', '只读'],
] as const;
export const DEMO_DEMAND = { trackingNo: 'XQ20261101DEMO01', phone: '13800138000' } as const;

export const DEMAND_COUNT = 200;

/**
 * The demands seeded after the random ones, each for a purpose: two past their deadline to accept (in Shantou's and
 * Guangzhou's counties), and one accepted in Shantou's that the API examples propose providers for and transfer.
 */
export const ROUTING_DEMANDS = {
  overdueShantou: 'dmd-00201',
  overdueGuangzhou: 'dmd-00202',
  accepted: 'dmd-00203',
} as const;

/** A matched demand proposed to the demo provider (prv-00001) whose enterprise did not share its contact. */
export const UNSHARED_DEMAND = 'dmd-00204';
const DAY = 86_400_000;
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const MOBILE_PREFIXES = ['135', '136', '137', '138', '139', '150', '158', '159', '180', '186', '188', '189', '199'];
const TRACKING_CHARS = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

const INDUSTRIES = ['科技', '电子', '机械', '五金', '陶瓷', '家具', '服装', '食品', '塑料', '照明', '家电', '贸易'];

/** What enterprises ask for, per category: a title and the opening of a description. */
const NEEDS: Record<CategoryId, readonly string[]> = {
  'policy-consulting': ['了解专精特新企业申报条件', '咨询技术改造补贴政策', '梳理今年可申报的惠企政策'],
  'startup-coaching': ['寻求初创团队商业计划书辅导', '需要创业孵化场地与辅导', '希望获得创业导师一对一指导'],
  financing: ['寻找设备融资租赁方案', '希望对接银行信用贷款', '计划引入天使轮投资'],
  'finance-tax': ['需要代理记账与纳税申报', '研发费用加计扣除归集辅导', '申请高新技术企业财务专项审计'],
  legal: ['审核外贸合同条款', '处理员工劳动争议咨询', '需要常年法律顾问服务'],
  'training-talent': ['一线班组长管理能力培训', '招聘自动化设备工程师', '开展数字化技能内训'],
  'management-consulting': ['导入精益生产管理', '梳理企业股权架构', '建立绩效考核体系'],
  'technology-rd': ['产品结构优化与模具开发', '寻找高校合作攻关技术难题', '新材料配方改进试验'],
  'intellectual-property': ['申请发明专利与布局', '注册商标及海外商标', '专利侵权风险排查'],
  'testing-certification': ['产品出口欧盟 CE 认证', '申请 ISO 9001 质量体系认证', '新品第三方检测报告'],
  digitalization: ['车间设备联网与数据采集', '上线 ERP 系统选型咨询', '建设电商直播数字化运营'],
  'market-expansion': ['参加境外展会对接采购商', '拓展东南亚市场渠道', '开设跨境电商店铺'],
};

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function uscc(random: Random, regionCode: string): string {
  let body = `91${regionCode}`;
  body += random.chance(0.6) ? 'MA' : pad(random.int(0, 99), 2);
  while (body.length < 17) body += USCC_CHARS[random.int(0, USCC_CHARS.length - 1)];
  return `${body}${usccCheckCharacter(body) ?? '0'}`;
}

/** A seeded account; with no `email` its notifications are not mailed. */
interface SeedUser {
  id: string;
  name: string;
  role: 'admin' | 'enterprise' | 'provider';
  staff_role: 'admin' | 'staff' | 'viewer' | null;
  organization: string;
  region_code: string;
  enterprise_id: string | null;
  provider_id: string | null;
  email?: string;
}

interface RegionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

interface Enterprise {
  readonly uscc: string;
  readonly name: string;
  readonly regionCode: string;
  readonly cityCode: string;
}

function enterprisesOf(random: Random, cities: readonly RegionRow[], counties: Map<string, RegionRow[]>, n: number) {
  const enterprises: Enterprise[] = [];
  const names = new Set<string>();
  while (enterprises.length < n) {
    const city = random.pick(cities);
    const county = random.pick(counties.get(city.code) ?? [city]);
    const trade = `${random.pick(TRADE_FIRST)[0]}${random.pick(TRADE_FIRST)[0]}`;
    const name = `${city.name.replace(/市$/, '')}${trade}${random.pick(INDUSTRIES)}有限公司`;
    if (names.has(name)) continue;
    names.add(name);
    enterprises.push({ uscc: uscc(random, county.code), name, regionCode: county.code, cityCode: city.code });
  }
  return enterprises;
}

/** How far a seeded demand got, with the days each step took. */
function pathOf(random: Random): { status: DemandStatus; days: number }[] {
  const path: { status: DemandStatus; days: number }[] = [{ status: 'submitted', days: 0 }];
  const roll = random.next();
  if (roll < 0.2) return path;
  if (roll < 0.3) return [...path, { status: 'rejected', days: random.int(1, 3) }];
  path.push({ status: 'accepted', days: random.int(1, 3) });
  if (roll < 0.45) return path;
  if (roll < 0.5) return [...path, { status: 'closed', days: random.int(3, 10) }];
  path.push({ status: 'matched', days: random.int(2, 7) });
  if (roll < 0.7) return path;
  path.push({ status: 'inService', days: random.int(3, 10) });
  if (roll < 0.88) return path;
  return [...path, { status: 'closed', days: random.int(10, 40) }];
}

const NOTES: Partial<Record<DemandStatus, readonly string[]>> = {
  accepted: ['已受理，服务专员将在 3 个工作日内联系您', '已受理，正在为您匹配服务机构'],
  matched: ['已为您推荐服务机构，请留意来电', '已匹配服务产品，机构将主动联系'],
  inService: ['服务机构已与企业签订服务协议', '服务已启动'],
  closed: ['服务已完成，感谢您的反馈', '企业已解决需求，办结'],
  rejected: ['需求内容不属于平台服务范围', '联系电话无法接通，请核实后重新提交'],
};

/**
 * Seeds the users of the demo sign-in (an administrator for the province, each city and a few counties, enterprises, provider
 * staff) and ~200 demands with their timelines, deterministically. Runs once per database (`demands_seeded_at`).
 */
export function seedDemands(handle: DatabaseHandle, secret: Buffer, options: SeedOptions): void {
  const { sqlite } = handle;
  const random = new Random((options.seed ?? DEFAULT_SEED) ^ 0x5eed_de3a);
  const { asOf } = options;
  const regions = sqlite
    .prepare('SELECT code, name, level, parent_code FROM regions ORDER BY code')
    .all() as RegionRow[];
  const province = regions.find((region) => region.level === 'province');
  if (!province) throw new Error('Seed the regions first');
  const cities = regions.filter((region) => region.level === 'city');
  const counties = new Map<string, RegionRow[]>();
  for (const region of regions) {
    if (region.level !== 'county' || !region.parent_code) continue;
    counties.set(region.parent_code, [...(counties.get(region.parent_code) ?? []), region]);
  }
  const providers = sqlite
    .prepare('SELECT id, name, short_name, city_code FROM providers WHERE listed = 1 ORDER BY seq LIMIT 400')
    .all() as { id: string; name: string; short_name: string; city_code: string }[];
  const productsOf = sqlite.prepare(
    'SELECT id, name FROM products WHERE provider_id = ? AND listed = 1 AND category_id = ? ORDER BY seq LIMIT 3',
  );
  const providersByCategory = sqlite.prepare(
    `SELECT p.id, p.name FROM providers p JOIN provider_categories c ON c.provider_seq = p.seq
     WHERE c.category_id = ? AND p.listed = 1 ORDER BY (p.city_code = ?) DESC, p.seq LIMIT 5`,
  );

  const insertUser = sqlite.prepare(
    `INSERT INTO users (id, name, role, staff_role, organization, region_code, enterprise_id, provider_id, email,
       position)
     VALUES (@id, @name, @role, @staff_role, @organization, @region_code, @enterprise_id, @provider_id, @email,
       @position)`,
  );
  const insertDemand = sqlite.prepare(
    `INSERT INTO demands (id, tracking_no, uscc, enterprise_name, contact_name, contact_phone, phone_hash, region_code,
       city_code, category_id, product_id, title, description, budget_fen, expected_by, status, reject_reason,
       submitted_at, submitted_ts, updated_at, contact_shared, accept_by_ts, first_match_by_ts)
     VALUES (@id, @tracking_no, @uscc, @enterprise_name, @contact_name, @contact_phone, @phone_hash, @region_code,
       @city_code, @category_id, @product_id, @title, @description, @budget_fen, @expected_by, @status, @reject_reason,
       @submitted_at, @submitted_ts, @updated_at, @contact_shared, @accept_by_ts, @first_match_by_ts)`,
  );
  const insertProposal = sqlite.prepare(
    `INSERT INTO demand_proposals (id, demand_seq, provider_id, product_id, note, proposed_at, proposed_ts, proposed_by,
       position)
     VALUES (@id, @demand_seq, @provider_id, @product_id, @note, @proposed_at, @proposed_ts, @proposed_by, @position)`,
  );
  const insertEntry = sqlite.prepare(
    'INSERT INTO demand_timeline (demand_seq, status, at, actor, note) VALUES (?, ?, ?, ?, ?)',
  );

  const enterprises = enterprisesOf(random, cities, counties, 80);

  sqlite.transaction(() => {
    let position = 0;
    const user = (row: SeedUser) => insertUser.run({ email: null, ...row, position: position++ });
    // The province's and every city's center, and the county centers of each city's first two counties: enough to
    // show the three levels (a county sees its county, a city its counties, the province all).
    const countyCenters = cities.flatMap((city) => (counties.get(city.code) ?? []).slice(0, 2));
    for (const region of [province, ...cities, ...countyCenters]) {
      const center = centerNameOf(region, cities);
      user({
        id: `usr-admin-${region.code}`,
        name: `${center} 管理员`,
        role: 'admin',
        staff_role: 'admin',
        organization: center,
        region_code: region.code,
        enterprise_id: null,
        provider_id: null,
      });
    }
    // Guangzhou's center, and Shantou's (the city of the API examples' enterprise), have a 业务员 and a 只读 account
    // too, after every administrator: the demo signs in at each level.
    for (const city of cities.filter((region) => STAFFED_CENTERS.includes(region.code))) {
      const center = `${city.name}中小企业服务中心`;
      for (const [level, title] of STAFF_LEVELS) {
        user({
          id: `usr-${level}-${city.code}`,
          name: `${center} ${title}`,
          role: 'admin',
          staff_role: level,
          organization: center,
          region_code: city.code,
          enterprise_id: null,
          provider_id: null,
        });
      }
    }
    enterprises.slice(0, 20).forEach((enterprise, index) =>
      user({
        id: `usr-ent-${pad(index + 1, 2)}`,
        name: `${random.pick(SURNAMES)}${random.pick(['经理', '总', '主任', '女士', '先生'])}`,
        // Every third account gave no address: its notifications stay on the platform, and the mail is skipped.
        ...(index % 3 === 2 ? {} : { email: `ent${pad(index + 1, 2)}@example.cn` }),
        role: 'enterprise',
        staff_role: null,
        organization: enterprise.name,
        region_code: enterprise.regionCode,
        enterprise_id: `ent-${enterprise.uscc.toLowerCase()}`,
        provider_id: null,
      }),
    );
    providers.slice(0, 10).forEach((provider, index) =>
      user({
        id: `usr-prv-${pad(index + 1, 2)}`,
        name: `${random.pick(SURNAMES)}${random.pick(['经理', '顾问', '老师', '律师'])}`,
        email: `prv${pad(index + 1, 2)}@example.cn`,
        role: 'provider',
        staff_role: null,
        organization: provider.name,
        region_code: provider.city_code,
        enterprise_id: null,
        provider_id: provider.id,
      }),
    );

    const trackingNos = new Set<string>();
    let proposalNo = 0;
    const proposal = (seq: number, providerId: string, productId: string | null, at: number, position: number) =>
      insertProposal.run({
        id: `dpr-${pad(++proposalNo, 5)}`,
        demand_seq: seq,
        provider_id: providerId,
        product_id: productId,
        note: null,
        proposed_at: shanghaiDateTime(at),
        proposed_ts: at,
        proposed_by: null,
        position,
      });
    const demand = (index: number) => {
      const enterprise =
        index <= 1 ? (enterprises.find((e) => e.cityCode === '440600') ?? enterprises[0]) : random.pick(enterprises);
      if (!enterprise) throw new Error('No enterprises');
      const category = index === 0 ? CATEGORIES[3] : random.pick(CATEGORIES);
      if (!category) throw new Error('No categories');
      const title = random.pick(NEEDS[category.id]);
      // Over the 18 months before the as-of day, half of them in the last three months; the demo one four days ago.
      const daysAgo = index === 0 ? 4 : random.chance(0.5) ? random.int(1, 90) : random.int(1, 540);
      const submittedTs = dayStart(asOf, -daysAgo) + (index === 0 ? 10 : random.int(8, 18)) * 3_600_000;
      const day = shanghaiDateTime(submittedTs).slice(0, 10).replaceAll('-', '');
      let trackingNo: string = DEMO_DEMAND.trackingNo;
      while (index > 0 && (trackingNo === DEMO_DEMAND.trackingNo || trackingNos.has(trackingNo))) {
        trackingNo = `XQ${day}${Array.from({ length: 6 }, () => random.pick([...TRACKING_CHARS])).join('')}`;
      }
      trackingNos.add(trackingNo);
      const phone =
        index === 0 ? DEMO_DEMAND.phone : `${random.pick(MOBILE_PREFIXES)}${pad(random.int(0, 99_999_999), 8)}`;
      // dmd-00002 stays submitted: the OpenAPI example of a transition accepts it.
      const path =
        index === 1
          ? [{ status: 'submitted' as const, days: 0 }]
          : index === 0
            ? [
                { status: 'submitted' as const, days: 0 },
                { status: 'accepted' as const, days: 1 },
                { status: 'matched' as const, days: 2 },
              ]
            : pathOf(random);
      let at = submittedTs;
      const entries: { status: DemandStatus; at: number; note: string | null }[] = [];
      for (const step of path) {
        at += step.days * DAY + (step.days ? random.int(0, 6) * 3_600_000 : 0);
        if (step.status !== 'submitted' && at > asOf) break;
        entries.push({
          status: step.status,
          at,
          note: step.status === 'submitted' ? null : random.pick(NOTES[step.status] ?? ['—']),
        });
      }
      const last = entries[entries.length - 1] ?? { status: 'submitted' as const, at: submittedTs, note: null };
      let matches: { providerId: string; productId: string | null }[] = [];
      const matchedAt = entries.find((entry) => entry.status === 'matched')?.at;
      if (matchedAt !== undefined) {
        // A center proposes providers of its own city first.
        const candidates = providersByCategory.all(category.id, enterprise.cityCode) as { id: string; name: string }[];
        const chosen = candidates.length ? [random.pick(candidates)] : [];
        matches = chosen.map((provider) => {
          const products = productsOf.all(provider.id, category.id) as { id: string; name: string }[];
          return { providerId: provider.id, productId: products[0]?.id ?? null };
        });
      }
      const budget = random.chance(0.35) ? null : random.int(1, 60) * 500_000;
      const result = insertDemand.run({
        id: `dmd-${pad(index + 1, 5)}`,
        tracking_no: trackingNo,
        uscc: enterprise.uscc,
        enterprise_name: enterprise.name,
        contact_name: `${random.pick(SURNAMES)}${random.pick(['先生', '女士', '经理'])}`,
        contact_phone: phone,
        phone_hash: phoneHash(secret, phone),
        region_code: enterprise.regionCode,
        city_code: enterprise.cityCode,
        category_id: category.id,
        product_id: null,
        title,
        description: `${enterprise.name}${title}。公司目前有员工 ${random.int(12, 380)} 人，希望由专业服务机构提供方案和报价，尽快对接。`,
        budget_fen: budget,
        contact_shared: 1,
        expected_by: random.chance(0.5) ? shanghaiDateTime(asOf + random.int(30, 180) * DAY).slice(0, 10) : null,
        status: last.status,
        reject_reason: last.status === 'rejected' ? last.note : null,
        submitted_at: shanghaiDateTime(submittedTs),
        submitted_ts: submittedTs,
        updated_at: shanghaiDateTime(last.at),
        ...dueColumns(submittedTs),
      });
      matches.forEach((match, position) =>
        proposal(Number(result.lastInsertRowid), match.providerId, match.productId, matchedAt ?? submittedTs, position),
      );
      for (const entry of entries) {
        insertEntry.run(
          result.lastInsertRowid,
          entry.status,
          shanghaiDateTime(entry.at),
          entry.status === 'submitted' ? 'submitter' : 'center',
          entry.note,
        );
      }
    };
    for (let index = 0; index < DEMAND_COUNT; index++) demand(index);
    seedRoutingDemands({ random, secret, asOf, counties, trackingNos, insertDemand, insertEntry, proposal });
    // The demo provider's proposals: the demo demand (contact shared) and one whose enterprise kept its contact.
    const demoProvider = providers[0];
    const demoDemand = sqlite.prepare("SELECT seq, updated_at FROM demands WHERE id = 'dmd-00001'").get() as
      { seq: number; updated_at: string } | undefined;
    const unshared = sqlite.prepare('SELECT seq, updated_at FROM demands WHERE id = ?').get(UNSHARED_DEMAND) as
      { seq: number; updated_at: string } | undefined;
    for (const row of demoProvider ? [demoDemand, unshared] : []) {
      if (!row || !demoProvider) continue;
      const taken = sqlite
        .prepare('SELECT count(*) AS n, sum(provider_id = ?) AS mine FROM demand_proposals WHERE demand_seq = ?')
        .get(demoProvider.id, row.seq) as { n: number; mine: number | null };
      if (!taken.mine) proposal(row.seq, demoProvider.id, null, Date.parse(row.updated_at), taken.n);
    }
    sqlite
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('demands_seeded_at', new Date(asOf).toISOString());
  })();
}

const dueColumns = (from: number) => {
  const due = demandDeadlinesFrom(from, DEFAULT_DEADLINES);
  return { accept_by_ts: due.acceptBy, first_match_by_ts: due.firstMatchBy };
};

interface RoutingSeed {
  readonly random: Random;
  readonly secret: Buffer;
  readonly asOf: number;
  readonly counties: ReadonlyMap<string, readonly RegionRow[]>;
  readonly trackingNos: Set<string>;
  readonly insertDemand: { run(row: Record<string, unknown>): { lastInsertRowid: number | bigint } };
  readonly insertEntry: { run(...values: unknown[]): unknown };
  readonly proposal: (
    seq: number,
    providerId: string,
    productId: string | null,
    at: number,
    position: number,
  ) => unknown;
}

/** The demands of ROUTING_DEMANDS and UNSHARED_DEMAND, after the random ones (whose draws they leave as they were). */
function seedRoutingDemands(seed: RoutingSeed): void {
  const { random, asOf } = seed;
  const plan = [
    // Twenty days back is past two working days whatever the holidays (the longest, Spring Festival, is nine days).
    { id: ROUTING_DEMANDS.overdueShantou, city: '440500', cityName: '汕头', daysAgo: 20, status: 'submitted' as const },
    {
      id: ROUTING_DEMANDS.overdueGuangzhou,
      city: '440100',
      cityName: '广州',
      daysAgo: 20,
      status: 'submitted' as const,
    },
    { id: ROUTING_DEMANDS.accepted, city: '440500', cityName: '汕头', daysAgo: 1, status: 'accepted' as const },
    { id: UNSHARED_DEMAND, city: '440500', cityName: '汕头', daysAgo: 12, status: 'matched' as const },
  ];
  for (const item of plan) {
    const county = seed.counties.get(item.city)?.[0];
    if (!county) throw new Error(`No county in ${item.city}`);
    const category = random.pick(CATEGORIES);
    const title = random.pick(NEEDS[category.id]);
    const submittedTs = dayStart(asOf, -item.daysAgo) + random.int(9, 17) * 3_600_000;
    const day = shanghaiDateTime(submittedTs).slice(0, 10).replaceAll('-', '');
    let trackingNo = '';
    while (trackingNo === '' || seed.trackingNos.has(trackingNo)) {
      trackingNo = `XQ${day}${Array.from({ length: 6 }, () => random.pick([...TRACKING_CHARS])).join('')}`;
    }
    seed.trackingNos.add(trackingNo);
    const name = `${item.cityName}${random.pick(TRADE_FIRST)[0]}${random.pick(TRADE_FIRST)[0]}${random.pick(INDUSTRIES)}有限公司`;
    const phone = `${random.pick(MOBILE_PREFIXES)}${pad(random.int(0, 99_999_999), 8)}`;
    const steps =
      item.status === 'submitted'
        ? [{ status: 'submitted', at: submittedTs }]
        : item.status === 'accepted'
          ? [
              { status: 'submitted', at: submittedTs },
              { status: 'accepted', at: submittedTs + 3 * 3_600_000 },
            ]
          : [
              { status: 'submitted', at: submittedTs },
              { status: 'accepted', at: submittedTs + DAY },
              { status: 'matched', at: submittedTs + 3 * DAY },
            ];
    const last = steps[steps.length - 1] ?? { status: 'submitted', at: submittedTs };
    const result = seed.insertDemand.run({
      id: item.id,
      tracking_no: trackingNo,
      uscc: uscc(random, county.code),
      enterprise_name: name,
      contact_name: `${random.pick(SURNAMES)}${random.pick(['先生', '女士', '经理'])}`,
      contact_phone: phone,
      phone_hash: phoneHash(seed.secret, phone),
      region_code: county.code,
      city_code: item.city,
      category_id: category.id,
      product_id: null,
      title,
      description: `${name}${title}。公司目前有员工 ${random.int(12, 380)} 人，希望由专业服务机构提供方案和报价，尽快对接。`,
      budget_fen: random.int(1, 60) * 500_000,
      contact_shared: item.id === UNSHARED_DEMAND ? 0 : 1,
      expected_by: null,
      status: item.status,
      reject_reason: null,
      submitted_at: shanghaiDateTime(submittedTs),
      submitted_ts: submittedTs,
      updated_at: shanghaiDateTime(last.at),
      ...dueColumns(submittedTs),
    });
    for (const step of steps) {
      const note = step.status === 'submitted' ? null : (NOTES[step.status as DemandStatus]?.[0] ?? null);
      seed.insertEntry.run(
        result.lastInsertRowid,
        step.status,
        shanghaiDateTime(step.at),
        step.status === 'submitted' ? 'submitter' : 'center',
        note,
      );
    }
  }
}
