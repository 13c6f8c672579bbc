// The province-scale seed, run small: it reaches the figures it is asked for exactly, every derived structure equals a
// recount (the same checks the CLI runs at full scale), a second run does nothing, the checks catch a broken
// aggregate, and the server finds the new rows through the search index. The seed writes SQLite only (a PostgreSQL
// database gets a copy of its result), so this test scales up a SQLite copy of the seeded template whatever engine
// the other tests run on.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DATABASE_FILE, prepareSqliteDatabase, startServer } from '@smec/server';
import { checkSeededData } from '../src/seed/province-check.js';
import { seedProvinceScale, type ProvinceScaleOptions } from '../src/seed/province.js';
import { templateDatabase, testSeedAsOf } from '../../../test-support/server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'smec-province-test-'));
let database: Awaited<ReturnType<typeof prepareSqliteDatabase>>;
let before_: Record<string, number>;
let targets: Required<Omit<ProvinceScaleOptions, 'onStep' | 'seed' | 'asOf'>>;

const count = (table: string) =>
  (database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

before(async () => {
  copyFileSync(await templateDatabase(), join(dataDir, DATABASE_FILE));
  database = await prepareSqliteDatabase(dataDir, { asOf: testSeedAsOf() });
  before_ = Object.fromEntries(
    ['providers', 'products', 'enterprises', 'engagements', 'ratings'].map((table) => [table, count(table)]),
  );
  targets = {
    providers: (before_['providers'] ?? 0) + 60,
    products: (before_['products'] ?? 0) + 650,
    enterprises: (before_['enterprises'] ?? 0) + 5000,
    engagements: (before_['engagements'] ?? 0) + 4000,
    unusedVouchers: 300,
  };
});

after(async () => {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('scales up to exactly the figures asked for, with ratings, vouchers and follow-ups', () => {
  const report = seedProvinceScale(database, targets);
  assert.equal(report.seeded, true);
  assert.equal(count('providers'), targets.providers);
  assert.equal(count('products'), targets.products);
  assert.equal(count('enterprises'), targets.enterprises);
  assert.equal(count('engagements'), targets.engagements);
  assert.equal(report.engagements, targets.engagements);
  assert.ok(count('ratings') - (before_['ratings'] ?? 0) > 2000, 'most accepted engagements are rated');
  assert.ok(count("vouchers WHERE id LIKE 'vch-p%'") > 1000, 'vouchers paid for engagements');
  assert.ok(count("engagements WHERE id LIKE 'eng-p%' AND voucher_id IS NOT NULL") > 1000);
  assert.ok(count("follow_ups WHERE id LIKE 'fu-p%'") > 0, 'bad ratings opened follow-ups');
  assert.ok(count("vouchers WHERE id LIKE 'vch-p%' AND status = 'expired'") > 0);
  // The appended providers are new organisations: names and USCCs the demo catalog does not have.
  assert.equal(count('(SELECT name FROM providers GROUP BY name HAVING count(*) > 1)'), 0);
});

test('every derived structure equals a recount of the rows', async () => {
  assert.deepEqual(await checkSeededData(database.db), []);
});

test('a second run changes nothing', () => {
  const engagements = count('engagements');
  const report = seedProvinceScale(database, targets);
  assert.equal(report.seeded, false);
  assert.equal(count('engagements'), engagements);
});

test('the checks catch a broken aggregate, a wrong sold count and a voucher out of step', async () => {
  const product = database.sqlite
    .prepare('SELECT p.id FROM products p WHERE p.seq > ? AND p.rating_count > 0 ORDER BY p.seq LIMIT 1')
    .get(before_['products']) as { id: string };
  const voucher = database.sqlite
    .prepare("SELECT id FROM vouchers WHERE id LIKE 'vch-p%' AND status = 'settled' LIMIT 1")
    .get() as { id: string };
  database.sqlite.exec('SAVEPOINT broken');
  try {
    database.sqlite.prepare('UPDATE products SET rating_count = rating_count + 1 WHERE id = ?').run(product.id);
    database.sqlite.prepare('UPDATE products SET sold_count = 0 WHERE id = ?').run(product.id);
    database.sqlite.prepare("UPDATE vouchers SET status = 'issued' WHERE id = ?").run(voucher.id);
    const failed = (await checkSeededData(database.db)).map((failure) => failure.check);
    assert.ok(failed.includes("products' rating columns equal their stats"), failed.join('\n'));
    assert.ok(failed.includes('a product sold at least as often as it was rated'), failed.join('\n'));
    assert.ok(
      failed.includes('an engagement paid by a voucher: the voucher is the enterprise’s, points back, and is used'),
      failed.join('\n'),
    );
  } finally {
    database.sqlite.exec('ROLLBACK TO broken; RELEASE broken');
  }
});

test('the server finds an appended product by its provider’s name, with its rating as recounted', async () => {
  const product = database.sqlite
    .prepare(
      `SELECT p.id, v.name AS provider_name, p.rating_count FROM products p JOIN providers v ON v.seq = p.provider_seq
       WHERE p.seq > ? AND p.listed = 1 AND p.rating_count > 0 ORDER BY p.sold_count DESC LIMIT 1`,
    )
    .get(before_['products']) as { id: string; provider_name: string; rating_count: number };
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir });
  try {
    const page = (await (
      await fetch(`${server.apiUrl}/products?q=${encodeURIComponent(product.provider_name)}&limit=50`)
    ).json()) as { items: { id: string; rating: { count: number } }[] };
    const found = page.items.find((item) => item.id === product.id);
    assert.ok(found, `${product.provider_name}'s product ${product.id} is found`);
    assert.equal(found.rating.count, product.rating_count);
    const ratings = (await (await fetch(`${server.apiUrl}/products/${product.id}/ratings`)).json()) as {
      summary: { count: number };
    };
    assert.equal(ratings.summary.count, product.rating_count);
  } finally {
    await server.close();
  }
});
