// Seeds enterprises, service-voucher batches, vouchers with their histories and engagements with their timelines,
// every date relative to the seed's as-of instant; in this order, each from the one random sequence:
//   - the providers' legal representatives, then the batches (voucher-batches.ts: their ids, roles and windows);
//   - one enterprise for each demo enterprise user, and GENERATED_ENTERPRISES more (voucher-enterprises.ts);
//   - the demo enterprises' vouchers and engagements (voucher-demo.ts: what each demo user holds);
//   - GENERATED_ENGAGEMENTS engagements of the generated enterprises over the 18 months before the as-of day, every
//     step before the as-of instant, most paid in part by a voucher, and Guangzhou's batch used up
//     (voucher-generated.ts);
//   - what is left of each batch.
// The vouchers and engagements are written through one VoucherLedger (voucher-ledger.ts), which keeps the counts a
// claim and a use check: the vouchers held per batch, who holds which batch's, the yearly cap.
import { regionCityOf } from '@smec/schemas/rules';
import type { DatabaseHandle } from '../db/database.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { DEFAULT_SEED, type SeedOptions } from './catalog.js';
import { Random } from './prng.js';
import { insertBatches, seedBatches, type BatchSpec } from './voucher-batches.js';
import { seedDemoHoldings } from './voucher-demo.js';
import { seedEnterprises, seedProviderLegal, type RegionRow, type SeedUser } from './voucher-enterprises.js';
import { seedExhaustedBatch, seedGeneratedEngagements } from './voucher-generated.js';
import { VoucherLedger, type SeedProduct } from './voucher-ledger.js';

export { CLAIMABLE_BATCH_ID, SEED_BATCHES, UPCOMING_BATCH_ID } from './voucher-batches.js';
export { GENERATED_ENTERPRISES } from './voucher-enterprises.js';
export { GENERATED_ENGAGEMENTS } from './voucher-generated.js';

export const DEMO_VOUCHERS = { usable: 'vch-demo-0001', returnable: 'vch-demo-0002' } as const;

/**
 * Seeds the enterprises, the batches, the vouchers and the engagements (see the top of this file). Deterministic for
 * a seed; runs once per database (`vouchers_seeded_at`), after the users and the catalog.
 */
export function seedVouchers(handle: DatabaseHandle, options: SeedOptions): void {
  const { sqlite } = handle;
  const random = new Random((options.seed ?? DEFAULT_SEED) ^ 0x0b0c_4e55);
  const { asOf } = options;
  const batches = seedBatches(asOf);
  const spec = (id: string): BatchSpec => {
    const found = batches.find((batch) => batch.id === id);
    if (!found) throw new Error(`No batch ${id}`);
    return found;
  };
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

  const users = sqlite
    .prepare(
      `SELECT id, name, role, organization, region_code, enterprise_id, provider_id FROM users ORDER BY position`,
    )
    .all() as SeedUser[];
  const enterpriseUsers = users.filter((user) => user.role === 'enterprise' && user.enterprise_id);
  const providerUserName = new Map(
    users.filter((user) => user.provider_id).map((user) => [user.provider_id as string, user.name]),
  );
  const adminName = (code: string | null) => {
    const city = code ? cityOf(code) : null;
    const user = users.find((u) => u.role === 'admin' && u.region_code === (city ?? '440000'));
    return user?.name ?? `${centerName(city)} 管理员`;
  };

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

  sqlite.transaction(() => {
    const providerLegal = seedProviderLegal(sqlite, random);
    const stamp = shanghaiDateTime(asOf);
    const batchSeq = insertBatches(sqlite, batches, centerName, stamp);
    const enterprises = seedEnterprises(sqlite, random, { enterpriseUsers, providerLegal, cities, countiesOf, cityOf });
    const ledger = new VoucherLedger(sqlite, random, asOf, batchSeq, { providerUserName, adminName });
    seedDemoHoldings(ledger, random, { asOf, enterprises: enterprises.demo, demoProducts, spec });
    seedGeneratedEngagements(ledger, random, { asOf, generated: enterprises.generated, products, spec });
    seedExhaustedBatch(sqlite, ledger, random, { generated: enterprises.generated, spec });

    // What is left of each batch: its quota less the vouchers still held (handed-back ones returned theirs).
    sqlite.exec(
      `UPDATE voucher_batches SET remaining = quota - (SELECT count(*) FROM vouchers v
         WHERE v.batch_seq = voucher_batches.seq AND v.status <> 'withdrawn')`,
    );
    sqlite.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('vouchers_seeded_at', stamp);
  })();
}
