// client.centers against the real reference server: the directory's reads, the coverage, and a center's
// administrators changing its record.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, SmecForbiddenError, SmecNotFoundError, SmecApiError, type SmecClient } from '@smec/sdk';
import { startTestServer } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let client: SmecClient;

async function signedIn(userId: string): Promise<SmecClient> {
  const { token } = await client.demo.token(userId);
  return createClient({ baseUrl: server.apiUrl, getToken: () => token, locale: 'en' });
}

before(async () => {
  server = await startTestServer();
  client = createClient({ baseUrl: server.apiUrl });
});
after(() => server?.close());

describe('client.centers', () => {
  it('lists a city’s centers and iterates every page once', async () => {
    const first = await client.centers.list({ region: '440600', limit: 3 });
    assert.ok(first.total > 3);
    const ids: string[] = [];
    for await (const center of client.centers.list({ region: '440600', limit: 3 })) ids.push(center.id);
    assert.equal(ids.length, first.total);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes('ctr-440600'));
  });

  it('gets one center and throws SmecNotFoundError for an unknown one', async () => {
    const center = await client.centers.get('ctr-440000');
    assert.equal(center.level, 'province');
    assert.equal(center.requirements.met, true);
    await assert.rejects(client.centers.get('ctr-000000'), SmecNotFoundError);
  });

  it('reads the coverage of a year', async () => {
    const coverage = await client.centers.coverage(2017);
    assert.equal(coverage.target.kind, 'everyCity');
    assert.equal(coverage.cities.length, coverage.province.cities);
  });

  it('lets the center’s administrator change its record as read, and no one else', async () => {
    const admin = await signedIn('usr-admin-440604');
    const read = await admin.centers.get('ctr-440604');
    const changed = await admin.centers.update(read, { openingHours: '周一至周五 8:30–17:30' });
    assert.equal(changed.openingHours, '周一至周五 8:30–17:30');
    assert.equal(changed.revision, read.revision + 1);
    await assert.rejects(
      admin.centers.update(read, { floorArea: 300 }),
      (error: unknown) => error instanceof SmecApiError && error.status === 412,
    );
    const city = await signedIn('usr-admin-440600');
    await assert.rejects(city.centers.update(changed, { floorArea: 300 }), SmecForbiddenError);
  });
});
