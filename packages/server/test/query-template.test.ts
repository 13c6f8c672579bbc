import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test-support/server.js';
import { QueryTemplate } from '../src/db/query-template.js';
import type { Database } from '../src/index.js';

describe('QueryTemplate: compiled once, run with new values', () => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let close: () => Promise<void>;

  before(async () => {
    database = await createTestDatabase();
    ({ db, close } = await database.open());
  });
  after(async () => {
    await close();
    await database.dispose();
  });

  const usersOfRole = new QueryTemplate<[role: string, notId: string], { id: string; role: string }>(
    2,
    (db, role, notId) =>
      db
        .selectFrom('users')
        .select(['id', 'role'])
        .where('role', '=', role as 'enterprise')
        .where('id', '<>', notId)
        .orderBy('id')
        .limit(3),
  );

  test('each run gets its own values; the constants written in stay', async () => {
    const all = await db.selectFrom('users').select(['id', 'role']).orderBy('id').execute();
    for (const role of ['enterprise', 'provider', 'admin']) {
      const expected = all.filter((user) => user.role === role);
      const excluded = expected[0]?.id ?? '';
      const rows = await usersOfRole.execute(db, role, excluded);
      assert.ok(rows.length > 0, `seeded users of role ${role}`);
      assert.deepEqual(rows, expected.filter((user) => user.id !== excluded).slice(0, 3));
    }
  });

  test('runs inside a transaction too', async () => {
    const first = await db.transaction().execute((trx) => usersOfRole.executeTakeFirst(trx, 'enterprise', ''));
    assert.equal(first?.role, 'enterprise');
    assert.equal(await usersOfRole.executeTakeFirst(db, 'nobody', ''), undefined);
  });

  test('a value that does not become a parameter is refused', async () => {
    const shapeFromValue = new QueryTemplate<[column: string], unknown>(1, (db, column) =>
      db
        .selectFrom('users')
        .select('id')
        .orderBy(column as 'id'),
    );
    await assert.rejects(() => shapeFromValue.execute(db, 'id'), /not a parameter/);
  });
});
