// Accounts from a real issuer: a token of the configured identity provider whose claims describe a user the platform
// does not know yet creates the user (and the enterprise) on first use, updates it when the claims change, and is a
// 401 naming the claim when they do not fit. The issuer is a second, test-only one (test-support/test-issuer.ts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { usccCheckCharacter } from '@smec/schemas';
import type { JWTPayload } from 'jose';
import { startTestIssuer, type TestIssuer } from '../../../test-support/test-issuer.js';
import { accountClaimsOf, ClaimRejected, DEFAULT_CLAIM_NAMES, quoted } from '../src/auth/claims.js';
import { userIdOfSubject } from '../src/auth/accounts.js';
import { claimNamesFrom, resolveOptions } from '../src/config.js';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { assertProblem, type JsonResponse } from './helpers.js';
import { startChildServer } from './ops-helpers.js';
import { insertBatch } from './voucher-helpers.js';
import { createTestDatabase } from '../../../test-support/server.js';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
let serial = 0;

/** A fresh, valid credit code issued in `division` (its characters 3–8). */
function usccIn(division: string): string {
  serial++;
  let tail = '';
  for (let n = serial * 7919 + process.pid; tail.length < 8; n = Math.floor(n / USCC_CHARS.length) + 13) {
    tail += USCC_CHARS[n % USCC_CHARS.length];
  }
  const body = `91${division}MA${tail.slice(0, 7)}`;
  return `${body}${usccCheckCharacter(body)}`;
}

/** The same code with a wrong check character. */
function badCheck(uscc: string): string {
  const right = uscc.slice(-1);
  return `${uscc.slice(0, 17)}${right === '0' ? '1' : '0'}`;
}

let subjects = 0;
const newSubject = () => `idp-user-${process.pid}-${++subjects}`;

function enterpriseClaims(uscc: string, overrides: JWTPayload = {}): JWTPayload {
  return {
    smec_role: 'enterprise',
    name: '陈经理',
    smec_uscc: uscc,
    smec_enterprise_name: '佛山市新登记科技有限公司',
    ...overrides,
  };
}

let issuer: TestIssuer;
let t: TestApp;

/** A read with `token`, its problems asked in English (the claim refusals are matched as English text). */
async function get<T = unknown>(app: TestApp, url: string, token: string): Promise<JsonResponse<T>> {
  return app.inject<T>({
    method: 'GET',
    url: `/api/v1${url}`,
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
  });
}

async function userRow(app: TestApp, id: string) {
  return app.database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

async function enterpriseRow(app: TestApp, uscc: string) {
  return app.database.db.selectFrom('enterprises').selectAll().where('uscc', '=', uscc).executeTakeFirst();
}

async function enterpriseCount(app: TestApp): Promise<number> {
  const row = await app.database.db
    .selectFrom('enterprises')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

before(async () => {
  issuer = await startTestIssuer();
  t = await openTestApp({ demoAuth: false, auth: resolveOptions({}, issuer.env).auth });
});
after(async () => {
  await t?.close();
  await issuer?.close();
});

describe('an enterprise signing in for the first time', () => {
  test('creates its user and its enterprise, whose own reads and a claim then work', async () => {
    const subject = newSubject();
    const uscc = usccIn('440604');
    const token = await issuer.sign(subject, enterpriseClaims(uscc));

    const vouchers = await get<{ items: unknown[] }>(t, '/me/vouchers', token);
    assert.equal(vouchers.status, 200, JSON.stringify(vouchers.body));
    assert.deepEqual(vouchers.body.items, []);
    assert.equal((await get(t, '/me/registrations', token)).status, 200);

    assert.deepEqual(
      { ...(await userRow(t, subject)), position: undefined },
      {
        id: subject,
        name: '陈经理',
        role: 'enterprise',
        organization: '佛山市新登记科技有限公司',
        region_code: '440604',
        enterprise_id: `ent-${uscc.toLowerCase()}`,
        provider_id: null,
        position: undefined,
        staff_role: null,
        active: 1,
        revision: 0,
        mobile: null,
        email: null,
        locale: null,
      },
    );
    const enterprise = await enterpriseRow(t, uscc);
    assert.deepEqual(enterprise, {
      id: `ent-${uscc.toLowerCase()}`,
      uscc,
      name: '佛山市新登记科技有限公司',
      size: 'unknown',
      industry: '',
      region_code: '440604',
      city_code: '440600',
      founded_on: '',
      employees: 0,
      tags: '[]',
      legal_representative: '',
    });

    // The claim route reads the user in its own SQL, with only the token's subject: the row exists by then. The
    // enterprise's size is not on record, so no batch is claimable, and the refusal says why.
    await insertBatch(t, { id: 'bat-issuer-open' });
    const claim = await t.inject({
      method: 'POST',
      url: '/api/v1/voucher-batches/bat-issuer-open/claims',
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
    });
    const problem = assertProblem(claim, 403, 'not_eligible');
    assert.equal(problem['reason'], 'size');
    assert.match(problem.detail ?? '', /size \(micro, small or medium\) is not on record/);
  });

  test('a credit code the platform knows links the user to that enterprise and leaves its profile alone', async () => {
    const seeded = await t.database.db
      .selectFrom('users as u')
      .innerJoin('enterprises as e', 'e.id', 'u.enterprise_id')
      .select(['e.id', 'e.uscc', 'e.name', 'e.size', 'e.region_code', 'e.legal_representative'])
      .where('u.id', '=', 'usr-ent-01')
      .executeTakeFirstOrThrow();
    const subject = newSubject();
    const token = await issuer.sign(subject, enterpriseClaims(seeded.uscc, { smec_enterprise_name: seeded.name }));
    assert.equal((await get(t, '/me/vouchers', token)).status, 200);
    const user = await userRow(t, subject);
    assert.equal(user?.enterprise_id, seeded.id);
    assert.equal(user?.region_code, seeded.region_code);
    const enterprise = await enterpriseRow(t, seeded.uscc);
    assert.deepEqual(
      [enterprise?.id, enterprise?.size, enterprise?.legal_representative],
      [seeded.id, seeded.size, seeded.legal_representative],
    );
  });

  test('two first requests at once make one user and one enterprise', async () => {
    const subject = newSubject();
    const uscc = usccIn('440305');
    const token = await issuer.sign(
      subject,
      enterpriseClaims(uscc, { smec_enterprise_name: '深圳市并发测试有限公司' }),
    );
    const answers = await Promise.all(Array.from({ length: 6 }, () => get(t, '/me/vouchers', token)));
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 200, 200, 200, 200, 200],
    );
    const users = await t.database.db.selectFrom('users').select('id').where('id', '=', subject).execute();
    const enterprises = await t.database.db.selectFrom('enterprises').select('id').where('uscc', '=', uscc).execute();
    assert.equal(users.length, 1);
    assert.equal(enterprises.length, 1);
  });
});

describe('later sign-ins', () => {
  test('a new name in the claims updates the user and the enterprise', async () => {
    const subject = newSubject();
    const uscc = usccIn('440604');
    await get(t, '/me/vouchers', await issuer.sign(subject, enterpriseClaims(uscc)));
    const renamed = await issuer.sign(
      subject,
      enterpriseClaims(uscc, { name: '陈总', smec_enterprise_name: '佛山市更名科技有限公司' }),
    );
    assert.equal((await get(t, '/me/vouchers', renamed)).status, 200);
    const user = await userRow(t, subject);
    assert.deepEqual([user?.name, user?.organization], ['陈总', '佛山市更名科技有限公司']);
    assert.equal((await enterpriseRow(t, uscc))?.name, '佛山市更名科技有限公司');
  });

  test('claims that match the stored account write nothing', async () => {
    const provider = await t.database.db.selectFrom('providers').select(['id', 'name']).executeTakeFirstOrThrow();
    const subject = newSubject();
    const claims = { smec_role: 'provider', name: '李顾问', smec_provider_id: provider.id };
    assert.equal((await get(t, '/ratings', await issuer.sign(subject, claims))).status, 200);
    assert.equal((await userRow(t, subject))?.organization, provider.name);
    // A write would set the organisation back to the provider's name; one read that finds the claims' account does
    // not write at all.
    await t.database.db.updateTable('users').set({ organization: 'marker' }).where('id', '=', subject).execute();
    assert.equal((await get(t, '/ratings', await issuer.sign(subject, claims))).status, 200);
    assert.equal((await userRow(t, subject))?.organization, 'marker');
  });

  test('a role change is taken as the claims say, and nothing of the old role stays', async () => {
    const provider = await t.database.db.selectFrom('providers').select(['id', 'city_code']).executeTakeFirstOrThrow();
    const subject = newSubject();
    await get(t, '/me/vouchers', await issuer.sign(subject, enterpriseClaims(usccIn('440604'))));
    const now = await issuer.sign(subject, { smec_role: 'provider', name: '陈经理', smec_provider_id: provider.id });
    assertProblem(await get(t, '/me/vouchers', now), 403, 'forbidden');
    const user = await userRow(t, subject);
    assert.deepEqual(
      [user?.role, user?.enterprise_id, user?.provider_id, user?.region_code],
      ['provider', null, provider.id, provider.city_code],
    );
  });
});

describe('staff and providers', () => {
  test('a center staff member of an existing region signs in as its administrator', async () => {
    const subject = newSubject();
    const token = await issuer.sign(subject, { smec_role: 'admin', name: '王科长', smec_region: '440600' });
    assert.equal((await get(t, '/demands', token)).status, 200);
    const user = await userRow(t, subject);
    assert.deepEqual(
      [user?.role, user?.region_code, user?.organization, user?.enterprise_id, user?.provider_id],
      ['admin', '440600', '佛山市中小企业服务中心', null, null],
    );
    assert.equal(user?.staff_role, 'admin');
  });

  test('the staff-role claim sets the level; a token without it keeps the one the center gave', async () => {
    const subject = newSubject();
    const claims = { smec_role: 'admin', name: '李专员', smec_region: '440600' };
    const viewer = await issuer.sign(subject, { ...claims, smec_staff_role: 'viewer' });
    assert.equal((await get(t, '/demands', viewer)).status, 200);
    assert.equal((await userRow(t, subject))?.staff_role, 'viewer');
    const move = await t.inject({
      method: 'POST',
      url: '/api/v1/demands/dmd-00002/transitions',
      headers: { authorization: `Bearer ${viewer}` },
      payload: { action: 'accept' },
    });
    assertProblem(move, 403, 'forbidden');
    // The center makes the account a staff member; the identity provider's next token says nothing of the level.
    await t.database.db.updateTable('users').set({ staff_role: 'staff' }).where('id', '=', subject).execute();
    const silent = await issuer.sign(subject, { ...claims, name: '李主任' });
    assert.equal((await get(t, '/demands', silent)).status, 200);
    const user = await userRow(t, subject);
    assert.deepEqual([user?.name, user?.staff_role], ['李主任', 'staff']);
  });

  test("a deactivated account's token is refused, though its claims describe it", async () => {
    const subject = newSubject();
    const token = await issuer.sign(subject, { smec_role: 'admin', name: '赵科长', smec_region: '440600' });
    assert.equal((await get(t, '/demands', token)).status, 200);
    await t.database.db.updateTable('users').set({ active: 0 }).where('id', '=', subject).execute();
    const again = await issuer.sign(subject, { smec_role: 'admin', name: '赵处长', smec_region: '440600' });
    assertProblem(await get(t, '/demands', again), 403, 'forbidden');
    assert.equal((await userRow(t, subject))?.active, 0);
  });
});

describe('claims that do not fit are a 401 naming the claim', () => {
  const refusals: [string, () => JWTPayload, RegExp][] = [
    ['an unknown role', () => ({ smec_role: 'guest', name: '访客' }), /^claim smec_role: unknown role 'guest'/],
    [
      'a bad credit code check character',
      () => enterpriseClaims(badCheck(usccIn('440604'))),
      /^claim smec_uscc: '91440604MA\w{8}' has a bad check character/,
    ],
    [
      'a credit code issued outside the platform’s regions',
      () => enterpriseClaims(usccIn('110105')),
      /^claim smec_uscc: its administrative division 110105 \(characters 3–8\) is not a region of this platform$/,
    ],
    [
      'an unknown provider',
      () => ({ smec_role: 'provider', name: '李顾问', smec_provider_id: 'prv-no-such' }),
      /^claim smec_provider_id: no provider 'prv-no-such'$/,
    ],
    [
      'a staff region that does not exist',
      () => ({ smec_role: 'admin', name: '王科长', smec_region: '449999' }),
      /^claim smec_region: no region '449999'$/,
    ],
    ['a missing name', () => ({ smec_role: 'admin', smec_region: '440600' }), /^claim name: missing$/],
    [
      'an enterprise without its credit code',
      () => ({ smec_role: 'enterprise', name: '陈经理', smec_enterprise_name: '某公司' }),
      /^claim smec_uscc: missing$/,
    ],
  ];
  for (const [what, claims, detail] of refusals) {
    test(what, async () => {
      const subject = newSubject();
      const made = claims();
      const enterprisesBefore = await enterpriseCount(t);
      const answer = await get(t, '/me/vouchers', await issuer.sign(subject, made));
      const problem = assertProblem(answer, 401, 'unauthorized');
      assert.match(problem.detail ?? '', detail);
      assert.equal(answer.headers.get('www-authenticate'), 'Bearer');
      assert.equal(await userRow(t, subject), undefined, 'no user is made');
      assert.equal(await enterpriseCount(t), enterprisesBefore, 'no enterprise is made');
    });
  }

  test('a subject-only route refuses them the same way', async () => {
    const token = await issuer.sign(newSubject(), { smec_role: 'guest', name: '访客' });
    const answer = await t.inject({
      method: 'POST',
      url: '/api/v1/voucher-batches/bat-issuer-open/claims',
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
    });
    assert.match(assertProblem(answer, 401, 'unauthorized').detail ?? '', /^claim smec_role: unknown role/);
  });

  test('the detail quotes a short, one-line prefix of the token’s value and nothing of the server', async () => {
    const answer = await get(
      t,
      '/me/vouchers',
      await issuer.sign(newSubject(), { smec_role: `x\n${'y'.repeat(500)}` }),
    );
    const detail = assertProblem(answer, 401, 'unauthorized').detail ?? '';
    assert.equal(
      detail,
      `claim smec_role: unknown role 'x ${'y'.repeat(38)}…' (expected enterprise, provider or admin)`,
    );
  });
});

describe('tokens without account claims', () => {
  test('name an existing user by their subject, as today', async () => {
    assert.equal((await get(t, '/me/vouchers', await issuer.sign('usr-ent-01'))).status, 200);
  });

  test('naming nobody are refused without telling why', async () => {
    const answer = await get(t, '/me/vouchers', await issuer.sign(newSubject()));
    assert.match(assertProblem(answer, 401, 'unauthorized').detail ?? '', /^The token is not valid/);
  });

  test('a token of another issuer is refused before any claim is read', async () => {
    const other = await startTestIssuer();
    try {
      const answer = await get(t, '/me/vouchers', await other.sign(newSubject(), { smec_role: 'guest' }));
      assert.match(assertProblem(answer, 401, 'unauthorized').detail ?? '', /^The token is not valid/);
    } finally {
      await other.close();
    }
  });
});

test('a subject that is not a platform id gets a stable id of its own', async () => {
  const subject = `Auth0|${process.pid}|ABC`;
  const token = await issuer.sign(subject, enterpriseClaims(usccIn('440604')));
  assert.equal((await get(t, '/me/vouchers', token)).status, 200);
  const id = userIdOfSubject(subject);
  assert.match(id, /^sub-[0-9a-f]{32}$/);
  assert.equal((await userRow(t, id))?.name, '陈经理');
  assert.equal(userIdOfSubject(subject.toLowerCase()) === id, false, 'subjects are case-sensitive');
  assert.equal(userIdOfSubject('usr-ent-01'), 'usr-ent-01');
});

describe('claim names', () => {
  const RENAMED = {
    SMEC_CLAIM_ROLE: 'gd_role',
    SMEC_CLAIM_NAME: 'gd_name',
    SMEC_CLAIM_USCC: 'gd_tyshxydm',
    SMEC_CLAIM_ENTERPRISE_NAME: 'gd_qymc',
    SMEC_CLAIM_PROVIDER: 'gd_fwjg',
    SMEC_CLAIM_REGION: 'gd_xzqh',
    SMEC_CLAIM_STAFF_ROLE: 'gd_gzry',
  };

  test('are read from SMEC_CLAIM_*, with documented defaults; malformed or clashing names are refused', () => {
    assert.deepEqual(claimNamesFrom({}), DEFAULT_CLAIM_NAMES);
    assert.deepEqual(DEFAULT_CLAIM_NAMES, {
      role: 'smec_role',
      name: 'name',
      uscc: 'smec_uscc',
      enterpriseName: 'smec_enterprise_name',
      provider: 'smec_provider_id',
      region: 'smec_region',
      staffRole: 'smec_staff_role',
    });
    assert.deepEqual(claimNamesFrom(RENAMED), {
      role: 'gd_role',
      name: 'gd_name',
      uscc: 'gd_tyshxydm',
      enterpriseName: 'gd_qymc',
      provider: 'gd_fwjg',
      region: 'gd_xzqh',
      staffRole: 'gd_gzry',
    });
    assert.equal(claimNamesFrom({ SMEC_CLAIM_ROLE: '  ' }).role, 'smec_role');
    assert.throws(() => claimNamesFrom({ SMEC_CLAIM_ROLE: 'has space' }), /SMEC_CLAIM_ROLE must be a claim name/);
    assert.throws(() => claimNamesFrom({ SMEC_CLAIM_NAME: 'sub' }), /registered claim sub/);
    assert.throws(() => claimNamesFrom({ SMEC_CLAIM_REGION: 'smec_role' }), /the claim smec_role twice/);
    assert.deepEqual(resolveOptions({}, RENAMED).auth.claims, claimNamesFrom(RENAMED));
  });

  test('renamed, they are the ones read, in the refusals too', async () => {
    const renamed = await openTestApp({
      demoAuth: false,
      auth: resolveOptions({}, { ...issuer.env, ...RENAMED }).auth,
    });
    try {
      const subject = newSubject();
      const uscc = usccIn('440604');
      const token = await issuer.sign(subject, {
        gd_role: 'enterprise',
        gd_name: '黄女士',
        gd_tyshxydm: uscc,
        gd_qymc: '佛山市改名声明有限公司',
      });
      assert.equal((await get(renamed, '/me/vouchers', token)).status, 200);
      assert.equal((await userRow(renamed, subject))?.organization, '佛山市改名声明有限公司');

      const bad = await issuer.sign(newSubject(), {
        gd_role: 'enterprise',
        gd_name: '黄女士',
        gd_tyshxydm: badCheck(uscc),
      });
      const detail = assertProblem(await get(renamed, '/me/vouchers', bad), 401, 'unauthorized').detail ?? '';
      assert.match(detail, /^claim gd_tyshxydm: /);
      // The default names mean nothing now: a token with only those names a user by its subject, and none exists.
      const defaults = await issuer.sign(newSubject(), enterpriseClaims(usccIn('440604')));
      assert.match(
        assertProblem(await get(renamed, '/me/vouchers', defaults), 401, 'unauthorized').detail ?? '',
        /^The token is not valid/,
      );
    } finally {
      await renamed.close();
    }
  });

  test('the command takes the issuer and the claim names from its environment', async () => {
    const database = await createTestDatabase();
    const server = await startChildServer(database.env, {
      env: { SMEC_DEMO: '', ...issuer.env, SMEC_CLAIM_ROLE: 'gd_role', SMEC_CLAIM_USCC: 'gd_tyshxydm' },
    });
    try {
      const subject = newSubject();
      const token = await issuer.sign(subject, {
        gd_role: 'enterprise',
        name: '周经理',
        gd_tyshxydm: usccIn('440604'),
        smec_enterprise_name: '佛山市子进程测试有限公司',
      });
      const answer = await fetch(`${server.apiUrl}/me/vouchers`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(answer.status, 200, await answer.clone().text());
      const refused = await fetch(`${server.apiUrl}/me/vouchers`, {
        headers: {
          authorization: `Bearer ${await issuer.sign(newSubject(), { gd_role: 'guest', name: 'x' })}`,
          'accept-language': 'en',
        },
      });
      assert.equal(refused.status, 401);
      assert.match(((await refused.json()) as { detail: string }).detail, /^claim gd_role: unknown role 'guest'/);
    } finally {
      await server.kill();
      await database.dispose();
    }
  });
});

describe('accountClaimsOf', () => {
  const isRegion = (code: string) => code === '440600';
  const of = (payload: JWTPayload) => accountClaimsOf(payload, DEFAULT_CLAIM_NAMES, isRegion);
  const refusal = (payload: JWTPayload) => {
    try {
      of(payload);
    } catch (error) {
      assert.ok(error instanceof ClaimRejected);
      return error.message;
    }
    assert.fail('not refused');
  };

  test('no role claim: the token names its user by subject alone', () => {
    assert.equal(of({ sub: 'usr-ent-01', name: 'x' }), undefined);
  });

  test('each role takes its claims, trimmed; a credit code in lower case is the same code', () => {
    const uscc = usccIn('440604');
    assert.deepEqual(of(enterpriseClaims(uscc.toLowerCase(), { name: ' 陈经理 ' })), {
      role: 'enterprise',
      name: '陈经理',
      uscc,
      enterpriseName: '佛山市新登记科技有限公司',
    });
    assert.deepEqual(of({ smec_role: 'provider', name: 'a', smec_provider_id: 'prv-0001' }), {
      role: 'provider',
      name: 'a',
      providerId: 'prv-0001',
    });
    assert.deepEqual(of({ smec_role: 'admin', name: 'a', smec_region: '440600' }), {
      role: 'admin',
      name: 'a',
      regionCode: '440600',
    });
  });

  test('refusals name the claim', () => {
    assert.equal(refusal({ smec_role: 1 }), 'claim smec_role: must be a string');
    assert.equal(refusal({ smec_role: 'admin', name: '  ', smec_region: '440600' }), 'claim name: empty');
    assert.equal(
      refusal({ smec_role: 'admin', name: 'a'.repeat(101), smec_region: '440600' }),
      'claim name: longer than 100 characters',
    );
    assert.equal(
      refusal({ smec_role: 'admin', name: 'a', smec_region: '440601' }),
      "claim smec_region: no region '440601'",
    );
    assert.equal(
      refusal(enterpriseClaims('91440604MA12345')),
      "claim smec_uscc: '91440604MA12345' is not an 18-character unified social credit code",
    );
    assert.equal(
      refusal({ smec_role: 'provider', name: 'a', smec_provider_id: 'PRV 1' }),
      "claim smec_provider_id: 'PRV 1' is not an id",
    );
    assert.equal(quoted('a\u0000b'), "'a b'");
  });
});
