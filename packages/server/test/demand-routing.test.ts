// A demand's routing between centers, over HTTP: accepted, matched with proposals the enterprise sees in its lookup
// and the providers in their list (the contact only where shared), transferred up the line (the city sees it, the
// county no longer does), every step on the audit log with its actor; the deadlines in working days, per region, and
// the overdue filter; the limit of five proposals; a transfer to a sibling refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AuditLogPage,
  Demand,
  DemandDeadlines,
  DemandPage,
  DemandStatusView,
  MyDemandProposalPage,
  type DemandInput,
} from '@smec/schemas';
import { testNow } from '../../../test-support/server.js';
import type { Clock } from '../src/clock.js';
import { UNSHARED_DEMAND } from '../src/seed/demands.js';
import { openTestApp, validDemand, type TestApp } from './demand-helpers.js';
import { assertProblem } from './helpers.js';
import { bearer } from './voucher-helpers.js';

const HIGH = { max: 100_000, windowMs: 60_000 };
/** Friday 4 December 2026, 10:00 in Shanghai: the next two working days are Monday and Tuesday. */
const FRIDAY = Date.parse('2026-12-04T10:00:00+08:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let now = FRIDAY;
const clock: Clock = { now: () => now };
let t: TestApp;
let keyNo = 0;

async function call<T>(
  method: string,
  url: string,
  userId?: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return t.inject<T>({
    method: method as 'GET',
    url: `/api/v1${url}`,
    headers: {
      ...(userId ? bearer(await t.tokenFor(userId)) : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method === 'GET' ? {} : { 'idempotency-key': `routing-${++keyNo}` }),
      ...headers,
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

async function submit(overrides: Partial<DemandInput> = {}): Promise<Demand> {
  const response = await call<Demand>('POST', '/demands', undefined, validDemand(overrides));
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return Demand.parse(response.body);
}

async function accept(id: string, userId = 'usr-admin-440604'): Promise<Demand> {
  const response = await call<Demand>('POST', `/demands/${id}/transitions`, userId, { action: 'accept' });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return Demand.parse(response.body);
}

/** Listed providers, each with one of its listed products, the demo provider (prv-00001) first. */
async function listedProviders(n: number): Promise<{ providerId: string; productId: string; name: string }[]> {
  const rows = await t.database.db
    .selectFrom('providers as pr')
    .innerJoin('products as pd', 'pd.provider_id', 'pr.id')
    .select(['pr.id as providerId', 'pd.id as productId', 'pr.name as name'])
    .where('pr.listed', '=', 1)
    .where('pd.listed', '=', 1)
    .orderBy('pr.seq')
    .orderBy('pd.seq')
    .execute();
  const first = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!first.has(row.providerId)) first.set(row.providerId, row);
  const chosen = [...first.values()].slice(0, n);
  assert.equal(chosen.length, n, 'the seed has enough listed providers with products');
  return chosen;
}

before(async () => {
  t = await openTestApp({ clock, rateLimits: { demandSubmit: HIGH, demandLookup: HIGH } });
});
after(() => t.close());

describe('a demand from acceptance to another center', () => {
  test('accepted, two matches proposed and looked up, transferred to the city, every step audited', async () => {
    now = FRIDAY;
    const phone = '13912345670';
    const demand = await submit({ contact: { name: '陈女士', phone } });
    await accept(demand.id);
    const [first, second] = await listedProviders(2);
    assert.ok(first && second);

    const proposed = await call<Demand>('POST', `/demands/${demand.id}/proposals`, 'usr-admin-440604', {
      proposals: [
        { providerId: first.providerId, productId: first.productId, note: '擅长高企认定' },
        { providerId: second.providerId, note: '本地机构' },
      ],
      note: '已为您推荐两家机构',
    });
    assert.equal(proposed.status, 200, JSON.stringify(proposed.body));
    const matched = Demand.parse(proposed.body);
    assert.equal(matched.status, 'matched');
    assert.deepEqual(
      matched.matches.map((match) => [match.providerId, match.productId, match.note]),
      [
        [first.providerId, first.productId, '擅长高企认定'],
        [second.providerId, null, '本地机构'],
      ],
    );
    assert.equal(matched.timeline.at(-1)?.note, '已为您推荐两家机构');

    const lookup = await call<DemandStatusView>(
      'GET',
      `/demands/lookup?trackingNo=${demand.trackingNo}&phone=${phone}`,
    );
    assert.equal(lookup.status, 200, JSON.stringify(lookup.body));
    const view = DemandStatusView.parse(lookup.body);
    assert.deepEqual(
      view.matches.map((match) => [match.providerName, match.note]),
      [
        [first.name, '擅长高企认定'],
        [second.name, '本地机构'],
      ],
    );
    assert.ok(view.matches[0]?.productName, 'the product is named');

    now = FRIDAY + 2 * HOUR;
    const moved = await call<Demand>('POST', `/demands/${demand.id}/transfer`, 'usr-admin-440604', {
      toRegion: '440600',
      reason: '需市级统筹',
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const transferred = Demand.parse(moved.body);
    assert.equal(transferred.regionCode, '440600');
    assert.equal(transferred.status, 'matched', 'a transfer keeps the status');
    const entry = transferred.timeline.at(-1);
    assert.equal(entry?.kind, 'transferred');
    assert.equal(entry?.toRegion, '440600');
    assert.match(entry?.note ?? '', /^转交至佛山市：需市级统筹$/);

    const city = await call<Demand>('GET', `/demands/${demand.id}`, 'usr-admin-440600');
    assert.equal(city.status, 200);
    const cityList = await call<DemandPage>('GET', '/demands?status=matched&limit=100', 'usr-admin-440600');
    assert.ok(
      cityList.body.items.some((item) => item.id === demand.id),
      'the city lists it',
    );
    assertProblem(await call('GET', `/demands/${demand.id}`, 'usr-admin-440604'), 404, 'not_found');
    const countyList = await call<DemandPage>('GET', '/demands?status=matched&limit=100', 'usr-admin-440604');
    assert.ok(!countyList.body.items.some((item) => item.id === demand.id), 'the county no longer lists it');

    const again = await call<DemandStatusView>('GET', `/demands/lookup?trackingNo=${demand.trackingNo}&phone=${phone}`);
    const last = DemandStatusView.parse(again.body).timeline.at(-1);
    assert.equal(last?.kind, 'transferred', 'the enterprise sees the transfer');

    const audit = await call<AuditLogPage>('GET', `/audit-log?entityId=${demand.id}&limit=100`, 'usr-admin-440600');
    assert.equal(audit.status, 200, JSON.stringify(audit.body));
    const entries = AuditLogPage.parse(audit.body).items;
    assert.deepEqual(entries.map((item) => [item.action, item.actor.userId]).sort(), [
      ['demand.accept', 'usr-admin-440604'],
      ['demand.propose', 'usr-admin-440604'],
      ['demand.transfer', 'usr-admin-440604'],
    ]);
    const transfer = entries.find((item) => item.action === 'demand.transfer');
    assert.deepEqual(transfer?.after, { regionCode: '440600' });
  });

  test('the proposed providers are told, and see the proposal with the contact the enterprise shared', async () => {
    now = FRIDAY;
    const [provider] = await listedProviders(1);
    assert.ok(provider);
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('provider_id', '=', provider.providerId)
      .executeTakeFirstOrThrow();
    const demand = await submit({ contact: { name: '周先生', phone: '13912345671' } });
    await accept(demand.id);
    const proposed = await call('POST', `/demands/${demand.id}/proposals`, 'usr-admin-440604', {
      proposals: [{ providerId: provider.providerId, note: '请尽快联系' }],
    });
    assert.equal(proposed.status, 200, JSON.stringify(proposed.body));

    const told = await call<{ items: { kind: string; subject: { id: string }; title: string }[] }>(
      'GET',
      '/me/notifications?limit=100',
      user.id,
    );
    const notice = told.body.items.find((item) => item.kind === 'demandMatched' && item.subject.id === demand.id);
    assert.ok(notice, JSON.stringify(told.body));
    assert.match(notice.title, /申请高新技术企业认定辅导/);

    const mine = await call<MyDemandProposalPage>('GET', '/me/demand-proposals?limit=100', user.id);
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    const page = MyDemandProposalPage.parse(mine.body);
    const item = page.items.find((candidate) => candidate.demandId === demand.id);
    assert.ok(item);
    assert.equal(item.note, '请尽快联系');
    assert.equal(item.title, demand.title);
    assert.deepEqual(item.contact, { name: '周先生', phone: '13912345671' });
    assert.deepEqual(item.enterprise, { name: demand.enterprise.name });
  });

  test('a demand whose enterprise did not share its contact shows the provider neither name nor phone', async () => {
    const page = await call<MyDemandProposalPage>('GET', '/me/demand-proposals?limit=100', 'usr-prv-01');
    assert.equal(page.status, 200, JSON.stringify(page.body));
    const unshared = page.body.items.find((item) => item.demandId === UNSHARED_DEMAND);
    assert.ok(unshared, 'the seed proposes the demo provider for the unshared demand');
    assert.equal(unshared.contact, null);
    assert.equal(unshared.enterprise, null);
    const shared = page.body.items.find((item) => item.demandId === 'dmd-00001');
    assert.ok(shared?.contact?.phone.match(/^1\d{10}$/), 'a shared contact has the phone in full');
    const body = JSON.stringify(page.body);
    const row = await t.database.db
      .selectFrom('demands')
      .select(['contact_phone', 'enterprise_name'])
      .where('id', '=', UNSHARED_DEMAND)
      .executeTakeFirstOrThrow();
    assert.ok(!body.includes(row.contact_phone) && !body.includes(row.enterprise_name), 'nothing of it leaks');
  });

  test('the proposals of a provider are paged, newest first, and only a provider may read them', async () => {
    const firstPage = await call<MyDemandProposalPage>('GET', '/me/demand-proposals?limit=1', 'usr-prv-01');
    assert.equal(firstPage.body.items.length, 1);
    assert.ok(firstPage.body.nextCursor);
    const next = await call<MyDemandProposalPage>(
      'GET',
      `/me/demand-proposals?limit=1&cursor=${encodeURIComponent(firstPage.body.nextCursor)}`,
      'usr-prv-01',
    );
    assert.equal(next.status, 200);
    assert.notEqual(next.body.items[0]?.id, firstPage.body.items[0]?.id);
    assert.ok((next.body.items[0]?.proposedAt ?? '') <= (firstPage.body.items[0]?.proposedAt ?? ''));
    assertProblem(await call('GET', '/me/demand-proposals', 'usr-ent-01'), 403, 'forbidden');
    assertProblem(await call('GET', '/me/demand-proposals', 'usr-admin-440100'), 403, 'forbidden');
    assertProblem(await call('GET', '/me/demand-proposals'), 401, 'unauthorized');
  });
});

describe('proposals', () => {
  test('five at most on a demand, over several rounds and through the match move too, none twice', async () => {
    now = FRIDAY;
    const demand = await submit();
    const providers = await listedProviders(6);
    const [a, b, c, d, e, f] = providers;
    assert.ok(a && b && c && d && e && f);
    const early = await call('POST', `/demands/${demand.id}/proposals`, 'usr-admin-440604', {
      proposals: [{ providerId: a.providerId }],
    });
    assertProblem(early, 409, 'conflict');
    await accept(demand.id);
    const three = await call('POST', `/demands/${demand.id}/proposals`, 'usr-admin-440604', {
      proposals: [a, b, c].map((p) => ({ providerId: p.providerId })),
    });
    assert.equal(three.status, 200, JSON.stringify(three.body));
    const twice = await call('POST', `/demands/${demand.id}/proposals`, 'usr-admin-440604', {
      proposals: [{ providerId: a.providerId }],
    });
    assertProblem(twice, 409, 'conflict');
    const tooMany = await call(
      'POST',
      `/demands/${demand.id}/proposals`,
      'usr-admin-440604',
      { proposals: [d, e, f].map((p) => ({ providerId: p.providerId })) },
      { 'accept-language': 'en' },
    );
    const problem = assertProblem(tooMany, 409, 'conflict');
    assert.match(problem.detail ?? '', /at most 5 proposals; this one has 3, so at most 2 more/);
    const byMove = await call<Demand>('POST', `/demands/${demand.id}/transitions`, 'usr-admin-440604', {
      action: 'match',
      matches: [d, e].map((p) => ({ providerId: p.providerId })),
    });
    assert.equal(byMove.status, 200, JSON.stringify(byMove.body));
    assert.equal(Demand.parse(byMove.body).matches.length, 5);
    const sixth = await call('POST', `/demands/${demand.id}/transitions`, 'usr-admin-440604', {
      action: 'match',
      matches: [{ providerId: f.providerId }],
    });
    assertProblem(sixth, 409, 'conflict');
    const six = await call('POST', `/demands/${demand.id}/proposals`, 'usr-admin-440604', {
      proposals: providers.map((p) => ({ providerId: p.providerId })),
    });
    assert.equal(assertProblem(six, 400, 'validation_failed').errors?.[0]?.path, 'body.proposals');
    const stored = await t.database.db
      .selectFrom('demand_proposals as dp')
      .innerJoin('demands as dm', 'dm.seq', 'dp.demand_seq')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dm.id', '=', demand.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(stored.n), 5);
  });

  test('a product must be the provider’s own, listed; the error names the entry', async () => {
    now = FRIDAY;
    const demand = await submit();
    await accept(demand.id);
    const [a, b] = await listedProviders(2);
    assert.ok(a && b);
    const wrong = await call('POST', `/demands/${demand.id}/proposals`, 'usr-admin-440604', {
      proposals: [{ providerId: a.providerId }, { providerId: a.providerId, productId: b.productId }],
    });
    assert.equal(assertProblem(wrong, 400, 'validation_failed').errors?.[0]?.path, 'body.proposals.1.productId');
    const unknown = await call('POST', `/demands/${demand.id}/proposals`, 'usr-admin-440604', {
      proposals: [{ providerId: 'prv-99999' }],
    });
    assert.equal(assertProblem(unknown, 400, 'validation_failed').errors?.[0]?.path, 'body.proposals.0.providerId');
  });

  test('a viewer may not propose; another county’s center does not see the demand', async () => {
    now = FRIDAY;
    const demand = await submit({ regionCode: '440500' });
    await accept(demand.id, 'usr-admin-440500');
    const [a] = await listedProviders(1);
    assert.ok(a);
    const body = { proposals: [{ providerId: a.providerId }] };
    assertProblem(await call('POST', `/demands/${demand.id}/proposals`, 'usr-viewer-440500', body), 403, 'forbidden');
    assertProblem(await call('POST', `/demands/${demand.id}/proposals`, 'usr-admin-440604', body), 404, 'not_found');
    const staff = await call('POST', `/demands/${demand.id}/proposals`, 'usr-staff-440500', body);
    assert.equal(staff.status, 200, JSON.stringify(staff.body));
  });
});

describe('transfers', () => {
  test('up to the province, down to a county, not to a sibling county, itself or a finished demand', async () => {
    now = FRIDAY;
    const demand = await submit();
    const to = (toRegion: string, userId = 'usr-admin-440604') =>
      call<Demand>('POST', `/demands/${demand.id}/transfer`, userId, { toRegion, reason: '转交测试' });
    const sibling = assertProblem(await to('440605'), 400, 'validation_failed');
    assert.equal(sibling.errors?.[0]?.path, 'body.toRegion');
    assertProblem(await to('440604'), 400, 'validation_failed');
    assertProblem(await to('440100'), 400, 'validation_failed');
    assertProblem(await to('449999'), 400, 'validation_failed');
    const short = await call('POST', `/demands/${demand.id}/transfer`, 'usr-admin-440604', {
      toRegion: '440000',
      reason: 'x',
    });
    assert.equal(assertProblem(short, 400, 'validation_failed').errors?.[0]?.path, 'body.reason');

    const up = await to('440000');
    assert.equal(up.status, 200, JSON.stringify(up.body));
    assert.equal(up.body.regionCode, '440000');
    assertProblem(await call('GET', `/demands/${demand.id}`, 'usr-admin-440600'), 404, 'not_found');
    // The province hands it down to the city, which hands it to one of its counties.
    assert.equal((await to('440600', 'usr-admin-440000')).status, 200);
    assertProblem(await to('440100', 'usr-admin-440600'), 400, 'validation_failed');
    const down = await to('440605', 'usr-admin-440600');
    assert.equal(down.status, 200, JSON.stringify(down.body));
    assertProblem(await call('GET', `/demands/${demand.id}`, 'usr-admin-440604'), 404, 'not_found');

    const closed = await submit();
    await accept(closed.id);
    const close = await call('POST', `/demands/${closed.id}/transitions`, 'usr-admin-440604', { action: 'close' });
    assert.equal(close.status, 200);
    const late = await call('POST', `/demands/${closed.id}/transfer`, 'usr-admin-440604', {
      toRegion: '440600',
      reason: '转交测试',
    });
    assertProblem(late, 409, 'conflict');
    assertProblem(
      await call('POST', `/demands/${closed.id}/transfer`, 'usr-viewer-440500', {
        toRegion: '440600',
        reason: '转交测试',
      }),
      403,
      'forbidden',
    );
  });
});

describe('deadlines', () => {
  test('counted in working days from the submission, across a weekend', async () => {
    now = FRIDAY;
    const demand = await submit({ regionCode: '440500' });
    assert.equal(demand.acceptBy, '2026-12-08T10:00:00+08:00');
    assert.equal(demand.firstMatchBy, '2026-12-11T10:00:00+08:00');
    assert.equal(demand.overdue, false);
    now = Date.parse('2026-12-08T10:00:01+08:00');
    const late = await call<Demand>('GET', `/demands/${demand.id}`, 'usr-admin-440500');
    assert.equal(late.body.overdue, true, 'not accepted by Tuesday 10:00');
    await accept(demand.id, 'usr-admin-440500');
    const accepted = await call<Demand>('GET', `/demands/${demand.id}`, 'usr-admin-440500');
    assert.equal(accepted.body.overdue, false, 'accepted late, and still within the time to match');
    now = Date.parse('2026-12-11T10:00:01+08:00');
    const unmatched = await call<Demand>('GET', `/demands/${demand.id}`, 'usr-admin-440500');
    assert.equal(unmatched.body.overdue, true, 'not matched by Friday 10:00');
  });

  test('a region’s own setting applies below it; the county inherits the city’s, the others the defaults', async () => {
    now = FRIDAY;
    const inherited = await call<DemandDeadlines>('GET', '/regions/440604/demand-deadlines', 'usr-admin-440604');
    assert.equal(inherited.status, 200, JSON.stringify(inherited.body));
    assert.deepEqual(DemandDeadlines.parse(inherited.body), {
      regionCode: '440604',
      acceptDays: 2,
      firstMatchDays: 5,
      setIn: null,
      updatedAt: null,
      updatedBy: null,
      revision: 0,
    });
    const body = { acceptDays: 1, firstMatchDays: 3 };
    assertProblem(await call('PUT', '/regions/440600/demand-deadlines', 'usr-admin-440604', body), 404, 'not_found');
    assertProblem(await call('PUT', '/regions/440500/demand-deadlines', 'usr-staff-440500', body), 403, 'forbidden');
    assertProblem(await call('GET', '/regions/440600/demand-deadlines', 'usr-admin-440500'), 404, 'not_found');
    const tooLong = await call('PUT', '/regions/440600/demand-deadlines', 'usr-admin-440600', {
      acceptDays: 31,
      firstMatchDays: 3,
    });
    assert.equal(assertProblem(tooLong, 400, 'validation_failed').errors?.[0]?.path, 'body.acceptDays');

    const city = await call<DemandDeadlines>('GET', '/regions/440600/demand-deadlines', 'usr-admin-440600');
    const etag = city.headers.get('etag') ?? '';
    const set = await call<DemandDeadlines>('PUT', '/regions/440600/demand-deadlines', 'usr-admin-440600', body, {
      'if-match': etag,
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.revision, 1);
    assert.equal(set.body.updatedBy, 'usr-admin-440600');
    const stale = await call('PUT', '/regions/440600/demand-deadlines', 'usr-admin-440600', body, { 'if-match': etag });
    assertProblem(stale, 412, 'precondition_failed');

    const county = await call<DemandDeadlines>('GET', '/regions/440604/demand-deadlines', 'usr-viewer-440500');
    assertProblem(county, 404, 'not_found');
    const below = await call<DemandDeadlines>('GET', '/regions/440604/demand-deadlines', 'usr-admin-440604');
    assert.equal(below.body.setIn, '440600');
    assert.equal(below.body.acceptDays, 1);

    const demand = await submit({ regionCode: '440604' });
    assert.equal(demand.acceptBy, '2026-12-07T10:00:00+08:00');
    assert.equal(demand.firstMatchBy, '2026-12-09T10:00:00+08:00');
    const elsewhere = await submit({ regionCode: '440500' });
    assert.equal(elsewhere.acceptBy, '2026-12-08T10:00:00+08:00');

    const audit = await call<AuditLogPage>('GET', '/audit-log?entityType=demandDeadlines&limit=10', 'usr-admin-440600');
    const entry = audit.body.items.find((item) => item.entityId === '440600');
    assert.equal(entry?.action, 'demandDeadlines.set');
    assert.deepEqual(entry?.after, body);
  });

  test('a transfer counts the deadlines again from the transfer, by the new region’s setting', async () => {
    now = FRIDAY;
    const demand = await submit({ regionCode: '440605' });
    now = FRIDAY + 3 * DAY; // Monday 10:00
    const moved = await call<Demand>('POST', `/demands/${demand.id}/transfer`, 'usr-admin-440600', {
      toRegion: '440000',
      reason: '需省级统筹',
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.acceptBy, '2026-12-09T10:00:00+08:00');
    assert.equal(moved.body.firstMatchBy, '2026-12-14T10:00:00+08:00');
  });

  test('overdue=true keeps the overdue demands only, overdue=false the others, in the staff member’s region', async () => {
    now = FRIDAY;
    const fresh = await submit({ regionCode: '440500' });
    now = FRIDAY + 5 * DAY; // Wednesday: past Tuesday's deadline to accept
    const overdue = await call<DemandPage>('GET', '/demands?overdue=true&limit=100', 'usr-admin-440500');
    assert.equal(overdue.status, 200, JSON.stringify(overdue.body));
    const page = DemandPage.parse(overdue.body);
    assert.ok(
      page.items.some((item) => item.id === fresh.id),
      'the late one is listed',
    );
    assert.ok(page.items.length > 0 && page.items.every((item) => item.overdue));
    const onTime = await call<DemandPage>('GET', '/demands?overdue=false&limit=100', 'usr-admin-440500');
    assert.ok(onTime.body.items.length > 0 && onTime.body.items.every((item) => !item.overdue));
    assert.ok(!onTime.body.items.some((item) => item.id === fresh.id));
    now = FRIDAY;
    const early = await call<DemandPage>('GET', '/demands?overdue=true&limit=100', 'usr-admin-440500');
    assert.ok(!early.body.items.some((item) => item.id === fresh.id), 'on Friday it is not late yet');
  });
});

describe('the seed', () => {
  test('has an overdue demand in Shantou’s region and one in Guangzhou’s, still submitted', async () => {
    // The seed is relative to the tests' day, so this reads the tests' clock.
    now = testNow();
    for (const userId of ['usr-staff-440500', 'usr-viewer-440100']) {
      const page = await call<DemandPage>('GET', '/demands?overdue=true&status=submitted&limit=5', userId);
      assert.equal(page.status, 200, JSON.stringify(page.body));
      assert.ok(page.body.total > 0, userId);
    }
    now = FRIDAY;
  });
});
