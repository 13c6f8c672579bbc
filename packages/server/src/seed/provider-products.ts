// The demo provider's drafts beside its published products: one complete (to publish), one still missing its
// publics (to see the refusal name them). Unlisted, so the catalog and its facets are as before; indexed as every
// product is, so that publishing one only flips what the catalog derives. And a suspended provider's suspension on
// its timeline.
import { DEMO_DRAFTS } from '@smec/schemas/openapi';
import type { DatabaseHandle } from '../db/database.js';
import { indexTerms, normalizeText } from '../search/ngrams.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import type { SeedOptions } from './catalog.js';
import { coverageOf, TERM_WEIGHTS } from '../search/product-index.js';

/** The provider of the demo provider user (`usr-prv-01`). */
const DEMO_PROVIDER_USER = 'usr-prv-01';

interface Draft {
  readonly id: string;
  readonly name: string;
  readonly categoryId: string;
  readonly summary: string;
  readonly function: string;
  readonly process: readonly { title: string; description: string }[];
  readonly standard: string;
  readonly listPrice: number;
  readonly discountPrice: number | null;
  readonly feeNote: string;
  readonly timeLimitDays: number;
  readonly suitableFor: string;
}

function draftsOf(cityCode: string): readonly (Draft & { regionCodes: string[] })[] {
  return [
    {
      id: DEMO_DRAFTS.complete,
      name: '小微企业质量管理体系建设辅导',
      categoryId: 'testing-certification',
      summary: '帮助小微企业建立符合 GB/T 19001 的质量管理体系，为认证做好准备。',
      function: '梳理企业现有流程，编写质量手册和程序文件，培训内审员，使企业具备申请质量管理体系认证的条件。',
      process: [
        { title: '现场诊断', description: '到企业了解生产和管理现状，出具差距分析报告。' },
        { title: '体系文件编写', description: '协助企业编写质量手册、程序文件和作业指导书。' },
        { title: '内审与管理评审', description: '培训内审员，组织一次内部审核和管理评审。' },
      ],
      standard: '交付质量手册、程序文件各一套，内审员培训不少于 8 学时，出具内审报告。',
      listPrice: 1_800_000,
      discountPrice: 1_500_000,
      feeNote: '含现场辅导 6 人次和资料费，不含认证机构的认证费用。',
      timeLimitDays: 40,
      suitableFor: '准备申请质量管理体系认证的制造业小微企业。',
      regionCodes: [cityCode],
    },
    {
      id: DEMO_DRAFTS.incomplete,
      name: '出口产品检测认证咨询',
      categoryId: 'testing-certification',
      summary: '为首次出口的企业说明目标市场的检测认证要求。',
      function: '',
      process: [{ title: '需求沟通', description: '了解产品和目标市场。' }],
      standard: '',
      listPrice: 500_000,
      discountPrice: null,
      feeNote: '',
      timeLimitDays: 0,
      suitableFor: '',
      regionCodes: [cityCode],
    },
  ];
}

export function seedProviderProducts(handle: DatabaseHandle, options: SeedOptions): void {
  const { sqlite } = handle;
  const provider = sqlite
    .prepare(
      `SELECT p.seq, p.id, p.name, p.city_code FROM providers p JOIN users u ON u.provider_id = p.id WHERE u.id = ?`,
    )
    .get(DEMO_PROVIDER_USER) as { seq: number; id: string; name: string; city_code: string } | undefined;
  const regions = sqlite.prepare('SELECT code, parent_code FROM regions').all() as {
    code: string;
    parent_code: string | null;
  }[];
  const childrenOf = new Map<string, string[]>();
  for (const region of regions) {
    if (region.parent_code)
      childrenOf.set(region.parent_code, [...(childrenOf.get(region.parent_code) ?? []), region.code]);
  }
  const categoryName = sqlite.prepare('SELECT name FROM categories WHERE id = ?');
  const insertProduct = sqlite.prepare(
    `INSERT INTO products (seq, id, provider_seq, provider_id, name, category_id, list_price, discount_price, is_free,
       price, price_band, time_limit_days, voucher_eligible, status, sold_count, rating_count, rating_average,
       rating_sort, published_at, published_ts, listed, province_wide, facet_key, city_code, revision, version,
       updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?, 1, 'draft', 0, 0, NULL, -1, NULL, 0, 0, 0, 0, ?, 0, 0, ?)`,
  );
  const insertText = sqlite.prepare(
    `INSERT INTO product_texts (product_seq, summary, function, process, standard, fee_note, suitable_for,
       region_codes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSearch = sqlite.prepare('INSERT INTO product_search (seq, text) VALUES (?, ?)');
  const insertTerm = sqlite.prepare('INSERT INTO product_terms (term, product_seq, weight) VALUES (?, ?, ?)');
  const insertCoverage = sqlite.prepare(
    `INSERT INTO product_coverage (region_code, seq, listed, category_id, voucher_eligible, is_free, price,
       rating_sort, provider_id) VALUES (?, ?, 0, ?, 1, 0, ?, -1, ?)`,
  );
  const at = shanghaiDateTime(options.asOf);
  sqlite.transaction(() => {
    if (provider) {
      let seq = (sqlite.prepare('SELECT max(seq) AS n FROM products').get() as { n: number }).n;
      for (const draft of draftsOf(provider.city_code)) {
        seq++;
        const price = draft.discountPrice ?? draft.listPrice;
        insertProduct.run(
          seq,
          draft.id,
          provider.seq,
          provider.id,
          draft.name,
          draft.categoryId,
          draft.listPrice,
          draft.discountPrice,
          price,
          draft.timeLimitDays,
          draft.regionCodes.length === 1 ? draft.regionCodes[0] : null,
          at,
        );
        insertText.run(
          seq,
          draft.summary,
          draft.function,
          JSON.stringify(draft.process),
          draft.standard,
          draft.feeNote,
          draft.suitableFor,
          JSON.stringify(draft.regionCodes),
        );
        const category = (categoryName.get(draft.categoryId) as { name: string } | undefined)?.name ?? '';
        insertSearch.run(seq, normalizeText([draft.name, provider.name, category, draft.summary].join('\n')));
        const weights = new Map<string, number>();
        const add = (text: string, weight: number) => {
          for (const term of indexTerms(text)) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
        };
        add(draft.name, TERM_WEIGHTS.name);
        add(provider.name, TERM_WEIGHTS.providerName);
        add(category, TERM_WEIGHTS.category);
        add(draft.summary, TERM_WEIGHTS.summary);
        for (const [term, weight] of weights) insertTerm.run(term, seq, weight);
        for (const code of coverageOf(draft.regionCodes, childrenOf)) {
          insertCoverage.run(code, seq, draft.categoryId, price, provider.id);
        }
      }
    }
    seedSuspension(handle, at);
    sqlite
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('provider_products_seeded_at', new Date(options.asOf).toISOString());
  })();
}

/** The first suspended provider's suspension on its timeline, by its city's center: a provider sees why. */
function seedSuspension(handle: DatabaseHandle, at: string): void {
  const { sqlite } = handle;
  const suspended = sqlite
    .prepare("SELECT id, city_code FROM providers WHERE admission = 'suspended' ORDER BY seq LIMIT 1")
    .get() as { id: string; city_code: string } | undefined;
  if (!suspended) return;
  sqlite
    .prepare(
      `INSERT INTO provider_timeline (provider_id, action, at, reason, actor_user_id)
       VALUES (?, 'suspend', ?, ?, ?)`,
    )
    .run(
      suspended.id,
      at,
      '服务质量回访满意度连续两季度低于 60 分，暂停服务并限期整改',
      `usr-admin-${suspended.city_code}`,
    );
}
