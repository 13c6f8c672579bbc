import { needsFollowUp, ratingGrade, type SatisfactionLevel } from '@smec/schemas';
import { regionCityOf } from '@smec/schemas/rules';
import type { DatabaseHandle } from '../db/database.js';
import { enterpriseLabel } from '../ratings/label.js';
import { addWorkingDays, FOLLOW_UP_WORKING_DAYS } from '../time/working-days.js';
import { DEFAULT_SEED, type SeedOptions } from './catalog.js';
import { Random } from './prng.js';
import { recountRatingAggregates } from './rating-aggregates.js';
import { ANSWERS, COMMENTS, levelOf, scoresNear } from './rating-content.js';
import { shanghaiDateTime, shanghaiDay } from '../time/shanghai.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The ratings the operations' examples act on (packages/schemas/src/openapi/operations.ts). */
export const DEMO_RATINGS = {
  /** An open follow-up on a service of usr-prv-01's provider: the answer example. */
  openFollowUp: 'rat-demo-0001',
  /** usr-ent-01's rating with an answered follow-up never reopened: the reopen example. */
  answeredToReopen: 'rat-demo-0002',
  /** usr-ent-01's rating with an answered follow-up: the close example. */
  answeredToClose: 'rat-demo-0003',
} as const;
/** usr-ent-01's delivered engagements: 0003 stays unrated (the rate example), 0004 is rated. */
export const DEMO_ENGAGEMENTS = { unrated: 'eng-demo-0003', rated: 'eng-demo-0004' } as const;

interface ProductRow {
  id: string;
  name: string;
  provider_id: string;
  provider_name: string;
  category_id: string;
  price: number;
  rating_count: number;
  rating_average: number | null;
  published_ts: number;
  listed: number;
}

interface EnterpriseRow {
  id: string;
  name: string;
  region_code: string;
}

interface EngagementRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  enterprise_region_code: string;
  product_id: string;
  accepted_at: string | null;
}

interface RatingSpec {
  id?: string;
  level?: SatisfactionLevel;
  followUp?: 'open' | 'answered' | 'closed' | 'reopened';
  comment?: string;
}

/**
 * Seeds ratings behind every rating figure of the catalog: each product gets as many stored ratings of delivered,
 * accepted engagements as the generated catalog gave it (first the vouchers' delivered engagements of that product,
 * then engagements paid without a voucher, created here), near the generated average. The stats tables and the
 * catalog's rating columns are then computed from the stored rows, so every figure equals a recount. Bad ratings get
 * follow-ups in every state. Runs once per database (`ratings_seeded_at`); deterministic for a seed.
 */
export function seedRatings(handle: DatabaseHandle, options: SeedOptions): void {
  const { sqlite } = handle;
  const random = new Random((options.seed ?? DEFAULT_SEED) ^ 0x4a71_e5ed);
  const { asOf } = options;

  const regions = new Map(
    (
      sqlite.prepare('SELECT code, name, level, parent_code FROM regions').all() as {
        code: string;
        name: string;
        level: string;
        parent_code: string | null;
      }[]
    ).map((region) => [region.code, region]),
  );
  const cityOf = (code: string) => {
    const city = regions.has(code) ? regionCityOf(code) : null;
    return city === null ? undefined : regions.get(city);
  };
  const products = sqlite
    .prepare(
      `SELECT p.id, p.name, p.provider_id, v.name AS provider_name, p.category_id, p.price, p.rating_count,
         p.rating_average, p.published_ts, p.listed
       FROM products p JOIN providers v ON v.seq = p.provider_seq ORDER BY p.seq`,
    )
    .all() as ProductRow[];
  const productById = new Map(products.map((product) => [product.id, product]));
  let enterprises = sqlite
    .prepare('SELECT id, name, region_code FROM enterprises ORDER BY id')
    .all() as EnterpriseRow[];
  const demoUsers = sqlite
    .prepare(
      `SELECT id, enterprise_id, provider_id, organization AS name, region_code FROM users
       WHERE id IN ('usr-ent-01', 'usr-ent-02', 'usr-prv-01')`,
    )
    .all() as {
    id: string;
    enterprise_id: string | null;
    provider_id: string | null;
    name: string;
    region_code: string;
  }[];
  const entUser = (id: string): EnterpriseRow => {
    const user = demoUsers.find((candidate) => candidate.id === id);
    if (!user?.enterprise_id) throw new Error(`Seed the demo user ${id} first`);
    return { id: user.enterprise_id, name: user.name, region_code: user.region_code };
  };
  const demoEnterprise = entUser('usr-ent-01');
  const demoProviderId = demoUsers.find((user) => user.id === 'usr-prv-01')?.provider_id;
  if (!demoProviderId) throw new Error('Seed the demo provider user first');
  if (enterprises.length === 0) enterprises = [demoEnterprise, entUser('usr-ent-02')];

  const insertEngagement = sqlite.prepare(
    `INSERT INTO engagements (id, enterprise_id, enterprise_name, enterprise_region_code, provider_id, provider_name,
       product_id, product_name, category_id, voucher_id, contract_amount, voucher_amount, self_paid, status,
       accepted_at, rating_id, created_at, created_ts, updated_at)
     VALUES (@id, @enterprise_id, @enterprise_name, @enterprise_region_code, @provider_id, @provider_name,
       @product_id, @product_name, @category_id, NULL, @contract_amount, 0, @contract_amount, @status,
       @accepted_at, NULL, @created_at, @created_ts, @updated_at)`,
  );
  const engagementExists = sqlite.prepare('SELECT 1 FROM engagements WHERE id = ?');
  const setRatingId = sqlite.prepare('UPDATE engagements SET rating_id = ? WHERE id = ?');
  const insertRating = sqlite.prepare(
    `INSERT INTO ratings (id, engagement_id, enterprise_id, region_code, city_code, provider_id, product_id,
       product_name, attitude, expertise, conduct, fulfilment, quality, value, usefulness, after_sales, score, grade,
       level, solved, comment, enterprise_label, created_at, created_ts)
     VALUES (@id, @engagement_id, @enterprise_id, @region_code, @city_code, @provider_id, @product_id,
       @product_name, @attitude, @expertise, @conduct, @fulfilment, @quality, @value, @usefulness, @after_sales,
       @score, @grade, @level, @solved, @comment, @enterprise_label, @created_at, @created_ts)`,
  );
  const insertFollowUp = sqlite.prepare(
    `INSERT INTO follow_ups (id, rating_seq, status, opened_at, due_on, reopened_at, reopen_reason, reopen_count,
       updated_at)
     VALUES (@id, @rating_seq, @status, @opened_at, @due_on, @reopened_at, @reopen_reason, @reopen_count, @updated_at)`,
  );
  const insertAnswer = sqlite.prepare('INSERT INTO follow_up_answers (follow_up_seq, text, at) VALUES (?, ?, ?)');

  let engagementCount = 0;
  let ratingCount = 0;

  /** A delivered, accepted engagement paid without a voucher, for a rating made at `ratedTs`. */
  const createEngagement = (product: ProductRow, enterprise: EnterpriseRow, ratedTs: number, id?: string) => {
    const engagementId = id ?? `eng-r${String(++engagementCount).padStart(6, '0')}`;
    const createdTs = ratedTs - random.int(20, 120) * DAY;
    const acceptedTs = ratedTs - random.int(0, 5) * DAY - random.int(1, 6) * HOUR;
    insertEngagement.run({
      id: engagementId,
      enterprise_id: enterprise.id,
      enterprise_name: enterprise.name,
      enterprise_region_code: enterprise.region_code,
      provider_id: product.provider_id,
      provider_name: product.provider_name,
      product_id: product.id,
      product_name: product.name,
      category_id: product.category_id,
      contract_amount: Math.max(product.price, 100_000),
      status: random.chance(0.7) ? 'closed' : 'delivered',
      accepted_at: shanghaiDateTime(acceptedTs),
      created_at: shanghaiDateTime(createdTs),
      created_ts: createdTs,
      updated_at: shanghaiDateTime(ratedTs),
    });
    return engagementId;
  };

  const rate = (
    engagement: Omit<EngagementRow, 'accepted_at'>,
    product: ProductRow,
    ratedTs: number,
    spec: RatingSpec = {},
  ) => {
    const scores = scoresNear(random, spec.level && needsFollowUp(spec.level) ? 50 : (product.rating_average ?? 86));
    const score = scores.reduce((sum, value) => sum + value, 0);
    const level = spec.level ?? levelOf(random, score);
    const city = cityOf(engagement.enterprise_region_code);
    const id = spec.id ?? `rat-${String(++ratingCount).padStart(6, '0')}`;
    const createdAt = shanghaiDateTime(ratedTs);
    const [attitude, expertise, conduct, fulfilment, quality, value, usefulness, afterSales] = scores;
    const { lastInsertRowid } = insertRating.run({
      id,
      engagement_id: engagement.id,
      enterprise_id: engagement.enterprise_id,
      region_code: engagement.enterprise_region_code,
      city_code: city?.code ?? null,
      provider_id: product.provider_id,
      product_id: product.id,
      product_name: product.name,
      attitude,
      expertise,
      conduct,
      fulfilment,
      quality,
      value,
      usefulness,
      after_sales: afterSales,
      score,
      grade: ratingGrade(score),
      level,
      solved: level === 'verySatisfied' || (level !== 'veryDissatisfied' && random.chance(0.7)) ? 1 : 0,
      comment: spec.comment ?? random.pick(COMMENTS[level]),
      enterprise_label: enterpriseLabel(engagement.enterprise_name, city?.name ?? null),
      created_at: createdAt,
      created_ts: ratedTs,
    });
    setRatingId.run(id, engagement.id);
    if (!needsFollowUp(level)) return;
    const ratedDay = shanghaiDay(ratedTs);
    const dueOn = addWorkingDays(ratedDay, FOLLOW_UP_WORKING_DAYS);
    const ageDays = (asOf - ratedTs) / DAY;
    const status =
      spec.followUp ??
      (ageDays < 10 ? 'open' : random.chance(0.08) ? 'open' : random.chance(0.3) ? 'answered' : 'closed');
    const answeredTs = ratedTs + random.int(2, 9) * DAY + random.int(1, 8) * HOUR;
    const reopened = status === 'reopened' || (status === 'closed' && random.chance(0.15));
    const reopenedTs = answeredTs + random.int(1, 4) * DAY;
    const followUp = insertFollowUp.run({
      id: `fu-${id.slice(4)}`,
      rating_seq: Number(lastInsertRowid),
      status,
      opened_at: createdAt,
      due_on: reopened ? addWorkingDays(shanghaiDay(reopenedTs), FOLLOW_UP_WORKING_DAYS) : dueOn,
      reopened_at: reopened ? shanghaiDateTime(reopenedTs) : null,
      reopen_reason: reopened ? '问题仍未解决，请再次跟进。' : null,
      reopen_count: reopened ? 1 : 0,
      updated_at: createdAt,
    });
    if (status === 'open') return;
    const followUpSeq = Number(followUp.lastInsertRowid);
    insertAnswer.run(followUpSeq, random.pick(ANSWERS), shanghaiDateTime(answeredTs));
    if (reopened && status === 'closed') {
      insertAnswer.run(followUpSeq, random.pick(ANSWERS), shanghaiDateTime(reopenedTs + random.int(1, 5) * DAY));
    }
  };

  /** A moment between the product's publication and the as-of day, in office hours. */
  const ratedAt = (product: ProductRow) => {
    const from = Math.max(product.published_ts, asOf - 720 * DAY) + 20 * DAY;
    const days = Math.max(1, Math.floor((asOf - from) / DAY));
    const ts = from + random.int(0, days - 1) * DAY + random.int(1, 9) * HOUR + random.int(0, 59) * 60_000;
    // A product published in the last weeks is rated lately, never after the as-of instant.
    return Math.min(ts, asOf - HOUR - random.int(0, 600) * 60_000);
  };

  const userEnterprises = new Set(
    (
      sqlite
        .prepare("SELECT enterprise_id FROM users WHERE role = 'enterprise' AND enterprise_id IS NOT NULL")
        .all() as {
        enterprise_id: string;
      }[]
    ).map((user) => user.enterprise_id),
  );
  const reserved = new Set<string>([DEMO_ENGAGEMENTS.unrated, DEMO_ENGAGEMENTS.rated]);
  const deliveredOf = new Map<string, EngagementRow[]>();
  for (const engagement of sqlite
    .prepare(
      `SELECT id, enterprise_id, enterprise_name, enterprise_region_code, product_id, accepted_at FROM engagements
       WHERE status IN ('delivered', 'closed') AND accepted_at IS NOT NULL AND rating_id IS NULL ORDER BY seq`,
    )
    .all() as EngagementRow[]) {
    // The demo users' own engagements stay for the widgets to rate; the others are rated or not at random.
    if (reserved.has(engagement.id) || userEnterprises.has(engagement.enterprise_id)) continue;
    deliveredOf.set(engagement.product_id, [...(deliveredOf.get(engagement.product_id) ?? []), engagement]);
  }

  sqlite.transaction(() => {
    // The examples' engagements, created when the voucher seed has not made them.
    const exampleProduct =
      products.find((product) => product.provider_id === demoProviderId && product.listed === 1) ?? products[0];
    if (!exampleProduct) throw new Error('Seed the catalog first');
    const now = asOf - 3 * DAY;
    for (const id of [DEMO_ENGAGEMENTS.unrated, DEMO_ENGAGEMENTS.rated]) {
      if (!engagementExists.get(id)) createEngagement(exampleProduct, demoEnterprise, now, id);
    }
    const rated = sqlite
      .prepare(
        'SELECT id, enterprise_id, enterprise_name, enterprise_region_code, product_id FROM engagements WHERE id = ?',
      )
      .get(DEMO_ENGAGEMENTS.rated) as Omit<EngagementRow, 'accepted_at'>;
    rate(rated, productById.get(rated.product_id) ?? exampleProduct, now, { level: 'satisfied' });
    const examples: [string, RatingSpec][] = [
      [DEMO_RATINGS.openFollowUp, { level: 'dissatisfied', followUp: 'open', comment: COMMENTS.dissatisfied[0] }],
      [DEMO_RATINGS.answeredToReopen, { level: 'dissatisfied', followUp: 'answered' }],
      [DEMO_RATINGS.answeredToClose, { level: 'veryDissatisfied', followUp: 'answered' }],
    ];
    examples.forEach(([id, spec], index) => {
      const ratedTs = asOf - (index + 2) * DAY;
      const engagementId = createEngagement(exampleProduct, demoEnterprise, ratedTs, `eng-rdemo-000${index + 1}`);
      rate(
        {
          id: engagementId,
          enterprise_id: demoEnterprise.id,
          enterprise_name: demoEnterprise.name,
          enterprise_region_code: demoEnterprise.region_code,
          product_id: exampleProduct.id,
        },
        exampleProduct,
        ratedTs,
        { ...spec, id },
      );
    });

    // Every product gets as many ratings as the catalog promised (the examples above count towards theirs).
    const given = new Map<string, number>();
    for (const row of sqlite.prepare('SELECT product_id, COUNT(*) AS n FROM ratings GROUP BY product_id').all() as {
      product_id: string;
      n: number;
    }[])
      given.set(row.product_id, row.n);
    for (const product of products) {
      let left = product.rating_count - (given.get(product.id) ?? 0);
      for (const engagement of deliveredOf.get(product.id) ?? []) {
        if (left <= 0 || !random.chance(0.6)) continue;
        const acceptedTs = Date.parse(engagement.accepted_at ?? '');
        rate(engagement, product, Math.min(asOf - HOUR, acceptedTs + random.int(1, 10) * DAY));
        left -= 1;
      }
      for (; left > 0; left--) {
        const enterprise = random.pick(enterprises);
        const ratedTs = ratedAt(product);
        const id = createEngagement(product, enterprise, ratedTs);
        rate(
          {
            id,
            enterprise_id: enterprise.id,
            enterprise_name: enterprise.name,
            enterprise_region_code: enterprise.region_code,
            product_id: product.id,
          },
          product,
          ratedTs,
        );
      }
    }

    recountRatingAggregates(sqlite);
    sqlite
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('ratings_seeded_at', new Date(asOf).toISOString());
  })();
}
