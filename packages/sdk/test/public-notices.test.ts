// client.publicNotices against the real reference server: the applicants under notice, an objection filed and
// refused, and the reviewer deciding it through client.providerApplications.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createClient,
  SmecConflictError,
  SmecNotFoundError,
  SmecValidationError,
  type PublicNotice,
  type SmecClient,
} from '@smec/sdk';
import { DEMO_NOTICE } from '@smec/schemas/openapi';
import { startTestServer } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let client: SmecClient;

before(async () => {
  server = await startTestServer();
  client = createClient({ baseUrl: server.apiUrl, locale: 'en' });
});
after(() => server?.close());

const OBJECTION = {
  name: '王先生',
  mobile: '13900139000',
  reason: '该机构曾承诺包过并收取全款，申请被驳回后拒绝退费。',
};

describe('client.publicNotices', () => {
  it('lists the seeded applicants under notice, soonest end first, and iterates them all', async () => {
    const page = await client.publicNotices.list({ limit: 2 });
    assert.ok(page.total >= 3);
    assert.equal(page.items.length, 2);
    const all: PublicNotice[] = [];
    for await (const notice of client.publicNotices.iterate({ limit: 1 })) all.push(notice);
    assert.equal(all.length, page.total);
    assert.deepEqual(
      all.map((notice) => notice.endsOn),
      all.map((notice) => notice.endsOn).sort(),
    );
    const seeded = all.find((notice) => notice.id === DEMO_NOTICE.id);
    assert.ok(seeded);
    assert.equal(seeded.region.name, '南海区');
  });

  it('files an objection while the notice runs, and the center sees it and dismisses it', async () => {
    const before = (await client.publicNotices.list({ limit: 100 })).items.find((n) => n.id === 'pap-demo-notice1');
    const objection = await client.publicNotices.object('pap-demo-notice1', OBJECTION);
    assert.equal(objection.status, 'open');
    const afterwards = (await client.publicNotices.list({ limit: 100 })).items.find((n) => n.id === 'pap-demo-notice1');
    assert.equal(afterwards?.objectionCount, (before?.objectionCount ?? 0) + 1);
    const { token } = await client.demo.token('usr-admin-440300');
    const center = createClient({ baseUrl: server.apiUrl, locale: 'en', getToken: () => token });
    const decided = await center.providerApplications.transition('pap-demo-notice1', {
      action: 'dismissObjection',
      objectionId: objection.id,
      note: '异议缺乏事实依据。',
    });
    assert.equal(decided.status, 'publicNotice');
    assert.equal(decided.objections?.find((entry) => entry.id === objection.id)?.status, 'dismissed');
  });

  it('refuses an objection with the field named, out of notice, and for an unknown notice', async () => {
    await assert.rejects(client.publicNotices.object(DEMO_NOTICE.id, { ...OBJECTION, reason: '太短' }), (error) => {
      assert.ok(error instanceof SmecValidationError);
      assert.deepEqual(
        error.errors.map((field) => field.code),
        ['objection.reason'],
      );
      return true;
    });
    await assert.rejects(client.publicNotices.object('pap-demo-0001', OBJECTION), SmecConflictError);
    await assert.rejects(client.publicNotices.object('pap-unknown', OBJECTION), SmecNotFoundError);
  });
});
