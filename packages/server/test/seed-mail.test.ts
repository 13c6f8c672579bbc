// The demo's own enterprise and provider accounts have an address for the mail sender, on a reserved domain that
// reaches nobody; the other seeded users have none (the sender skips them).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { prepareTestDatabase } from '../../../test-support/server.js';

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;

before(async () => {
  database = await prepareTestDatabase();
});

after(async () => {
  await database.dispose();
});

test('usr-ent-01 and usr-prv-01 have an example.com address and a language; nobody else is addressed', async () => {
  const addressed = await database.db
    .selectFrom('users')
    .select(['id', 'email', 'locale'])
    .where('email', 'is not', null)
    .orderBy('id')
    .execute();
  assert.deepEqual(addressed, [
    { id: 'usr-ent-01', email: 'usr-ent-01@example.com', locale: 'zh-CN' },
    { id: 'usr-prv-01', email: 'usr-prv-01@example.com', locale: 'zh-CN' },
  ]);
});
