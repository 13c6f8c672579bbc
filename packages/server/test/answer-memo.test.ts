// The catalog lists' first pages are remembered per query until the catalog's version moves.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { prepareTestDatabase } from '../../../test-support/server.js';
import { AnswerMemo, queryKey } from '../src/catalog/answer-memo.js';

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
before(async () => {
  database = await prepareTestDatabase();
});
after(() => database.dispose());

test('a repeated query is answered from the memo until a rating moves the catalog version', async () => {
  const memo = new AnswerMemo(database.db);
  let computed = 0;
  const compute = async () => ({ page: ++computed });
  const key = queryKey('products', { region: '440600', limit: 12 });
  assert.equal((await memo.answer(key, compute)).json, '{"page":1}');
  assert.equal((await memo.answer(key, compute)).json, '{"page":1}');
  assert.equal(computed, 1);
  // What copyToCatalog does when a rating changes a product's or a provider's figures.
  await sql`INSERT INTO meta (key, value) VALUES ('catalog_version', '1')
    ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)`.execute(database.db);
  assert.equal((await memo.answer(key, compute)).json, '{"page":2}');
  assert.equal((await memo.answer(key, compute)).json, '{"page":2}');
  assert.equal(computed, 2);
});

test('a query names one answer whatever the order of its filters; other filters are other answers', async () => {
  assert.equal(
    queryKey('products', { region: '440600', limit: 12, q: undefined }),
    queryKey('products', { limit: 12, region: '440600' }),
  );
  assert.notEqual(queryKey('products', { limit: 12 }), queryKey('products', { limit: 24 }));
  assert.notEqual(queryKey('products', { limit: 12 }), queryKey('providers', { limit: 12 }));
});

test('the memo keeps the 256 most recently used answers', async () => {
  const memo = new AnswerMemo(database.db);
  let computed = 0;
  const compute = async () => ++computed;
  for (let i = 0; i < 257; i++) await memo.answer(`k${i}`, compute);
  assert.equal(computed, 257);
  await memo.answer('k256', compute);
  assert.equal(computed, 257, 'the newest is kept');
  await memo.answer('k0', compute);
  assert.equal(computed, 258, 'the oldest was dropped');
});
