// How the matrix derives the outcomes of A's city's viewer and staff member from its administrator's, so that a row
// that names neither still judges them by their levels.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callerOf, expectedOf, isPastAuthorization, seesMarker, type Expectation } from './authorization-helpers.js';

const CITY: Expectation = {
  anonymous: 401,
  enterpriseA: 403,
  enterpriseB: 403,
  provider: 403,
  adminOther: 404,
  adminHere: 'allow',
};
const ANYONE: Expectation = { ...CITY, anonymous: 'allow', enterpriseA: 'allow', adminOther: 'allow' };

test("a viewer reads what the city's administrator reads, and is 403 on every write it may make", () => {
  assert.equal(expectedOf(CITY, 'viewer', 'getDemand'), 'allow');
  assert.equal(expectedOf(CITY, 'viewer', 'transitionDemand'), 403);
  assert.equal(expectedOf({ ...CITY, adminHere: 404 }, 'viewer', 'transitionDemand'), 403);
  // What anyone may do, a viewer may too.
  assert.equal(expectedOf(ANYONE, 'viewer', 'createDemand'), 'allow');
});

test('a staff member works as the administrator, but is 403 on the operations of its level', () => {
  assert.equal(expectedOf(CITY, 'staff', 'transitionDemand'), 'allow');
  assert.equal(expectedOf(CITY, 'staff', 'getDemand'), 'allow');
  assert.equal(expectedOf(CITY, 'staff', 'inviteStaff'), 403);
  assert.equal(expectedOf(CITY, 'viewer', 'listAuditLog'), 403);
  assert.equal(expectedOf({ ...CITY, adminHere: 403 }, 'staff', 'claimVoucher'), 403);
});

test('a row that names a staff caller decides for it', () => {
  assert.equal(expectedOf({ ...CITY, staff: 404 }, 'staff', 'transitionDemand'), 404);
  assert.equal(expectedOf({ ...CITY, viewer: 'allow' }, 'viewer', 'transitionDemand'), 'allow');
});

test("staff callers see a list's marker as the city's administrator does, and send its call unless a row has theirs", () => {
  assert.equal(seesMarker(['adminHere'], 'viewer'), true);
  assert.equal(seesMarker(['enterpriseA'], 'staff'), false);
  assert.equal(callerOf('staff'), 'adminHere');
  assert.equal(callerOf('staff', ['staff']), 'staff');
  assert.equal(callerOf('provider'), 'provider');
});

test('a conflict or a stale version is past authorization; a refusal is not', () => {
  const answer = (status: number, code: string) => ({
    status,
    headers: new Headers(),
    body: { type: `https://smec.example/problems/${code}`, title: code, status, code },
  });
  assert.equal(isPastAuthorization(answer(409, 'conflict')), true);
  assert.equal(isPastAuthorization(answer(412, 'precondition_failed')), true);
  assert.equal(isPastAuthorization(answer(403, 'forbidden')), false);
  assert.equal(isPastAuthorization(answer(404, 'not_found')), false);
});
