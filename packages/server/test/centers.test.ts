// The network of centers over HTTP: the public list and record with the requirement check, the coverage recounted
// here from the rows, and the change of a record by the center's own administrators (If-Match, audited).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AuditLogPage, Center, CenterPage, Coverage, Region } from '@smec/schemas';
import { centerShortfalls } from '@smec/schemas/rules';
import { openTestApp, type TestApp } from './demand-helpers.js';

let t: TestApp;
let regions: Region[];

before(async () => {
  t = await openTestApp();
  regions = (await t.inject<{ items: Region[] }>({ method: 'GET', url: '/api/v1/regions' })).body.items;
});
after(async () => t.close());

async function allCenters(query = ''): Promise<Center[]> {
  const centers: Center[] = [];
  let cursor: string | null = null;
  do {
    const page: CenterPage = (
      await t.inject<CenterPage>({
        method: 'GET',
        url: `/api/v1/centers?limit=100${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      })
    ).body;
    centers.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return centers;
}

async function patch(userId: string, id: string, body: unknown, ifMatch = '*', key = `ctr-${Math.random()}`) {
  return t.inject<Center & { errors?: { path: string }[] }>({
    method: 'PATCH',
    url: `/api/v1/centers/${id}`,
    headers: {
      authorization: `Bearer ${await t.tokenFor(userId)}`,
      'if-match': ifMatch,
      'idempotency-key': key,
      'accept-language': 'en',
    },
    payload: body as object,
  });
}

test('the seed has a center for every region but a few counties, some below their requirements', async () => {
  const centers = await allCenters();
  const counties = regions.filter((region) => region.level === 'county');
  const missing = regions.filter((region) => !centers.some((center) => center.regionCode === region.code));
  assert.ok(missing.length >= 3 && missing.length < counties.length / 10, `${missing.length} regions without one`);
  assert.ok(missing.every((region) => region.level === 'county'));
  assert.equal(centers[0]?.level, 'province');
  const below = centers.filter((center) => !center.requirements.met);
  assert.ok(below.some((center) => center.level === 'city'));
  assert.ok(below.some((center) => center.level === 'county'));
  // Each answer's check is the shared rule's over the answer's own facts.
  for (const center of centers) {
    assert.deepEqual(center.requirements.shortfalls, centerShortfalls(center.level, center));
    assert.equal(center.requirements.met, center.requirements.shortfalls.length === 0);
  }
  const short = await allCenters('&meetsRequirements=false');
  assert.deepEqual(
    short.map((center) => center.id),
    below.map((center) => center.id),
  );
});

test('a region keeps its center and those below it; a name finds a center', async () => {
  const foshan = await allCenters('&region=440600');
  assert.ok(foshan.length > 1);
  assert.ok(foshan.every((center) => center.regionCode === '440600' || center.cityCode === '440600'));
  const found = await allCenters(`&q=${encodeURIComponent('禅城')}`);
  assert.deepEqual(
    found.map((center) => center.regionCode),
    ['440604'],
  );
  const cities = await allCenters('&level=city');
  assert.equal(cities.length, regions.filter((region) => region.level === 'city').length);
});

test('one center, with an ETag; an unknown one is 404', async () => {
  const answer = await t.inject<Center>({ method: 'GET', url: '/api/v1/centers/ctr-440604' });
  assert.equal(answer.status, 200);
  assert.equal(answer.body.name, '佛山市禅城区中小企业服务中心');
  assert.match(answer.headers.get('etag') ?? '', /^"ctr-440604\.r0-/);
  assert.equal((await t.inject({ method: 'GET', url: '/api/v1/centers/ctr-999999' })).status, 404);
});

test('the coverage of a year equals a recount from the centers and their set-up dates', async () => {
  const centers = await allCenters();
  for (const year of [2016, 2017, 2018, 2021]) {
    const coverage = (await t.inject<Coverage>({ method: 'GET', url: `/api/v1/centers/coverage?year=${year}` })).body;
    const set = new Set(
      centers.filter((center) => center.establishedOn <= `${year}-12-31`).map((center) => center.regionCode),
    );
    assert.equal(coverage.province.regions, regions.length);
    assert.equal(coverage.province.covered, regions.filter((region) => set.has(region.code)).length);
    for (const city of coverage.cities) {
      const own = regions.filter((region) => region.code === city.regionCode || region.parentCode === city.regionCode);
      assert.equal(city.regions, own.length, city.name);
      assert.equal(city.covered, own.filter((region) => set.has(region.code)).length, city.name);
      assert.deepEqual(
        city.uncovered.map((region) => region.code),
        own.filter((region) => !set.has(region.code)).map((region) => region.code),
      );
    }
    const share = Math.floor((coverage.province.covered * 1000) / coverage.province.regions) / 10;
    assert.equal(coverage.province.share, share);
    assert.equal(
      coverage.province.meetsTarget,
      year < 2017 ? null : year === 2017 ? coverage.province.citiesCovered === 21 : share > 90,
    );
  }
});

test('a county without a center lowers its city’s coverage', async () => {
  const year = 2030;
  const read = async () =>
    (await t.inject<Coverage>({ method: 'GET', url: `/api/v1/centers/coverage?year=${year}` })).body.cities.find(
      (city) => city.regionCode === '440600',
    )!;
  const before = await read();
  assert.equal(before.uncovered.length, 0);
  await t.database.db.deleteFrom('centers').where('region_code', '=', '440606').execute();
  const afterwards = await read();
  assert.equal(afterwards.covered, before.covered - 1);
  assert.ok(afterwards.share < before.share);
  assert.deepEqual(
    afterwards.uncovered.map((region) => region.code),
    ['440606'],
  );
});

test('its own administrator changes the record (If-Match, on the audit log); a stale revision is 412', async () => {
  const changed = await patch(
    'usr-admin-440500',
    'ctr-440500',
    { staffCount: 20, qualifiedStaffCount: 16 },
    '"ctr-440500.r0"',
  );
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal(changed.body.staffCount, 20);
  assert.equal(changed.body.qualifiedShare, 80);
  assert.equal(changed.body.revision, 1);
  assert.equal(changed.headers.get('etag'), '"ctr-440500.r1"');
  assert.equal((await patch('usr-admin-440500', 'ctr-440500', { floorArea: 900 }, '"ctr-440500.r0"')).status, 412);
  const log = await t.inject<AuditLogPage>({
    method: 'GET',
    url: '/api/v1/audit-log?entityType=center',
    headers: { authorization: `Bearer ${await t.tokenFor('usr-admin-440500')}` },
  });
  const entry = log.body.items.find((item) => item.entityId === 'ctr-440500');
  assert.ok(entry, JSON.stringify(log.body));
  assert.equal(entry.action, 'center.update');
  assert.deepEqual(entry.after, { staff_count: 20, qualified_staff_count: 16 });
});

test('more qualified staff than staff, or a set-up day after today, is 422 naming the field; the row stays', async () => {
  const refused = await patch('usr-admin-440100', 'ctr-440100', { staffCount: 4, qualifiedStaffCount: 5 });
  assert.equal(refused.status, 422);
  assert.deepEqual(
    refused.body.errors?.map((error) => error.path),
    ['body.qualifiedStaffCount'],
  );
  const later = await patch('usr-admin-440100', 'ctr-440100', { establishedOn: '2199-01-01' });
  assert.deepEqual(
    later.body.errors?.map((error) => error.path),
    ['body.establishedOn'],
  );
  const phone = await patch('usr-admin-440100', 'ctr-440100', { phone: 'call us' });
  assert.equal(phone.status, 400);
  const center = (await t.inject<Center>({ method: 'GET', url: '/api/v1/centers/ctr-440100' })).body;
  assert.equal(center.revision, 0);
});

test('only the center’s own administrators: the province, its staff and another center are 403', async () => {
  for (const userId of ['usr-admin-440000', 'usr-staff-440100', 'usr-admin-440500', 'usr-admin-440604']) {
    assert.equal((await patch(userId, 'ctr-440100', { openingHours: '全天' })).status, 403, userId);
  }
  // The database holds the counts together whatever a writer forgets.
  await assert.rejects(
    t.database.db
      .updateTable('centers')
      .set({ qualified_staff_count: 99, staff_count: 1 })
      .where('id', '=', 'ctr-440100')
      .execute(),
  );
});
