import type { CategoryId, Region } from '@smec/schemas';
import { regionCityOf } from '@smec/schemas/rules';
import type { DatabaseHandle } from '../db/database.js';
import { indexTerms } from '../search/ngrams.js';
import { policySearchText } from '../policies/search-text.js';
import { DEFAULT_SEED, type SeedOptions } from './catalog.js';
import { Random } from './prng.js';
import { dayStart, SHANGHAI_OFFSET_MS } from '../time/shanghai.js';

/**
 * The policy library's seed: policies of the province, every city and some counties, with document numbers,
 * issuers and dates in the real formats. Titles and summaries are modelled on real measures for small and medium
 * enterprises, but apart from the first (粤府办〔2016〕58号, which the guideline behind this project cites) they are
 * EXAMPLES: the document numbers and the gov.cn addresses are plausible, not real documents.
 */

export interface SeedPolicy {
  readonly id: string;
  readonly title: string;
  readonly issuer: string;
  readonly docNumber: string;
  readonly publishedOn: string;
  readonly effectiveFrom: string;
  readonly effectiveUntil: string | null;
  readonly regionCode: string;
  readonly categoryIds: readonly CategoryId[];
  readonly summary: string;
  readonly url: string;
}

/** Policies the API examples and tests rely on. */
export const DEMO_POLICIES = { first: 'pol-0001' } as const;

interface Topic {
  /** `{place}` is the issuing region's name. */
  readonly title: string;
  readonly categoryIds: readonly CategoryId[];
  readonly summary: string;
}

const TOPICS: readonly Topic[] = [
  {
    title: '{place}关于进一步支持中小微企业融资的若干措施',
    categoryIds: ['financing'],
    summary:
      '从扩大信贷投放、降低融资成本、完善融资担保和风险补偿等方面提出措施，对符合条件的中小微企业贷款给予贴息，对首贷、续贷和信用贷款的合作银行给予风险补偿，支持政府性融资担保机构降低担保费率。',
  },
  {
    title: '{place}促进民营经济高质量发展的若干政策措施',
    categoryIds: ['policy-consulting', 'market-expansion'],
    summary:
      '围绕降低企业经营成本、拓展市场空间、强化要素保障和优化营商环境提出若干措施，明确牵头部门和兑现流程，企业可通过当地中小企业服务中心咨询申报。',
  },
  {
    title: '{place}中小微企业服务券管理办法',
    categoryIds: ['policy-consulting'],
    summary:
      '规定服务券的申领条件、面额、使用范围、抵扣比例和兑付流程：服务券按先到先得、总额控制、用完为止、期满作废的原则发放，用于购买入库服务机构提供的管理咨询、财税、法律、检验检测等服务。',
  },
  {
    title: '{place}关于加快推进制造业数字化转型的实施方案',
    categoryIds: ['digitalization', 'technology-rd'],
    summary:
      '支持中小企业上云用数赋智，对实施数字化改造、工业互联网应用和智能车间建设的企业按投入给予一定比例补助，培育一批数字化转型服务商并发布服务目录。',
  },
  {
    title: '{place}专精特新中小企业培育办法',
    categoryIds: ['management-consulting', 'technology-rd'],
    summary:
      '明确专精特新中小企业的认定条件、申报程序和动态管理要求，对新认定的专精特新中小企业和专精特新“小巨人”企业给予奖励，并在融资、人才、市场开拓等方面优先支持。',
  },
  {
    title: '{place}关于落实小微企业和个体工商户税费优惠政策的通知',
    categoryIds: ['finance-tax'],
    summary:
      '梳理增值税小规模纳税人减免、小型微利企业所得税优惠、“六税两费”减征等政策的适用条件和办理方式，明确纳税人可通过电子税务局自行申报享受，无需额外提交资料。',
  },
  {
    title: '{place}知识产权质押融资风险补偿资金管理办法',
    categoryIds: ['intellectual-property', 'financing'],
    summary:
      '设立知识产权质押融资风险补偿资金，对合作银行发放的知识产权质押贷款发生的损失按比例补偿，对企业的评估、担保等费用给予补贴，推动专利、商标价值转化。',
  },
  {
    title: '{place}高新技术企业培育工作方案',
    categoryIds: ['technology-rd', 'finance-tax'],
    summary:
      '建立高新技术企业后备库，对入库企业提供研发管理、知识产权和财务归集辅导，对首次通过认定的企业给予奖励，落实研发费用加计扣除政策。',
  },
  {
    title: '{place}关于支持企业开展职业技能培训的通知',
    categoryIds: ['training-talent'],
    summary:
      '支持企业自主开展岗前培训、岗位技能提升培训和新型学徒制培训，按培训合格人数给予职业培训补贴，鼓励中小企业与职业院校、培训机构合作培养技能人才。',
  },
  {
    title: '{place}创业担保贷款实施办法',
    categoryIds: ['startup-coaching', 'financing'],
    summary:
      '明确个人和小微企业创业担保贷款的申请条件、额度、期限和贴息标准，符合条件的小微企业可申请最高额度的创业担保贷款并享受财政贴息，同时提供创业指导服务。',
  },
  {
    title: '{place}中小企业公共服务示范平台认定管理办法',
    categoryIds: ['policy-consulting', 'management-consulting'],
    summary:
      '规定中小企业公共服务示范平台的认定条件、申报材料、评审程序和年度考核，要求平台实行服务功能、流程、标准、收费、时限“五公开”，考核结果作为扶持资金安排的依据。',
  },
  {
    title: '{place}关于支持企业开展质量品牌建设和检验检测认证的若干措施',
    categoryIds: ['testing-certification'],
    summary:
      '鼓励中小企业开展质量管理体系、产品认证和标准化建设，对获得国际认证、参与制修订标准的企业给予资助，推动检验检测机构向中小企业开放共享仪器设备。',
  },
  {
    title: '{place}关于开展“法律服务进企业”专项活动的通知',
    categoryIds: ['legal'],
    summary:
      '组织律师事务所、公证机构等为中小企业开展法律体检，提供合同审查、劳动用工、知识产权保护等公益法律服务，建立企业法律风险防控指引。',
  },
  {
    title: '{place}支持外贸企业稳订单拓市场的若干措施',
    categoryIds: ['market-expansion'],
    summary:
      '对中小外贸企业参加境内外重点展会给予展位费补助，支持发展跨境电商和海外仓，提高出口信用保险覆盖面，帮助企业稳定订单、开拓新兴市场。',
  },
  {
    title: '{place}关于推动小微企业升级为规模以上企业的若干措施',
    categoryIds: ['management-consulting', 'finance-tax'],
    summary:
      '对首次升级为规模以上工业企业的小微企业给予一次性奖励，建立“小升规”重点培育企业库，提供财务规范、统计申报和管理提升辅导。',
  },
  {
    title: '{place}企业研究开发费用财政补助实施细则',
    categoryIds: ['technology-rd', 'finance-tax'],
    summary:
      '按企业上年度研究开发费用税前加计扣除额的一定比例给予补助，明确申报条件、核定方式和资金拨付程序，引导中小企业加大研发投入。',
  },
  {
    title: '{place}关于推进中小企业服务体系建设的实施意见',
    categoryIds: ['policy-consulting'],
    summary:
      '健全中小企业服务中心体系，整合引导优质服务机构入驻公共服务平台网络，开展政策宣贯、需求调研、服务对接和服务跟踪，对服务中心开展年度综合评价考核。',
  },
  {
    title: '{place}关于支持中小企业吸纳高校毕业生就业的通知',
    categoryIds: ['training-talent'],
    summary:
      '对招用离校两年内高校毕业生并签订劳动合同、缴纳社会保险的中小微企业给予一次性吸纳就业补贴，支持企业开展见习岗位募集。',
  },
  {
    title: '{place}中小企业数字化转型城市试点实施方案',
    categoryIds: ['digitalization'],
    summary:
      '聚焦重点细分行业，遴选数字化转型服务商，推广“小快轻准”的数字化产品和解决方案，对完成数字化改造并通过评估的中小企业给予补助。',
  },
  {
    title: '{place}关于实施中小企业首贷续贷服务的工作方案',
    categoryIds: ['financing'],
    summary:
      '在政务服务中心和中小企业服务中心设立首贷续贷服务窗口，组织银行为无贷户提供首贷服务，推广无还本续贷，降低企业转贷成本。',
  },
];

interface Issuer {
  /** `{place}` is the region's full name. */
  readonly name: string;
  /** The document-number prefix, e.g. 粤府办. */
  readonly prefix: string;
  readonly host: string;
}

/** Short forms used in document numbers (粤, 穗, 深 …) and the governments' web hosts, by city code. */
const CITY_ABBREVIATIONS: Record<string, { short: string; host: string }> = {
  '440100': { short: '穗', host: 'www.gz.gov.cn' },
  '440200': { short: '韶', host: 'www.sg.gov.cn' },
  '440300': { short: '深', host: 'www.sz.gov.cn' },
  '440400': { short: '珠', host: 'www.zhuhai.gov.cn' },
  '440500': { short: '汕', host: 'www.shantou.gov.cn' },
  '440600': { short: '佛', host: 'www.foshan.gov.cn' },
  '440700': { short: '江', host: 'www.jiangmen.gov.cn' },
  '440800': { short: '湛', host: 'www.zhanjiang.gov.cn' },
  '440900': { short: '茂', host: 'www.maoming.gov.cn' },
  '441200': { short: '肇', host: 'www.zhaoqing.gov.cn' },
  '441300': { short: '惠', host: 'www.huizhou.gov.cn' },
  '441400': { short: '梅市', host: 'www.meizhou.gov.cn' },
  '441500': { short: '汕尾', host: 'www.shanwei.gov.cn' },
  '441600': { short: '河', host: 'www.heyuan.gov.cn' },
  '441700': { short: '阳', host: 'www.yangjiang.gov.cn' },
  '441800': { short: '清', host: 'www.gdqy.gov.cn' },
  '441900': { short: '东', host: 'www.dg.gov.cn' },
  '442000': { short: '中', host: 'www.zs.gov.cn' },
  '445100': { short: '潮', host: 'www.chaozhou.gov.cn' },
  '445200': { short: '揭', host: 'www.jieyang.gov.cn' },
  '445300': { short: '云', host: 'www.yunfu.gov.cn' },
};

function provinceIssuers(): Issuer[] {
  return [
    { name: '广东省人民政府', prefix: '粤府', host: 'www.gd.gov.cn' },
    { name: '广东省人民政府办公厅', prefix: '粤府办', host: 'www.gd.gov.cn' },
    { name: '广东省工业和信息化厅', prefix: '粤工信中小', host: 'gdii.gd.gov.cn' },
    { name: '广东省财政厅', prefix: '粤财工', host: 'czt.gd.gov.cn' },
    { name: '广东省科学技术厅', prefix: '粤科规范字', host: 'gdstc.gd.gov.cn' },
    { name: '广东省人力资源和社会保障厅', prefix: '粤人社规', host: 'hrss.gd.gov.cn' },
    { name: '广东省市场监督管理局', prefix: '粤市监', host: 'amr.gd.gov.cn' },
    { name: '广东省商务厅', prefix: '粤商务贸', host: 'com.gd.gov.cn' },
  ];
}

function cityIssuers(city: Region): Issuer[] {
  const { short, host } = CITY_ABBREVIATIONS[city.code] ?? { short: city.name.slice(0, 1), host: 'www.gd.gov.cn' };
  return [
    { name: `${city.name}人民政府`, prefix: `${short}府`, host },
    { name: `${city.name}人民政府办公室`, prefix: `${short}府办`, host },
    { name: `${city.name}人民政府办公室`, prefix: `${short}府办函`, host },
    { name: `${city.name}工业和信息化局`, prefix: `${short}工信`, host },
    { name: `${city.name}财政局`, prefix: `${short}财工`, host },
    { name: `${city.name}人力资源和社会保障局`, prefix: `${short}人社`, host },
  ];
}

function countyIssuers(county: Region, city: Region): Issuer[] {
  const { host } = CITY_ABBREVIATIONS[city.code] ?? { host: 'www.gd.gov.cn' };
  const short = county.name.slice(0, 1);
  return [
    { name: `${city.name}${county.name}人民政府`, prefix: `${short}府`, host },
    { name: `${city.name}${county.name}人民政府办公室`, prefix: `${short}府办`, host },
    { name: `${city.name}${county.name}经济和科技促进局`, prefix: `${short}经科`, host },
  ];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2016, 0, 1);

/** The guideline's own reference: the one real document of the seed, first so that its id is stable. */
const FIRST_POLICY: SeedPolicy = {
  id: DEMO_POLICIES.first,
  title: '广东省人民政府办公厅关于印发广东省促进民营经济大发展若干政策措施的通知',
  issuer: '广东省人民政府办公厅',
  docNumber: '粤府办〔2016〕58号',
  publishedOn: '2016-06-22',
  effectiveFrom: '2016-06-22',
  effectiveUntil: '2021-06-21',
  regionCode: '440000',
  categoryIds: ['policy-consulting', 'financing', 'finance-tax'],
  summary:
    '从降低企业成本、拓宽融资渠道、加强财政扶持、支持创新发展和完善服务体系等方面提出促进民营经济大发展的政策措施，是推进全省中小企业服务中心建设指导意见的依据之一。',
  url: 'https://www.gd.gov.cn/zwgk/wjk/qbwj/yfb/content/post_0000001.html',
};

/**
 * Generates the policies deterministically from the regions and the as-of instant (the same in the database and in
 * Storybook): published from 2016 up to the day before the as-of day, some of them in the last weeks, some expiring
 * in the weeks after it.
 */
export function generatePolicies(regions: readonly Region[], options: SeedOptions): SeedPolicy[] {
  const random = new Random((options.seed ?? DEFAULT_SEED) ^ 0x0b01_1c1e);
  // Policy dates are calendar days: a UTC midnight stands for the Shanghai day.
  const today = dayStart(options.asOf) + SHANGHAI_OFFSET_MS;
  const LAST_DAY = today - DAY;
  const province = regions.find((region) => region.level === 'province');
  if (!province) throw new Error('No province among the regions');
  const byCode = new Map(regions.map((region) => [region.code, region]));
  const cities = regions.filter((region) => region.level === 'city');
  const counties = regions.filter((region) => region.level === 'county');

  const policies: SeedPolicy[] = [FIRST_POLICY];
  const numbers = new Map<string, number>();
  /** `timing`: issued some days ago, or in force until some days after the as-of day; else any day since 2016. */
  const add = (
    region: Region,
    issuers: readonly Issuer[],
    place: string,
    timing?: { issuedDaysAgo: number } | { expiresInDays: number },
  ) => {
    const topic = random.pick(TOPICS);
    const issuer = random.pick(issuers);
    let published = FIRST_DAY + random.int(0, Math.floor((LAST_DAY - FIRST_DAY) / DAY)) * DAY;
    if (timing && 'issuedDaysAgo' in timing) published = today - timing.issuedDaysAgo * DAY;
    // An expiring measure: in force for three years up to a few weeks after the as-of day.
    const expiresOn = timing && 'expiresInDays' in timing ? today + timing.expiresInDays * DAY : null;
    if (expiresOn !== null) published = expiresOn - 3 * 365 * DAY + DAY - random.int(0, 20) * DAY;
    const year = new Date(published).getUTCFullYear();
    const key = `${issuer.prefix}${year}`;
    const number = (numbers.get(key) ?? random.int(1, 20)) + random.int(1, 9);
    numbers.set(key, number);
    const effectiveFrom = expiresOn === null ? published + random.int(0, 30) * DAY : expiresOn - 3 * 365 * DAY + DAY;
    // Most measures run three or five years; about a quarter have no end date.
    const years = random.chance(0.25) ? null : random.pick([2, 3, 3, 5, 5]);
    const effectiveUntil = expiresOn ?? (years === null ? null : effectiveFrom + years * 365 * DAY - DAY);
    const id = `pol-${pad(policies.length + 1, 4)}`;
    policies.push({
      id,
      title: topic.title.replace('{place}', place),
      issuer: issuer.name,
      docNumber: `${issuer.prefix}〔${year}〕${number}号`,
      publishedOn: isoDay(published),
      effectiveFrom: isoDay(effectiveFrom),
      effectiveUntil: effectiveUntil === null ? null : isoDay(effectiveUntil),
      regionCode: region.code,
      categoryIds: topic.categoryIds,
      summary: topic.summary,
      url: `https://${issuer.host}/zwgk/zcwj/content/post_${pad(random.int(1_000_000, 9_999_999), 7)}.html`,
    });
  };

  for (let i = 0; i < 60; i++) add(province, provinceIssuers(), '广东省');
  // Around the as-of day: measures issued in the last weeks, and measures that expire in the coming weeks.
  for (let i = 0; i < 4; i++) add(province, provinceIssuers(), '广东省', { issuedDaysAgo: 3 + 9 * i });
  for (let i = 0; i < 4; i++) add(province, provinceIssuers(), '广东省', { expiresInDays: 8 + 13 * i });
  for (const city of cities) {
    const count = random.int(4, 7);
    for (let i = 0; i < count; i++) add(city, cityIssuers(city), city.name);
  }
  for (const county of counties) {
    if (!random.chance(0.45)) continue;
    const city = byCode.get(regionCityOf(county.code) ?? '');
    if (!city) continue;
    const count = random.int(1, 2);
    for (let i = 0; i < count; i++) add(county, countyIssuers(county, city), `${city.name}${county.name}`);
  }
  return titledOnce(policies);
}

const TIMES = ['', '一', '二', '三', '四', '五', '六'];

/**
 * A region that issues one measure again revises it: the later issues of a title are its revisions of their year
 * (广东省专精特新中小企业培育办法（2021年修订）), so that no two policies, and no page of a search, share a title.
 */
export function titledOnce<T extends { title: string; publishedOn: string }>(policies: readonly T[]): T[] {
  const byDate = [...policies].sort((a, b) => a.publishedOn.localeCompare(b.publishedOn));
  const titles = new Set<string>();
  const retitled = new Map<T, string>();
  for (const policy of byDate) {
    const year = policy.publishedOn.slice(0, 4);
    let title = policy.title;
    for (let n = 1; titles.has(title); n++) {
      title = `${policy.title}（${year}年${n === 1 ? '' : `第${TIMES[n] ?? n}次`}修订）`;
    }
    titles.add(title);
    retitled.set(policy, title);
  }
  return policies.map((policy) => ({ ...policy, title: retitled.get(policy) ?? policy.title }));
}

export { policySearchText } from '../policies/search-text.js';

/** Writes the generated policies and their n-gram index; marks the database as seeded with them. */
export function seedPolicies(handle: DatabaseHandle, options: SeedOptions): void {
  const { sqlite } = handle;
  const regions = (
    sqlite.prepare('SELECT code, name, level, parent_code FROM regions ORDER BY code').all() as {
      code: string;
      name: string;
      level: Region['level'];
      parent_code: string | null;
    }[]
  ).map((row) => ({ code: row.code, name: row.name, level: row.level, parentCode: row.parent_code }));
  const policies = generatePolicies(regions, options);
  const insertPolicy = sqlite.prepare(
    `INSERT INTO policies (seq, id, title, issuer, doc_number, published_on, effective_from, effective_until,
       region_code, category_ids, summary, url, search_text)
     VALUES (@seq, @id, @title, @issuer, @doc_number, @published_on, @effective_from, @effective_until,
       @region_code, @category_ids, @summary, @url, @search_text)`,
  );
  const insertTerm = sqlite.prepare('INSERT INTO policy_terms (term, policy_seq) VALUES (?, ?)');
  sqlite.transaction(() => {
    policies.forEach((policy, index) => {
      const seq = index + 1;
      const text = policySearchText(policy);
      insertPolicy.run({
        seq,
        id: policy.id,
        title: policy.title,
        issuer: policy.issuer,
        doc_number: policy.docNumber,
        published_on: policy.publishedOn,
        effective_from: policy.effectiveFrom,
        effective_until: policy.effectiveUntil,
        region_code: policy.regionCode,
        category_ids: JSON.stringify(policy.categoryIds),
        summary: policy.summary,
        url: policy.url,
        search_text: text,
      });
      for (const term of indexTerms(text)) insertTerm.run(term, seq);
    });
    sqlite
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('policies_seeded_at', new Date(options.asOf).toISOString());
    sqlite.exec('ANALYZE');
  })();
}
