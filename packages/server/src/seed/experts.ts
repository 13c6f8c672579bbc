// About 500 experts (服务专家库) spread over the seeded providers: each holds a title that fits a category the provider
// serves, specialties among those categories, the provider's products in them and a bio that names all this. Names
// are deterministic and never repeat.
import type { DatabaseHandle } from '../db/database.js';
import { expertSearchText } from '../experts/search-text.js';
import { indexTerms } from '../search/ngrams.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import type { SeedOptions } from './catalog.js';
import { CATEGORIES, SURNAMES } from './names.js';
import { Random } from './prng.js';

export const EXPERT_COUNT = 500;

/** Titles (职称, 执业资格) that fit each category. */
const TITLES: Readonly<Record<string, readonly string[]>> = {
  'policy-consulting': ['高级经济师', '政策研究员', '高级咨询师'],
  'startup-coaching': ['创业导师', '高级经济师', '创业咨询师'],
  financing: ['高级经济师', '注册金融分析师', '投资顾问'],
  'finance-tax': ['高级会计师', '注册会计师', '注册税务师'],
  legal: ['律师', '高级律师', '企业法律顾问'],
  'training-talent': ['高级人力资源管理师', '高级讲师', '职业指导师'],
  'management-consulting': ['高级管理咨询师', '高级经济师', '质量管理体系审核员'],
  'technology-rd': ['高级工程师', '正高级工程师', '研究员'],
  'intellectual-property': ['专利代理师', '高级知识产权师', '商标代理人'],
  'testing-certification': ['高级工程师', '注册审核员', '检验检测工程师'],
  digitalization: ['高级工程师', '系统架构设计师', '信息系统项目管理师'],
  'market-expansion': ['高级经济师', '国际商务师', '高级营销师'],
};

const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建文志国海燕红梅晓峰春雷宇鹏浩然思源嘉欣子涵雨桐俊杰';

const STRENGTHS: Readonly<Record<string, string>> = {
  'policy-consulting': '惠企政策解读和项目申报',
  'startup-coaching': '初创企业商业计划和团队搭建',
  financing: '股权融资、银行信贷对接和融资方案设计',
  'finance-tax': '财务规范、税务筹划和汇算清缴',
  legal: '合同审查、劳动用工和商事纠纷',
  'training-talent': '人才招聘、岗位培训和薪酬体系',
  'management-consulting': '战略规划、流程优化和质量体系建设',
  'technology-rd': '产品研发、工艺改进和高新技术企业认定',
  'intellectual-property': '专利挖掘、商标布局和知识产权贯标',
  'testing-certification': '产品检测、体系认证和出口合规',
  digitalization: '上云用数、生产管理系统和数据治理',
  'market-expansion': '展会对接、跨境电商和品牌推广',
};

interface ProviderRow {
  seq: number;
  id: string;
  short_name: string;
  region_code: string;
  category_ids: string;
}

export function seedExperts(handle: DatabaseHandle, options: SeedOptions): void {
  const { sqlite } = handle;
  const random = new Random(19_006);
  const providers = sqlite
    .prepare('SELECT seq, id, short_name, region_code, category_ids FROM providers WHERE listed = 1 ORDER BY seq')
    .all() as ProviderRow[];
  const productsOf = sqlite.prepare(
    "SELECT id, name, category_id FROM products WHERE provider_seq = ? AND status = 'published' ORDER BY seq",
  );
  const categoryName = new Map<string, string>(CATEGORIES.map((category) => [category.id, category.name]));
  const at = shanghaiDateTime(options.asOf);
  const insertExpert = sqlite.prepare(
    `INSERT INTO experts (id, name, title, years, bio, region_code, provider_id, center_region_code, listed,
       search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 1, ?, ?, ?)`,
  );
  const insertSpecialty = sqlite.prepare('INSERT INTO expert_specialties (expert_seq, category_id) VALUES (?, ?)');
  const insertProduct = sqlite.prepare('INSERT INTO expert_products (expert_seq, product_id) VALUES (?, ?)');
  const insertTerm = sqlite.prepare('INSERT INTO expert_terms (term, expert_seq) VALUES (?, ?)');
  const names = new Set<string>();
  const uniqueName = (): string => {
    for (;;) {
      const given = random.pick([...GIVEN]) + (random.int(0, 2) === 0 ? '' : random.pick([...GIVEN]));
      const name = random.pick(SURNAMES) + given;
      if (!names.has(name)) {
        names.add(name);
        return name;
      }
    }
  };
  sqlite.transaction(() => {
    if (providers.length === 0) return;
    for (let n = 0; n < EXPERT_COUNT; n++) {
      const provider = providers[n % providers.length]!;
      const served = (JSON.parse(provider.category_ids) as string[]).filter((id) => TITLES[id]);
      if (served.length === 0) continue;
      const main = served[n % served.length]!;
      const others = served.filter((id) => id !== main);
      const specialties = [main, ...others.slice(0, random.int(0, Math.min(2, others.length)))];
      const title = random.pick(TITLES[main]!);
      const years = random.int(3, 32);
      const name = uniqueName();
      const products = (productsOf.all(provider.seq) as { id: string; name: string; category_id: string }[])
        .filter((product) => specialties.includes(product.category_id))
        .slice(0, random.int(1, 3));
      const fields = specialties.map((id) => categoryName.get(id)).join('、');
      const delivered = products.length > 0 ? `，负责${products.map((p) => `「${p.name}」`).join('、')}等服务` : '';
      const bio =
        `${name}，${title}，从事${categoryName.get(main)}工作${years}年，现任职于${provider.short_name}${delivered}。` +
        `擅长${STRENGTHS[main]}，服务领域涵盖${fields}，累计为${random.int(3, 40) * 10}余家中小企业提供咨询和辅导。`;
      const specialtyNames = specialties.map((id) => categoryName.get(id) ?? id);
      const searchText = expertSearchText({ name, title, specialtyNames, bio });
      const { lastInsertRowid } = insertExpert.run(
        `exp-${String(n + 1).padStart(4, '0')}`,
        name,
        title,
        years,
        bio,
        provider.region_code,
        provider.id,
        searchText,
        at,
        at,
      );
      for (const id of specialties) insertSpecialty.run(lastInsertRowid, id);
      for (const product of products) insertProduct.run(lastInsertRowid, product.id);
      for (const term of indexTerms(searchText)) insertTerm.run(term, lastInsertRowid);
    }
    sqlite
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('experts_seeded_at', new Date(options.asOf).toISOString());
  })();
}
