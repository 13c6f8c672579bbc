// Seeds enterprises, service-voucher batches, vouchers with their histories and engagements with their timelines,
// every date relative to the seed's as-of instant (whole days from its Shanghai day, D below; Y is its year).
//
// Batch ids are stable and name the batch's role, not its year (names, `year`, code prefixes carry the year the
// batch opens in):
//   vbt-prev-440000      last year's batch (Y−1): closed, still being settled (settles 45 days after D)
//   vbt-old-440000       an older province batch (D−520 … D−460): closed and settled; the demo's expired vouchers
//   vbt-old-440600       an older Foshan batch (D−480 … D−420): closed and settled
//   vbt-closed-440000    a province batch of D−300 … D−150: closed
//   vbt-closed-440000-q  a quarter batch of D−120 … D−30: closed, its vouchers still usable
//   vbt-open-440000-a    the standing province batch, open D−330 … D+400
//   vbt-open-440000-b    the specialised-SME batch (tags), open as -a
//   vbt-open-440000-c    digitalisation only, open as -a, unclaimed by the demo users: the claim example
//   vbt-open-440000-d    quality, IP and R&D categories, open as -a
//   vbt-open-440600      Foshan's micro and small enterprises, open as -a
//   vbt-exhausted-440100 Guangzhou's, open but used up (quota = the vouchers claimed)
//   vbt-next-440000      upcoming: opens 7 days after D, closes D+190
//
// Every seeded enterprise user (usr-ent-01 … usr-ent-20) holds, in its enterprise's name (size small, recognised as
// a technology-based SME, `techSme`):
//   - two `issued` vouchers of open province batches: vbt-open-440000-a (¥5,000) and vbt-open-440000-b (¥10,000),
//     usable on any published voucher-eligible product of an unrelated provider;
//     usr-ent-01's are `vch-demo-0001` (use/quote example, on prd-00002) and `vch-demo-0002` (return example);
//   - a `withdrawn` voucher of vbt-open-440000-a (claimed, handed back, then claimed again: see the migration);
//   - an `ordered` voucher (vbt-closed-440000-q) with its `ordered` engagement, a `confirmed` one (vbt-open-440000-d)
//     with its `confirmed` engagement, a `delivered` one (vbt-closed-440000) with its delivered and accepted
//     engagement, a `settled` one (vbt-prev-440000) with its `closed` engagement, an `expired` one (vbt-old-440000);
//   - engagements without a voucher: one `inProgress`, one `delivered` not yet accepted, one `cancelled`, and four
//     delivered and accepted, none rated;
//   - nothing of vbt-open-440000-c (CLAIMABLE_BATCH_ID: the claim example and the widgets' claim tests) nor of
//     vbt-open-440600 (Foshan, open: its enterprises can claim it too) nor of vbt-next-440000 (UPCOMING_BATCH_ID).
// usr-ent-01's engagements: eng-demo-0001 closed, eng-demo-0002 ordered from prv-00001 (usr-prv-01's provider),
// eng-demo-0003 delivered and accepted without a voucher, eng-demo-0004 delivered and accepted with a voucher.
// Besides, GENERATED_ENTERPRISES enterprises and GENERATED_ENGAGEMENTS engagements of theirs over the 18 months
// before D (every step before the as-of instant), most paid in part by a voucher.
import { ENTERPRISE_TAGS, usccCheckCharacter, voucherPayment, type EnterpriseTag } from '@smec/schemas';
import { isRegionWithin, regionCityOf } from '@smec/schemas/rules';
import type { DatabaseHandle } from '../db/database.js';
import { DEFAULT_SEED, type SeedOptions } from './catalog.js';
import { SURNAMES } from './names.js';
import { Random } from './prng.js';
import { dayStart, shanghaiDateTime, shanghaiYear, yearStart } from '../time/shanghai.js';

export const GENERATED_ENTERPRISES = 3000;
export const GENERATED_ENGAGEMENTS = 3000;

export const DEMO_VOUCHERS = { usable: 'vch-demo-0001', returnable: 'vch-demo-0002' } as const;
/** The unclaimed open batch of the claim example. */
export const CLAIMABLE_BATCH_ID = 'vbt-open-440000-c';
/** The batches by role (see the top of the file): stable ids for tests, docs and examples. */
export const SEED_BATCHES = {
  /** Last year's, closed, being settled. */
  previousYear: 'vbt-prev-440000',
  /** Closed and settled. */
  old: 'vbt-old-440000',
  /** Closed. */
  closed: 'vbt-closed-440000',
  /** Open now, for every enterprise of the province. */
  open: 'vbt-open-440000-a',
  claimable: CLAIMABLE_BATCH_ID,
  /** Open now, for Foshan's micro and small enterprises. */
  foshan: 'vbt-open-440600',
  /** Open but used up. */
  exhausted: 'vbt-exhausted-440100',
  /** Opens 7 days after the as-of day. */
  upcoming: 'vbt-next-440000',
} as const;
export const UPCOMING_BATCH_ID = SEED_BATCHES.upcoming;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文辉海波宏斌俊鹏飞云峰丹萍'.split('');
const INDUSTRIES = ['科技', '电子', '机械', '五金', '陶瓷', '家具', '服装', '食品', '塑料', '照明', '家电', '新材料'];
const TRADES = ['宏图', '恒信', '联创', '华源', '精工', '瑞丰', '新达', '嘉诚', '汇通', '鼎盛', '博远', '利德', '正泰'];
const INDUSTRY_KIND: Record<string, string> = {
  科技: '软件和信息技术服务业',
  电子: '计算机、通信和其他电子设备制造业',
  机械: '通用设备制造业',
  五金: '金属制品业',
  陶瓷: '非金属矿物制品业',
  家具: '家具制造业',
  服装: '纺织服装、服饰业',
  食品: '食品制造业',
  塑料: '橡胶和塑料制品业',
  照明: '电气机械和器材制造业',
  家电: '电气机械和器材制造业',
  新材料: '化学原料和化学制品制造业',
};

type Size = 'micro' | 'small' | 'medium';

interface BatchSpec {
  id: string;
  name: string;
  year: number;
  issuerRegion: string;
  prefix: string;
  faceValue: number;
  quota: number;
  opens: number;
  closes: number;
  sizes: Size[];
  tags: EnterpriseTag[];
  regions: string[];
  categories: string[];
  cap: number;
  coverage: number;
  useWithinDays: number;
  settleBy: number;
}

const ALL_SIZES: Size[] = ['micro', 'small', 'medium'];

/**
 * The batches relative to the as-of instant (see the top of the file): claim windows open at 09:00 and close at 17:00
 * on whole days from the as-of day, and each is named by the year it opens in.
 */
function seedBatches(asOf: number): BatchSpec[] {
  const opensAt = (offset: number) => dayStart(asOf, offset) + 9 * HOUR;
  const closesAt = (offset: number) => dayStart(asOf, offset) + 17 * HOUR;
  const year = shanghaiYear(asOf);
  // Last year's batch opens in year Y−1 whatever the as-of day: about a year before it, on 2 January at the earliest.
  const previousOpens = Math.max(opensAt(-370), yearStart(year - 1, 1) + 9 * HOUR);
  const previousDay = Math.round((dayStart(previousOpens) - dayStart(asOf)) / DAY);
  const batch = (
    id: string,
    title: string,
    issuerRegion: string,
    serial: string,
    window: { opens: number; closes: number; useWithinDays: number; settles: number },
    rest: Pick<BatchSpec, 'faceValue' | 'quota' | 'sizes' | 'tags' | 'categories' | 'cap' | 'coverage'>,
  ): BatchSpec => {
    const opens = opensAt(window.opens);
    const opensYear = shanghaiYear(opens);
    return {
      id,
      name: `${opensYear}年${title}`,
      year: opensYear,
      issuerRegion,
      prefix: `${serial.slice(0, 3)}${opensYear}-${serial.slice(3)}`,
      opens,
      closes: closesAt(window.closes),
      useWithinDays: window.useWithinDays,
      settleBy: closesAt(window.settles),
      regions: [issuerRegion],
      ...rest,
    };
  };
  const province = { sizes: ALL_SIZES, tags: [], categories: [], cap: 5_000_000, coverage: 50 };
  const standing = { opens: -330, closes: 400, useWithinDays: 730, settles: 800 };
  return [
    batch(
      'vbt-old-440000',
      '广东省中小微企业服务券（第一批）',
      '440000',
      'GDQ0001',
      { opens: -520, closes: -460, useWithinDays: 90, settles: -300 },
      { ...province, faceValue: 500_000, quota: 3000, cap: 3_000_000 },
    ),
    batch(
      'vbt-old-440600',
      '佛山市中小企业服务券',
      '440600',
      'FSQ0001',
      { opens: -480, closes: -420, useWithinDays: 150, settles: -250 },
      { ...province, faceValue: 800_000, quota: 600, sizes: ['micro', 'small'], cap: 3_000_000, coverage: 60 },
    ),
    batch(
      SEED_BATCHES.previousYear,
      '广东省中小微企业服务券（年度批次）',
      '440000',
      'GDQ0002',
      { opens: previousDay, closes: previousDay + 58, useWithinDays: 365, settles: 45 },
      { ...province, faceValue: 1_000_000, quota: 3000, cap: 3_000_000 },
    ),
    batch(
      SEED_BATCHES.closed,
      '广东省中小微企业服务券（限时批次）',
      '440000',
      'GDQ0003',
      { opens: -300, closes: -150, useWithinDays: 180, settles: 120 },
      { ...province, faceValue: 1_000_000, quota: 4000 },
    ),
    batch(
      'vbt-closed-440000-q',
      '广东省中小微企业服务券（季度批次）',
      '440000',
      'GDQ0004',
      { opens: -120, closes: -30, useWithinDays: 150, settles: 210 },
      { ...province, faceValue: 600_000, quota: 3000 },
    ),
    batch(SEED_BATCHES.open, '广东省中小微企业服务券（常年批次）', '440000', 'GDQ0005', standing, {
      ...province,
      faceValue: 500_000,
      quota: 20000,
    }),
    batch('vbt-open-440000-b', '广东省专精特新中小企业服务券', '440000', 'GDQ0006', standing, {
      ...province,
      faceValue: 1_000_000,
      quota: 5000,
      tags: ['specialized', 'littleGiant', 'highTech', 'techSme'],
    }),
    batch(CLAIMABLE_BATCH_ID, '广东省中小企业数字化转型服务券', '440000', 'GDQ0007', standing, {
      ...province,
      faceValue: 800_000,
      quota: 5000,
      categories: ['digitalization'],
    }),
    batch('vbt-open-440000-d', '广东省质量品牌与知识产权服务券', '440000', 'GDQ0008', standing, {
      ...province,
      faceValue: 1_000_000,
      quota: 5000,
      categories: ['testing-certification', 'intellectual-property', 'technology-rd'],
    }),
    batch(SEED_BATCHES.foshan, '佛山市中小企业服务券', '440600', 'FSQ0002', standing, {
      ...province,
      faceValue: 1_000_000,
      quota: 2000,
      sizes: ['micro', 'small'],
      coverage: 60,
    }),
    batch(
      SEED_BATCHES.exhausted,
      '广州市中小企业服务券',
      '440100',
      'GZQ0001',
      { opens: -270, closes: 400, useWithinDays: 365, settles: 800 },
      // Set to the number of Guangzhou enterprises that claimed it: the batch is used up.
      { ...province, faceValue: 1_000_000, quota: 0 },
    ),
    batch(
      UPCOMING_BATCH_ID,
      '广东省中小微企业服务券（新一期）',
      '440000',
      'GDQ0009',
      { opens: 7, closes: 190, useWithinDays: 180, settles: 400 },
      { ...province, faceValue: 1_000_000, quota: 10000 },
    ),
  ];
}

interface RegionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

interface SeedEnterprise {
  id: string;
  uscc: string;
  name: string;
  size: Size;
  region_code: string;
  city_code: string | null;
  legal: string;
  tags: EnterpriseTag[];
}

interface SeedProduct {
  id: string;
  name: string;
  category_id: string;
  provider_id: string;
  provider_name: string;
  price: number;
}

type Actor = { role: 'enterprise' | 'provider' | 'admin' | 'system'; name: string };
type EngagementStatus = 'ordered' | 'confirmed' | 'inProgress' | 'delivered' | 'closed' | 'cancelled';
type VoucherStatus = 'issued' | 'ordered' | 'confirmed' | 'delivered' | 'settled' | 'expired' | 'withdrawn';

/**
 * Seeds the enterprises, the batches, the vouchers and the engagements (see the top of this file). Deterministic for
 * a seed; runs once per database (`vouchers_seeded_at`), after the users and the catalog.
 */
export function seedVouchers(handle: DatabaseHandle, options: SeedOptions): void {
  const { sqlite } = handle;
  const random = new Random((options.seed ?? DEFAULT_SEED) ^ 0x0b0c_4e55);
  const { asOf } = options;
  const BATCHES = seedBatches(asOf);
  const regions = sqlite
    .prepare('SELECT code, name, level, parent_code FROM regions ORDER BY code')
    .all() as RegionRow[];
  const byCode = new Map(regions.map((region) => [region.code, region]));
  const cities = regions.filter((region) => region.level === 'city');
  const countiesOf = new Map<string, RegionRow[]>();
  for (const region of regions) {
    if (region.level !== 'county' || !region.parent_code) continue;
    countiesOf.set(region.parent_code, [...(countiesOf.get(region.parent_code) ?? []), region]);
  }
  const cityOf = (code: string): string | null => (byCode.has(code) ? regionCityOf(code) : null);
  const centerName = (code: string | null) => {
    const region = code ? byCode.get(code) : undefined;
    return region && region.level === 'city' ? `${region.name}中小企业服务中心` : '广东省中小企业服务中心';
  };

  const personName = () =>
    `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.chance(0.6) ? random.pick(GIVEN) : ''}`;

  // Providers' legal representatives; the demo enterprises' are kept apart from them (no accidental related party).
  const providerIds = sqlite.prepare('SELECT id FROM providers ORDER BY seq').all() as { id: string }[];
  const setLegal = sqlite.prepare('UPDATE providers SET legal_representative = ? WHERE id = ?');
  const providerLegal = new Set<string>();

  const usedUscc = new Set<string>(
    (sqlite.prepare('SELECT uscc FROM providers').all() as { uscc: string }[]).map((row) => row.uscc),
  );
  const makeUscc = (regionCode: string) => {
    for (;;) {
      let body = `91${regionCode}`;
      body += random.chance(0.6) ? 'MA' : String(random.int(0, 99)).padStart(2, '0');
      while (body.length < 17) body += USCC_CHARS[random.int(0, USCC_CHARS.length - 1)];
      const code = `${body}${usccCheckCharacter(body) ?? '0'}`;
      if (!usedUscc.has(code)) {
        usedUscc.add(code);
        return code;
      }
    }
  };

  const users = sqlite
    .prepare(
      `SELECT id, name, role, organization, region_code, enterprise_id, provider_id FROM users ORDER BY position`,
    )
    .all() as {
    id: string;
    name: string;
    role: string;
    organization: string;
    region_code: string | null;
    enterprise_id: string | null;
    provider_id: string | null;
  }[];
  const enterpriseUsers = users.filter((user) => user.role === 'enterprise' && user.enterprise_id);
  const providerUserName = new Map(
    users.filter((user) => user.provider_id).map((user) => [user.provider_id as string, user.name]),
  );
  const adminName = (code: string | null) => {
    const city = code ? cityOf(code) : null;
    const user = users.find((u) => u.role === 'admin' && u.region_code === (city ?? '440000'));
    return user?.name ?? `${centerName(city)} 管理员`;
  };

  const insertEnterprise = sqlite.prepare(
    `INSERT INTO enterprises (id, uscc, name, size, industry, region_code, city_code, founded_on, employees, tags,
       legal_representative)
     VALUES (@id, @uscc, @name, @size, @industry, @region_code, @city_code, @founded_on, @employees, @tags,
       @legal_representative)`,
  );
  const insertBatch = sqlite.prepare(
    `INSERT INTO voucher_batches (id, name, year, issuer_name, issuer_region_code, code_prefix, face_value, quota,
       remaining, claim_opens_at, opens_ts, claim_closes_at, closes_ts, sizes, tags, region_codes, category_ids,
       annual_cap, max_coverage, use_within_days, settle_by, settle_ts, updated_at)
     VALUES (@id, @name, @year, @issuer_name, @issuer_region_code, @code_prefix, @face_value, @quota, @quota,
       @claim_opens_at, @opens_ts, @claim_closes_at, @closes_ts, @sizes, @tags, @region_codes, @category_ids,
       @annual_cap, @max_coverage, @use_within_days, @settle_by, @settle_ts, @updated_at)`,
  );
  const insertVoucher = sqlite.prepare(
    `INSERT INTO vouchers (id, code, batch_seq, batch_id, enterprise_id, face_value, status, claimed_at, claimed_ts,
       use_by, use_by_ts, settle_by, engagement_id, year, updated_at)
     VALUES (@id, @code, @batch_seq, @batch_id, @enterprise_id, @face_value, @status, @claimed_at, @claimed_ts,
       @use_by, @use_by_ts, @settle_by, @engagement_id, @year, @updated_at)`,
  );
  const insertHistory = sqlite.prepare(
    'INSERT INTO voucher_history (voucher_seq, status, at, actor_role, actor_name, note) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertEngagement = sqlite.prepare(
    `INSERT INTO engagements (id, enterprise_id, enterprise_name, enterprise_region_code, provider_id, provider_name,
       product_id, product_name, category_id, voucher_id, contract_amount, voucher_amount, self_paid, status,
       accepted_at, rating_id, created_at, created_ts, updated_at)
     VALUES (@id, @enterprise_id, @enterprise_name, @enterprise_region_code, @provider_id, @provider_name, @product_id,
       @product_name, @category_id, @voucher_id, @contract_amount, @voucher_amount, @self_paid, @status, @accepted_at,
       NULL, @created_at, @created_ts, @updated_at)`,
  );
  const insertTimeline = sqlite.prepare(
    `INSERT INTO engagement_timeline (engagement_seq, status, at, actor_role, actor_name, note)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );

  const products = sqlite
    .prepare(
      `SELECT p.id, p.name, p.category_id, p.provider_id, pr.name AS provider_name,
         CASE WHEN p.discount_price IS NOT NULL THEN p.discount_price ELSE p.list_price END AS price
       FROM products p JOIN providers pr ON pr.id = p.provider_id
       WHERE p.listed = 1 AND p.voucher_eligible = 1 AND p.is_free = 0 ORDER BY p.seq`,
    )
    .all() as SeedProduct[];
  const providerUserIds = new Set(users.filter((user) => user.provider_id).map((user) => user.provider_id as string));
  const demoProducts = products.filter((product) => providerUserIds.has(product.provider_id));
  if (demoProducts.length === 0) throw new Error('Seed the catalog and the users first');

  const batchSeq = new Map<string, number>();
  const spec = (id: string): BatchSpec => {
    const found = BATCHES.find((batch) => batch.id === id);
    if (!found) throw new Error(`No batch ${id}`);
    return found;
  };
  const active = new Map<string, number>();
  const holds = new Set<string>();
  const capUsed = new Map<string, number>();
  let codeNo = 0;

  const addVoucher = (input: {
    id: string;
    batch: BatchSpec;
    enterprise: SeedEnterprise;
    claimedTs: number;
    steps: { status: VoucherStatus; ts: number; actor: Actor; note: string | null }[];
    engagementId: string | null;
  }) => {
    const { batch } = input;
    const useByTs = Math.min(input.claimedTs + batch.useWithinDays * DAY, batch.settleBy);
    const last = input.steps[input.steps.length - 1];
    const status = last?.status ?? 'issued';
    codeNo++;
    const code = `${batch.prefix}-${String(codeNo).padStart(5, '0')}${USCC_CHARS[random.int(0, USCC_CHARS.length - 1)]}`;
    const result = insertVoucher.run({
      id: input.id,
      code,
      batch_seq: batchSeq.get(batch.id),
      batch_id: batch.id,
      enterprise_id: input.enterprise.id,
      face_value: batch.faceValue,
      status,
      claimed_at: shanghaiDateTime(input.claimedTs),
      claimed_ts: input.claimedTs,
      use_by: shanghaiDateTime(useByTs),
      use_by_ts: useByTs,
      settle_by: shanghaiDateTime(batch.settleBy),
      engagement_id: input.engagementId,
      year: batch.year,
      updated_at: shanghaiDateTime(last?.ts ?? input.claimedTs),
    });
    const seq = Number(result.lastInsertRowid);
    insertHistory.run(
      seq,
      'issued',
      shanghaiDateTime(input.claimedTs),
      'enterprise',
      input.enterprise.legal,
      `领取${batch.name}`,
    );
    for (const step of input.steps) {
      insertHistory.run(seq, step.status, shanghaiDateTime(step.ts), step.actor.role, step.actor.name, step.note);
    }
    if (status !== 'withdrawn') {
      active.set(batch.id, (active.get(batch.id) ?? 0) + 1);
      holds.add(`${batch.id} ${input.enterprise.id}`);
    }
    return useByTs;
  };

  /** An engagement through `path` (ordered first), every step after the one before; returns its last time. */
  const addEngagement = (input: {
    id: string;
    enterprise: SeedEnterprise;
    enterpriseActor: Actor;
    product: SeedProduct;
    createdTs: number;
    path: { status: EngagementStatus; gapDays: number; accepted?: boolean }[];
    voucher: { id: string; batch: BatchSpec } | null;
  }) => {
    const contract = Math.max(100_000, Math.round((input.product.price || random.int(2000, 30000) * 100) / 100) * 100);
    let voucherAmount = 0;
    if (input.voucher) {
      const key = `${input.enterprise.id} ${input.voucher.batch.year}`;
      const used = capUsed.get(key) ?? 0;
      voucherAmount = voucherPayment({
        faceValue: input.voucher.batch.faceValue,
        maxCoverage: input.voucher.batch.coverage,
        contractAmount: contract,
        capLeft: input.voucher.batch.cap - used,
      }).voucherAmount;
      capUsed.set(key, used + voucherAmount);
    }
    const providerActor: Actor = {
      role: 'provider',
      name: providerUserName.get(input.product.provider_id) ?? `${input.product.provider_name} 项目负责人`,
    };
    const admin: Actor = { role: 'admin', name: adminName(input.enterprise.region_code) };
    const entries: { status: EngagementStatus; ts: number; actor: Actor; note: string }[] = [];
    let ts = input.createdTs;
    let acceptedTs: number | null = null;
    for (const step of input.path) {
      const next = ts + step.gapDays * DAY + random.int(1, 6) * HOUR;
      // Nothing happens after the as-of instant: an engagement of the last weeks is still under way.
      if (next > asOf - HOUR) break;
      ts = next;
      const actor =
        step.status === 'closed'
          ? admin
          : step.status === 'cancelled' || step.accepted
            ? input.enterpriseActor
            : providerActor;
      const note =
        step.status === 'confirmed'
          ? '服务机构已确认订单'
          : step.status === 'inProgress'
            ? '服务机构开始服务'
            : step.status === 'delivered'
              ? step.accepted
                ? '企业已验收'
                : '服务机构已交付'
              : step.status === 'closed'
                ? '服务中心已结算'
                : '企业取消订单';
      if (step.accepted) acceptedTs = ts;
      entries.push({ status: step.status, ts, actor, note });
    }
    const status = entries[entries.length - 1]?.status ?? 'ordered';
    const result = insertEngagement.run({
      id: input.id,
      enterprise_id: input.enterprise.id,
      enterprise_name: input.enterprise.name,
      enterprise_region_code: input.enterprise.region_code,
      provider_id: input.product.provider_id,
      provider_name: input.product.provider_name,
      product_id: input.product.id,
      product_name: input.product.name,
      category_id: input.product.category_id,
      voucher_id: input.voucher?.id ?? null,
      contract_amount: contract,
      voucher_amount: voucherAmount,
      self_paid: contract - voucherAmount,
      status,
      accepted_at: acceptedTs === null ? null : shanghaiDateTime(acceptedTs),
      created_at: shanghaiDateTime(input.createdTs),
      created_ts: input.createdTs,
      updated_at: shanghaiDateTime(ts),
    });
    const seq = Number(result.lastInsertRowid);
    insertTimeline.run(
      seq,
      'ordered',
      shanghaiDateTime(input.createdTs),
      input.enterpriseActor.role,
      input.enterpriseActor.name,
      `${input.product.name}：合同金额 ¥${(contract / 100).toFixed(2)}`,
    );
    for (const entry of entries) {
      insertTimeline.run(seq, entry.status, shanghaiDateTime(entry.ts), entry.actor.role, entry.actor.name, entry.note);
    }
    return { entries, acceptedTs, providerActor, admin };
  };

  /** The voucher's steps that follow its engagement's. */
  const voucherSteps = (
    createdTs: number,
    engagementId: string,
    productName: string,
    enterpriseActor: Actor,
    entries: { status: EngagementStatus; ts: number; actor: Actor; note: string }[],
  ) => {
    const steps: { status: VoucherStatus; ts: number; actor: Actor; note: string | null }[] = [
      {
        status: 'ordered',
        ts: createdTs,
        actor: enterpriseActor,
        note: `用于服务项目 ${engagementId}（${productName}）`,
      },
    ];
    for (const entry of entries) {
      const status: VoucherStatus | null =
        entry.status === 'confirmed'
          ? 'confirmed'
          : entry.status === 'delivered' && entry.note === '企业已验收'
            ? 'delivered'
            : entry.status === 'closed'
              ? 'settled'
              : null;
      if (status) steps.push({ status, ts: entry.ts, actor: entry.actor, note: entry.note });
    }
    return steps;
  };

  const demoEnterprises: SeedEnterprise[] = [];

  sqlite.transaction(() => {
    for (const { id } of providerIds) {
      const legal = personName();
      providerLegal.add(legal);
      setLegal.run(legal, id);
    }

    const stamp = shanghaiDateTime(asOf);
    for (const batch of BATCHES) {
      const result = insertBatch.run({
        id: batch.id,
        name: batch.name,
        year: batch.year,
        issuer_name: centerName(batch.issuerRegion === '440000' ? null : batch.issuerRegion),
        issuer_region_code: batch.issuerRegion,
        code_prefix: batch.prefix,
        face_value: batch.faceValue,
        quota: batch.quota,
        claim_opens_at: shanghaiDateTime(batch.opens),
        opens_ts: batch.opens,
        claim_closes_at: shanghaiDateTime(batch.closes),
        closes_ts: batch.closes,
        sizes: JSON.stringify(batch.sizes),
        tags: JSON.stringify(batch.tags),
        region_codes: JSON.stringify(batch.regions),
        category_ids: JSON.stringify(batch.categories),
        annual_cap: batch.cap,
        max_coverage: batch.coverage,
        use_within_days: batch.useWithinDays,
        settle_by: shanghaiDateTime(batch.settleBy),
        settle_ts: batch.settleBy,
        updated_at: stamp,
      });
      batchSeq.set(batch.id, Number(result.lastInsertRowid));
    }

    const addEnterprise = (enterprise: SeedEnterprise, industry: string, employees: number, foundedOn: string) => {
      insertEnterprise.run({
        id: enterprise.id,
        uscc: enterprise.uscc,
        name: enterprise.name,
        size: enterprise.size,
        industry,
        region_code: enterprise.region_code,
        city_code: enterprise.city_code,
        founded_on: foundedOn,
        employees,
        tags: JSON.stringify(enterprise.tags),
        legal_representative: enterprise.legal,
      });
    };

    for (const user of enterpriseUsers) {
      const id = user.enterprise_id as string;
      const uscc = id.slice('ent-'.length).toUpperCase();
      usedUscc.add(uscc);
      let legal = personName();
      while (providerLegal.has(legal)) legal = personName();
      const region = user.region_code ?? '440000';
      const word = INDUSTRIES.find((name) => user.organization.includes(name)) ?? '科技';
      const enterprise: SeedEnterprise = {
        id,
        uscc,
        name: user.organization,
        size: 'small',
        region_code: region,
        city_code: cityOf(region),
        legal,
        tags: demoEnterprises.length % 3 === 0 ? ['techSme', 'specialized'] : ['techSme'],
      };
      addEnterprise(
        enterprise,
        INDUSTRY_KIND[word] ?? '制造业',
        random.int(40, 260),
        `20${random.int(10, 20)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
      );
      demoEnterprises.push(enterprise);
    }

    const generated: SeedEnterprise[] = [];
    const heavy = new Set(['440100', '440300', '440600', '441900']);
    const cityWeights = cities.map((city) => [city, heavy.has(city.code) ? 4 : 1] as const);
    for (let n = 0; n < GENERATED_ENTERPRISES; n++) {
      const city = random.weighted(cityWeights);
      const county = random.pick(countiesOf.get(city.code) ?? [city]);
      const size = random.weighted<Size>([
        ['micro', 45],
        ['small', 40],
        ['medium', 15],
      ]);
      const word = random.pick(INDUSTRIES);
      const uscc = makeUscc(county.code);
      const tags = ENTERPRISE_TAGS.filter(() => random.chance(0.12));
      const enterprise: SeedEnterprise = {
        id: `ent-${uscc.toLowerCase()}`,
        uscc,
        name: `${city.name.replace(/市$/, '')}${random.pick(TRADES)}${word}有限公司`,
        size,
        region_code: county.code,
        city_code: city.code,
        legal: personName(),
        tags,
      };
      const employees =
        size === 'micro' ? random.int(3, 19) : size === 'small' ? random.int(20, 299) : random.int(300, 999);
      addEnterprise(
        enterprise,
        INDUSTRY_KIND[word] ?? '制造业',
        employees,
        `${random.int(1998, 2023)}-0${random.int(1, 9)}-2${random.int(0, 8)}`,
      );
      generated.push(enterprise);
    }

    // ---- the demo enterprises ----
    let voucherNo = 0;
    let engagementNo = 0;
    const nextVoucherId = () => `vch-demo-${String(++voucherNo).padStart(4, '0')}`;
    const nextEngagementId = () => `eng-demo-${String(++engagementNo).padStart(4, '0')}`;
    /** `days` whole days from the as-of day at `hour`, plus up to `jitterDays` days and 8 hours. */
    const at = (days: number, jitterDays: number, hour = 9) =>
      dayStart(asOf, days) + hour * HOUR + random.int(0, jitterDays) * DAY + random.int(0, 8) * HOUR;
    /** `days` whole days after a batch opens (09:00), plus the same jitter. */
    const after = (batch: BatchSpec, days: number, jitterDays: number, hour = 9) =>
      batch.opens + (hour - 9) * HOUR + days * DAY + random.int(0, jitterDays) * DAY + random.int(0, 8) * HOUR;
    const restricted = (batch: BatchSpec) =>
      demoProducts.filter((product) => batch.categories.includes(product.category_id));

    demoEnterprises.forEach((enterprise, index) => {
      const user = enterpriseUsers[index];
      const me: Actor = { role: 'enterprise', name: user?.name ?? enterprise.legal };
      const first = index === 0;
      const productAt = (offset: number) => demoProducts[(index * 7 + offset) % demoProducts.length] as SeedProduct;
      const a = spec(SEED_BATCHES.open);
      const b = spec('vbt-open-440000-b');
      const h1 = spec(SEED_BATCHES.closed);
      const q3 = spec('vbt-closed-440000-q');
      const d = spec('vbt-open-440000-d');
      const y25 = spec(SEED_BATCHES.previousYear);
      const y25b = spec(SEED_BATCHES.old);

      // The two issued vouchers come first: usr-ent-01's are vch-demo-0001 and vch-demo-0002.
      addVoucher({
        id: nextVoucherId(),
        batch: a,
        enterprise,
        claimedTs: at(-24, 20),
        steps: [],
        engagementId: null,
      });
      addVoucher({
        id: nextVoucherId(),
        batch: b,
        enterprise,
        claimedTs: at(-61, 30),
        steps: [],
        engagementId: null,
      });
      const withdrawnClaim = at(-244, 20);
      addVoucher({
        id: nextVoucherId(),
        batch: a,
        enterprise,
        claimedTs: withdrawnClaim,
        steps: [{ status: 'withdrawn', ts: withdrawnClaim + 12 * DAY, actor: me, note: '企业退回，名额返还本批次' }],
        engagementId: null,
      });

      const withVoucher = (
        id: string,
        batch: BatchSpec,
        product: SeedProduct,
        claimedTs: number,
        createdTs: number,
        path: { status: EngagementStatus; gapDays: number; accepted?: boolean }[],
      ) => {
        const voucherId = nextVoucherId();
        const { entries } = addEngagement({
          id,
          enterprise,
          enterpriseActor: me,
          product,
          createdTs,
          path,
          voucher: { id: voucherId, batch },
        });
        addVoucher({
          id: voucherId,
          batch,
          enterprise,
          claimedTs,
          steps: voucherSteps(createdTs, id, product.name, me, entries),
          engagementId: id,
        });
      };
      const without = (
        id: string,
        product: SeedProduct,
        createdTs: number,
        path: { status: EngagementStatus; gapDays: number; accepted?: boolean }[],
      ) => addEngagement({ id, enterprise, enterpriseActor: me, product, createdTs, path, voucher: null });
      const deliveredAccepted = [
        { status: 'confirmed' as const, gapDays: 1 },
        { status: 'inProgress' as const, gapDays: 2 },
        { status: 'delivered' as const, gapDays: 10 },
        { status: 'delivered' as const, gapDays: 2, accepted: true },
      ];

      // usr-ent-01's first four engagements are the API examples' (see the top of the file).
      const closedId = nextEngagementId();
      withVoucher(closedId, y25, productAt(0), after(y25, 7, 20), after(y25, 64, 20, 10), [
        ...deliveredAccepted,
        { status: 'closed', gapDays: 12 },
      ]);
      const orderedProduct = first
        ? (demoProducts.find((product) => product.provider_id === 'prv-00001') ?? productAt(1))
        : productAt(1);
      withVoucher(nextEngagementId(), q3, orderedProduct, after(q3, 5, 30), at(-12, 8, 10), []);
      without(nextEngagementId(), productAt(2), at(-90, 20, 10), deliveredAccepted);
      withVoucher(nextEngagementId(), h1, productAt(3), after(h1, 28, 30), after(h1, 120, 30, 10), deliveredAccepted);
      const dProducts = restricted(d);
      withVoucher(
        nextEngagementId(),
        d,
        dProducts[index % Math.max(1, dProducts.length)] ?? productAt(4),
        at(-48, 20),
        at(-20, 10, 10),
        [{ status: 'confirmed', gapDays: 2 }],
      );
      // Expired: claimed in 2025, never used by its deadline; the platform voided it.
      const expiredClaim = after(y25b, 3, 20);
      addVoucher({
        id: nextVoucherId(),
        batch: y25b,
        enterprise,
        claimedTs: expiredClaim,
        steps: [
          {
            status: 'expired',
            ts: Math.min(expiredClaim + y25b.useWithinDays * DAY, y25b.settleBy) + 10 * 60_000,
            actor: { role: 'system', name: '服务券平台' },
            note: '超过使用期限未使用，自动作废',
          },
        ],
        engagementId: null,
      });
      without(nextEngagementId(), productAt(5), at(-27, 10, 10), [
        { status: 'confirmed', gapDays: 1 },
        { status: 'inProgress', gapDays: 3 },
      ]);
      without(nextEngagementId(), productAt(6), at(-42, 10, 10), [
        { status: 'confirmed', gapDays: 1 },
        { status: 'inProgress', gapDays: 2 },
        { status: 'delivered', gapDays: 12 },
      ]);
      without(nextEngagementId(), productAt(7), at(-114, 30, 10), [{ status: 'cancelled', gapDays: 1 }]);
      for (let extra = 0; extra < 3; extra++) {
        without(nextEngagementId(), productAt(8 + extra), at(-181, 120, 10), deliveredAccepted);
      }
      if (first && closedId !== 'eng-demo-0001') throw new Error('The example engagements must come first');
    });

    // ---- the generated enterprises' engagements over the 18 months before the as-of day ----
    let generatedNo = 0;
    const from = dayStart(asOf, -540) + 9 * HOUR;
    const to = dayStart(asOf, -1) + 18 * HOUR;
    const historical = [
      SEED_BATCHES.old,
      'vbt-old-440600',
      SEED_BATCHES.previousYear,
      SEED_BATCHES.closed,
      'vbt-closed-440000-q',
      SEED_BATCHES.open,
    ].map(spec);
    for (let n = 0; n < GENERATED_ENGAGEMENTS; n++) {
      const enterprise = random.pick(generated);
      const product = random.pick(products);
      const createdTs = random.int(from, to);
      const closed = random.chance(createdTs < dayStart(asOf, -150) ? 0.85 : 0.45);
      const path = [
        { status: 'confirmed' as const, gapDays: random.int(0, 3) },
        { status: 'inProgress' as const, gapDays: random.int(1, 5) },
        { status: 'delivered' as const, gapDays: random.int(5, 20) },
        { status: 'delivered' as const, gapDays: random.int(1, 5), accepted: true },
        ...(closed ? [{ status: 'closed' as const, gapDays: random.int(5, 15) }] : []),
      ];
      const me: Actor = { role: 'enterprise', name: enterprise.legal };
      const id = `eng-${String(++generatedNo).padStart(6, '0')}`;
      const batch = random.chance(0.75)
        ? random
            .sample(historical, historical.length)
            .find(
              (candidate) =>
                candidate.opens < createdTs &&
                candidate.sizes.includes(enterprise.size) &&
                candidate.regions.some((scope) => isRegionWithin(enterprise.region_code, scope)) &&
                !holds.has(`${candidate.id} ${enterprise.id}`) &&
                (active.get(candidate.id) ?? 0) < candidate.quota &&
                Math.min(createdTs, candidate.closes) - candidate.opens > DAY &&
                Math.min(candidate.opens + candidate.useWithinDays * DAY, candidate.settleBy) > createdTs,
            )
        : undefined;
      if (!batch) {
        addEngagement({ id, enterprise, enterpriseActor: me, product, createdTs, path, voucher: null });
        continue;
      }
      const claimedTs = random.int(batch.opens, Math.min(createdTs, batch.closes) - HOUR);
      const useBy = Math.min(claimedTs + batch.useWithinDays * DAY, batch.settleBy);
      const usedTs = useBy > createdTs ? createdTs : random.int(claimedTs + HOUR, useBy - HOUR);
      const voucherId = `vch-${String(generatedNo).padStart(6, '0')}`;
      const { entries } = addEngagement({
        id,
        enterprise,
        enterpriseActor: me,
        product,
        createdTs: usedTs,
        path,
        voucher: { id: voucherId, batch },
      });
      addVoucher({
        id: voucherId,
        batch,
        enterprise,
        claimedTs,
        steps: voucherSteps(usedTs, id, product.name, me, entries),
        engagementId: id,
      });
    }

    // Guangzhou's batch is used up: every voucher of it claimed, unused.
    const guangzhou = spec(SEED_BATCHES.exhausted);
    const claimants = generated.filter((enterprise) => enterprise.city_code === '440100').slice(0, 150);
    for (const enterprise of claimants) {
      addVoucher({
        id: `vch-gz-${enterprise.uscc.slice(-6).toLowerCase()}${String(codeNo).padStart(5, '0')}`,
        batch: guangzhou,
        enterprise,
        claimedTs: random.int(guangzhou.opens, guangzhou.opens + 20 * DAY),
        steps: [],
        engagementId: null,
      });
    }
    sqlite
      .prepare('UPDATE voucher_batches SET quota = ? WHERE id = ?')
      .run(Math.max(1, claimants.length), guangzhou.id);

    // What is left of each batch: its quota less the vouchers still held (handed-back ones returned theirs).
    sqlite.exec(
      `UPDATE voucher_batches SET remaining = quota - (SELECT count(*) FROM vouchers v
         WHERE v.batch_seq = voucher_batches.seq AND v.status <> 'withdrawn')`,
    );
    sqlite.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('vouchers_seeded_at', stamp);
  })();
}
