// Who may call what: every operation of the served OpenAPI document, called as each of six callers, must be let
// through or refused as DOMAIN.md's roles say. A new operation without a row fails the first test, so nobody adds
// one without deciding who may call it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemandInput, Engagement, EngagementPage } from '@smec/schemas';
import { usccCheckCharacter } from '@smec/schemas/rules';
import type { OperationId } from '@smec/schemas/openapi';
import { startTestServer, testNow } from '../../../test-support/server.js';
import {
  NAMED_PRINCIPALS,
  PRINCIPALS,
  callerOf,
  cellOf,
  exampleCall,
  expectedOf,
  matrixTable,
  seesMarker,
  type Expectation,
  mismatchOf,
  operation,
  send,
  signIn,
  type Call,
  type Outcome,
  type PrincipalName,
  type Session,
} from './authorization-helpers.js';
import { request } from './helpers.js';
import { DEMO_DRAFTS, DEMO_FILE } from '@smec/schemas/openapi';
import {
  changesRequestedApplications,
  insertChangesRequested,
  usccOf,
  type KeyedApplication,
} from './application-draft-helpers.js';

// Every caller applies and saves a draft from one address here, and the fixtures add the applications the centers
// review: more than a public form's allowance for one visitor (the limits have their own tests).
process.env['SMEC_DEMAND_RATE_LIMIT'] = '1000/60';

/** Resources made or found for the matrix, all of enterprise A or of A's city. */
interface Fixtures {
  /** A demand submitted in A's region for this test, still `submitted`. */
  readonly demandId: string;
  readonly demandRegion: string;
  /** The voucher of A's engagement ordered from the provider: A, the provider and A's city may see it. */
  readonly usedVoucherId: string;
  /** A's delivered engagement that A has not accepted yet. */
  readonly toAccept: string;
  /** A's accepted engagement that no example uses, for the administrator to settle. */
  readonly toSettle: string;
  /** Another, for the province to settle. */
  readonly toSettleByProvince: string;
  /** The licence of an application to join in A's county: its reviewers, A's city among them, read it without a key. */
  readonly reviewedFileId: string;
  /** A draft of each caller's own, to submit. */
  readonly drafts: Readonly<Record<PrincipalName, { readonly applicationNo: string; readonly resumeKey: string }>>;
  /** Applications in A's county, still `submitted`: one for A's city to approve, one for the province. */
  readonly applicationId: string;
  readonly applicationIdForProvince: string;
  /** A draft batch of A's city's center, to change and move. */
  readonly cityBatchId: string;
  /** Two unused vouchers of A's of open batches of A's city's center: one for the city to revoke, one for the province. */
  readonly revocable: readonly [string, string];
  /** Three policies of A's city: one to change, one for the city to withdraw, one for the province. */
  readonly cityPolicies: readonly [string, string, string];
  /** What the city's staff member moves: a demand and an application of A's county, and an engagement to settle. */
  readonly forStaff: { readonly demandId: string; readonly applicationId: string; readonly toSettle: string };
  /** An entry of the audit log of A's city (a move of A's city's administrator made for the matrix). */
  readonly auditEntryId: string;
  /** A staff account of A's city invited for the matrix, whose level the administrators change. */
  readonly invitedStaffId: string;
  /** An accepted demand of A's county that the centers propose providers for, and a listed provider for each. */
  readonly toPropose: string;
  readonly proposable: { readonly adminHere: string; readonly adminProvince: string; readonly staff: string };
  /** A demand of A's county for each center that transfers one: up to the province, or down to A's city. */
  readonly toTransfer: { readonly adminHere: string; readonly adminProvince: string; readonly staff: string };
}

/** An application of each caller's own whose reviewer asked for changes, written into the database before start. */
const CHANGES_REQUESTED = Object.fromEntries(
  changesRequestedApplications('AP09', PRINCIPALS.length).map((application, index) => [PRINCIPALS[index], application]),
) as Record<PrincipalName, KeyedApplication>;

/** The whole application a caller submits from its draft: an organisation of its own, the draft's licence. */
function submissionOf(who: PrincipalName): unknown {
  const body = exampleCall('submitProviderApplicationDraft').body as { organisation: Record<string, unknown> };
  return { ...body, organisation: { ...body.organisation, uscc: usccOf('MD05', PRINCIPALS.indexOf(who)) } };
}

interface Row {
  readonly id: OperationId;
  readonly expect: Expectation;
  /** What each caller sends; by default the documented example, which acts on A's or the provider's resources. */
  readonly call?: (fixtures: Fixtures, who: PrincipalName) => Call;
  /** For a list: one of A's resources, which the answer must hold for exactly these callers. */
  readonly marker?: { readonly id: (fixtures: Fixtures) => string; readonly seenBy: readonly PrincipalName[] };
  /** The resources called on, for the printed table, when the call's parameters do not say it. */
  readonly on?: (fixtures: Fixtures) => string;
  /**
   * The staff callers `call` makes calls of their own for; the others send the city administrator's call
   * (`callerOf`), and a conflict with what it did counts as let through.
   */
  readonly ownCalls?: readonly PrincipalName[];
}

const all = (outcome: Outcome) =>
  Object.fromEntries(NAMED_PRINCIPALS.map((who) => [who, outcome])) as Record<
    (typeof NAMED_PRINCIPALS)[number],
    Outcome
  >;

/** Reference, catalog, events, batches, public ratings, policies, stats, demands' submission and lookup, demo. */
const ANYONE = all('allow');
/** A list each signed-in user may read, scoped to what is theirs (checked with a marker). */
const SIGNED_IN = { ...all('allow'), anonymous: 401 } as const;
/** An enterprise acting for itself (its own lists, registering, claiming): no other role may. */
const ENTERPRISES = {
  anonymous: 401,
  enterpriseA: 'allow',
  enterpriseB: 'allow',
  provider: 403,
  adminOther: 403,
  adminHere: 403,
} as const;
/** A's own voucher, registration, engagement or rating, acted on as only its holder may; to B it does not exist. */
const A_ONLY = { ...ENTERPRISES, enterpriseB: 404 } as const;
/** A's dealings with the provider: the two parties, A's city and the province see them; to others they do not exist. */
const PARTIES_AND_CITY = {
  anonymous: 401,
  enterpriseA: 'allow',
  enterpriseB: 404,
  provider: 'allow',
  providerOther: 404,
  adminOther: 404,
  adminHere: 'allow',
} as const;
/** A demand of A's city: its administrators only; to another city's it does not exist. */
const CITY_ADMIN = {
  anonymous: 401,
  enterpriseA: 403,
  enterpriseB: 403,
  provider: 403,
  adminOther: 404,
  adminHere: 'allow',
} as const;

/** Center staff acting for their own center (a new batch, a policy): every center has one; no other role. */
const CENTER_OWN = { ...all(403), anonymous: 401, adminOther: 'allow', adminHere: 'allow' } as const;
/** A resource of A's city's center: its staff and the province; to another city or a county below it, it does not exist. */
const ISSUER_AND_ABOVE = { ...CITY_ADMIN, adminCounty: 404 } as const;

/** A provider acting on its own (its products, its profile): every provider has its own; no other role has any. */
const OWN_PROVIDER_LIST = { ...all(403), anonymous: 401, provider: 'allow' } as const;
/** One of the provider's own resources: to another provider it does not exist. */
const OWN_PROVIDER = { ...OWN_PROVIDER_LIST, providerOther: 404 } as const;

/** The credit code of the provider of A's city that the centers move (transitionProvider's example), as seeded. */
const DEMO_PROVIDER_USCC = '9144052344D7G60E8R';

const param = (id: OperationId, name: string): string => {
  const value = exampleCall(id).params?.[name];
  if (value === undefined) throw new Error(`The example of ${id} has no ${name}`);
  return value;
};

/** The example application, for an organisation of the caller's own (a law firm's USCC, 31…, with its check character). */
function applicationOf(who: PrincipalName): unknown {
  const body = exampleCall('createProviderApplication').body as { organisation: Record<string, unknown> };
  const first17 = `31440000MD07${String(PRINCIPALS.indexOf(who)).padStart(5, '0')}`;
  const uscc = `${first17}${usccCheckCharacter(first17) ?? ''}`;
  return { ...body, organisation: { ...body.organisation, uscc } };
}

/** The engagement moves: each role makes its own, on an engagement where the state allows it. */
function engagementMove(fixtures: Fixtures, who: PrincipalName): Call {
  if (who === 'staff' || who === 'viewer')
    return { params: { id: fixtures.forStaff.toSettle }, body: { action: 'settle' } };
  if (who === 'enterpriseA' || who === 'enterpriseB')
    return { params: { id: fixtures.toAccept }, body: { action: 'accept' } };
  if (who === 'adminCounty' || who === 'adminOther' || who === 'adminHere' || who === 'adminProvince')
    return {
      params: { id: who === 'adminProvince' ? fixtures.toSettleByProvince : fixtures.toSettle },
      body: { action: 'settle' },
    };
  // The provider confirms its order (the example), which is also what the anonymous caller tries.
  return exampleCall('transitionEngagement');
}

/**
 * The matrix, run in this order: reads before the writes, and every allowed write on a resource of its own, so that
 * no write changes what another row finds. Within a row the refusals run first; they change nothing.
 */
const ROWS: readonly Row[] = [
  { id: 'getHealth', expect: ANYONE },
  { id: 'getOpenApiDocument', expect: ANYONE },
  { id: 'listRegions', expect: ANYONE },
  { id: 'listCategories', expect: ANYONE },
  { id: 'listProviders', expect: ANYONE },
  { id: 'getProvider', expect: ANYONE },
  { id: 'listProducts', expect: ANYONE },
  { id: 'getProduct', expect: ANYONE },
  { id: 'listProviderRatings', expect: ANYONE },
  { id: 'listProductRatings', expect: ANYONE },
  { id: 'listEvents', expect: ANYONE },
  { id: 'getEvent', expect: ANYONE },
  { id: 'getEventCalendar', expect: ANYONE },
  { id: 'getEventFeed', expect: ANYONE },
  { id: 'listVoucherBatches', expect: ANYONE },
  { id: 'getVoucherBatch', expect: ANYONE },
  { id: 'listPolicies', expect: ANYONE },
  { id: 'getPolicy', expect: ANYONE },
  { id: 'listCenters', expect: ANYONE },
  { id: 'getCenter', expect: ANYONE },
  { id: 'getCenterCoverage', expect: ANYONE },
  { id: 'getScorecard', expect: ANYONE },
  { id: 'listEvaluations', expect: ANYONE },
  { id: 'getEvaluation', expect: ANYONE },
  { id: 'getTargets', expect: ANYONE },
  // The cities' and counties' targets are the province's to set: every other center, whatever its level, is refused.
  {
    id: 'setTargets',
    expect: { ...all(403), anonymous: 401, adminProvince: 'allow', adminCounty: 403 },
    call: () => ({
      params: { year: '2031' },
      headers: { 'if-match': '*' },
      body: { weights: { resources: 30, matching: 30, effect: 40 }, shares: [] },
    }),
  },
  { id: 'lookupDemand', expect: ANYONE, on: () => 'tracking no. + phone' },
  { id: 'listDemoUsers', expect: ANYONE },
  { id: 'getDemoJwks', expect: ANYONE },
  { id: 'createDemoToken', expect: ANYONE },
  // A file is read with the key its upload answered; no role reads one without it, so to everyone else it does not
  // exist (the example sends the demo file's key, allowed to all, as the OpenAPI test shows).
  { id: 'uploadFile', expect: ANYONE },
  { id: 'lookupProviderApplication', expect: ANYONE, on: () => 'application no. + mobile' },
  {
    id: 'createProviderApplication',
    expect: ANYONE,
    // One application under way per organisation: each caller applies for one of its own.
    call: (_fixtures, who) => ({ body: applicationOf(who) }),
    ownCalls: ['viewer', 'staff'],
    on: () => 'a new organisation per caller',
  },
  {
    id: 'getFile',
    expect: { ...all(404), adminHere: 'allow' },
    call: (f) => ({ params: { id: f.reviewedFileId } }),
    on: () => "the licence of an application in A's county, without its key",
  },
  {
    id: 'listProviderApplications',
    // Another city's or county's administrator asking for A's county is refused outright: the filter names it.
    expect: { ...CITY_ADMIN, adminOther: 403 },
    call: (f) => ({ query: { regionCode: f.demandRegion, status: 'submitted', limit: '100' } }),
    marker: { id: (f) => f.applicationId, seenBy: ['adminHere'] },
    on: (f) => `regionCode=${f.demandRegion}`,
  },
  {
    id: 'listDemands',
    // Another city's administrator asking for A's region is refused outright: the filter names the region.
    expect: { ...CITY_ADMIN, adminOther: 403 },
    call: (f) => ({ query: { region: f.demandRegion, status: 'submitted', limit: '100' } }),
    marker: { id: (f) => f.demandId, seenBy: ['adminHere'] },
    on: (f) => `region=${f.demandRegion}`,
  },
  { id: 'getDemand', expect: CITY_ADMIN, call: (f) => ({ params: { id: f.demandId } }) },
  {
    id: 'listMyRegistrations',
    expect: ENTERPRISES,
    marker: { id: () => param('cancelRegistration', 'registrationId'), seenBy: ['enterpriseA'] },
  },
  {
    id: 'listMyVouchers',
    expect: ENTERPRISES,
    marker: { id: () => param('quoteVoucherUse', 'id'), seenBy: ['enterpriseA'] },
  },
  { id: 'getVoucher', expect: PARTIES_AND_CITY, call: (f) => ({ params: { id: f.usedVoucherId } }) },
  { id: 'quoteVoucherUse', expect: A_ONLY },
  {
    id: 'listEngagements',
    expect: SIGNED_IN,
    call: () => ({ query: { status: 'ordered', limit: '100' } }),
    marker: { id: () => param('transitionEngagement', 'id'), seenBy: ['enterpriseA', 'provider', 'adminHere'] },
  },
  { id: 'getEngagement', expect: PARTIES_AND_CITY },
  { id: 'getEngagementRating', expect: PARTIES_AND_CITY },
  {
    id: 'listRatings',
    expect: SIGNED_IN,
    call: () => ({ query: { followUp: 'open', limit: '100' } }),
    marker: { id: () => param('answerFollowUp', 'id'), seenBy: ['enterpriseA', 'provider', 'adminHere'] },
  },
  {
    id: 'createDemand',
    expect: ANYONE,
    call: (_f, who) => {
      const body = exampleCall('createDemand').body as DemandInput;
      return { body: { ...body, title: `${body.title}（${who}）` } };
    },
    ownCalls: ['viewer', 'staff'],
    on: () => 'a new demand each',
  },
  {
    id: 'transitionDemand',
    expect: CITY_ADMIN,
    // The city accepts the demand (the example); the province, after it, closes it: each a move the state allows.
    call: (f, who) => ({
      params: { id: who === 'staff' || who === 'viewer' ? f.forStaff.demandId : f.demandId },
      body: who === 'adminProvince' ? { action: 'close' } : exampleCall('transitionDemand').body,
    }),
    ownCalls: ['viewer', 'staff'],
  },
  {
    id: 'transitionProviderApplication',
    expect: CITY_ADMIN,
    // A's city approves one application of A's county; the province, another.
    call: (f, who) => ({
      params: {
        id:
          who === 'adminProvince'
            ? f.applicationIdForProvince
            : who === 'staff' || who === 'viewer'
              ? f.forStaff.applicationId
              : f.applicationId,
      },
      body: { action: 'approve' },
    }),
    ownCalls: ['viewer', 'staff'],
  },
  { id: 'registerForEvent', expect: ENTERPRISES },
  { id: 'cancelRegistration', expect: A_ONLY },
  { id: 'claimVoucher', expect: ENTERPRISES },
  { id: 'useVoucher', expect: A_ONLY },
  // Every enterprise orders for itself: A's and B's orders are each their own engagement.
  { id: 'orderEngagement', expect: ENTERPRISES },
  // A's own demand: to B it does not exist.
  { id: 'acceptDemandProposal', expect: A_ONLY },
  { id: 'returnVoucher', expect: A_ONLY },
  {
    id: 'transitionEngagement',
    expect: PARTIES_AND_CITY,
    call: engagementMove,
    ownCalls: ['viewer', 'staff'],
    on: (f) =>
      `${param('transitionEngagement', 'id')} confirm, ${f.toAccept} accept, ${f.toSettle} settle (B, other admin: same)`,
  },
  { id: 'rateEngagement', expect: A_ONLY },
  { id: 'answerFollowUp', expect: { ...all(403), anonymous: 401, provider: 'allow', providerOther: 404 } },
  { id: 'reopenFollowUp', expect: A_ONLY },
  // The centers' steps on A's open follow-up; the province has no level above to escalate to.
  { id: 'noteFollowUp', expect: CITY_ADMIN },
  { id: 'escalateFollowUp', expect: { ...CITY_ADMIN, adminProvince: 403 } },
  {
    id: 'closeFollowUp',
    // A closes its answered follow-up; the centers close A's others as resolved, each its own, with a note.
    expect: { ...A_ONLY, adminOther: 404, adminHere: 'allow' },
    call: (_f, who) =>
      who.startsWith('admin')
        ? {
            params: { id: param(who === 'adminProvince' ? 'answerFollowUp' : 'reopenFollowUp', 'id') },
            body: { note: '已协调服务机构处理，企业认可。' },
          }
        : exampleCall('closeFollowUp'),
  },
  // The applicant's side of an application to join: no account, the resume key decides whoever calls.
  { id: 'createProviderApplicationDraft', expect: ANYONE, on: () => 'a new draft each' },
  { id: 'getProviderApplicationDraft', expect: ANYONE, on: () => 'the demo draft, with its resume key' },
  { id: 'updateProviderApplicationDraft', expect: ANYONE, on: () => 'the demo draft, with its resume key' },
  {
    id: 'submitProviderApplicationDraft',
    expect: ANYONE,
    ownCalls: ['viewer', 'staff'],
    call: (f, who) => ({
      params: { applicationNo: f.drafts[who].applicationNo },
      headers: { 'smec-resume-key': f.drafts[who].resumeKey },
      body: submissionOf(who),
    }),
    on: () => 'a draft of each caller’s own, with its resume key',
  },
  { id: 'getOwnProviderApplication', expect: ANYONE, on: () => 'the demo application, with its resume key' },
  {
    id: 'resubmitProviderApplication',
    expect: ANYONE,
    ownCalls: ['viewer', 'staff'],
    call: (_f, who) => ({
      params: { applicationNo: CHANGES_REQUESTED[who].applicationNo },
      headers: { 'smec-resume-key': CHANGES_REQUESTED[who].resumeKey },
      body: CHANGES_REQUESTED[who].input,
    }),
    on: () => 'an application of each caller’s own waiting for changes, with its resume key',
  },
  // The public notice: anyone reads it and objects, no account needed.
  { id: 'listPublicNotices', expect: ANYONE },
  { id: 'createPublicNoticeObjection', expect: ANYONE, on: () => 'the seeded notice ending in 3 days' },
  // A provider's own products: every other provider's do not exist for it, and no other role has any.
  {
    id: 'listMyProducts',
    expect: OWN_PROVIDER_LIST,
    marker: { id: () => DEMO_DRAFTS.incomplete, seenBy: ['provider'] },
  },
  { id: 'createMyProduct', expect: OWN_PROVIDER_LIST, on: () => 'a new draft each' },
  { id: 'getMyProduct', expect: OWN_PROVIDER },
  { id: 'updateMyProduct', expect: OWN_PROVIDER },
  { id: 'publishMyProduct', expect: OWN_PROVIDER },
  { id: 'withdrawMyProduct', expect: OWN_PROVIDER, on: () => `${DEMO_DRAFTS.complete}, published by the row above` },
  // A provider's own account; another provider changes its own (any version), never the demo provider's.
  { id: 'getMyProvider', expect: OWN_PROVIDER_LIST, on: () => 'each provider its own' },
  {
    id: 'updateMyProvider',
    expect: OWN_PROVIDER_LIST,
    call: (_f, who) =>
      who === 'providerOther'
        ? { ...exampleCall('updateMyProvider'), headers: { 'if-match': '*' } }
        : exampleCall('updateMyProvider'),
    on: () => 'each provider its own',
  },
  // The providers a center looks after: every center reads its own (staff of every level); the one of A's city is
  // found by its credit code only by A's city and the province.
  {
    id: 'listProviderAccounts',
    expect: CENTER_OWN,
    call: () => ({ query: { q: DEMO_PROVIDER_USCC, limit: '10' } }),
    marker: { id: () => param('transitionProvider', 'id'), seenBy: ['adminHere'] },
  },
  // A center's moves on a provider of A's city (in a county of its own): the city and the province, no other center.
  {
    id: 'transitionProvider',
    expect: CITY_ADMIN,
    call: (_f, who) =>
      who === 'adminProvince'
        ? { ...exampleCall('transitionProvider'), body: { action: 'reinstate', reason: '整改完成，恢复服务' } }
        : exampleCall('transitionProvider'),
    on: () => `${param('transitionProvider', 'id')} suspend, then the province reinstates`,
  },
  { id: 'listExperts', expect: ANYONE },
  { id: 'getExpert', expect: ANYONE },
  {
    id: 'createMyExpert',
    expect: {
      anonymous: 401,
      enterpriseA: 403,
      enterpriseB: 403,
      provider: 'allow',
      adminOther: 'allow',
      adminHere: 'allow',
    },
    // The provider adds one delivering its product (the example); another provider or a center adds one of its own.
    call: (_f, who) => {
      if (who === 'provider') return exampleCall('createMyExpert');
      const { productIds: _products, ...body } = exampleCall('createMyExpert').body as Record<string, unknown>;
      return { body };
    },
    on: () => "the provider's own (example); another provider's or a center's own, without products",
  },
  {
    id: 'updateMyExpert',
    expect: {
      anonymous: 401,
      enterpriseA: 403,
      enterpriseB: 403,
      provider: 'allow',
      providerOther: 404,
      adminCounty: 404,
      adminOther: 404,
      adminHere: 'allow',
    },
    // The provider edits its own expert (the example); the centers an expert of A's city, in another county.
    call: (_f, who) =>
      who.startsWith('admin')
        ? { params: { id: EXPERT_OF_CITY.id }, body: { years: 13 } }
        : exampleCall('updateMyExpert'),
    on: () => `${param('updateMyExpert', 'id')} (provider's), ${EXPERT_OF_CITY.id} (centers')`,
  },
  {
    id: 'listMyNotifications',
    expect: { ...ENTERPRISES, provider: 'allow' },
    marker: { id: () => param('readMyNotification', 'id'), seenBy: ['enterpriseA'] },
  },
  // Reading leaves the notification read for the rest of the matrix: a list row above never depends on that.
  { id: 'readMyNotification', expect: { ...A_ONLY, provider: 404 } },
  // A center's batches: any center creates its own; the issuer's and the levels above work one, no other center.
  { id: 'createVoucherBatch', expect: CENTER_OWN, on: () => 'a draft of each center’s own' },
  {
    id: 'updateVoucherBatch',
    expect: ISSUER_AND_ABOVE,
    call: (f) => ({
      params: { id: f.cityBatchId },
      headers: { 'if-match': '*' },
      body: { name: '授权矩阵测试批次（改）' },
    }),
  },
  {
    id: 'transitionVoucherBatch',
    expect: ISSUER_AND_ABOVE,
    call: (f, who) => ({ params: { id: f.cityBatchId }, body: { action: who === 'adminProvince' ? 'pause' : 'open' } }),
    on: (f) => `${f.cityBatchId} opened by the city, paused by the province`,
  },
  {
    id: 'revokeVoucher',
    expect: ISSUER_AND_ABOVE,
    call: (f, who) => ({
      params: { id: who === 'adminProvince' ? f.revocable[1] : f.revocable[0] },
      body: { reason: '授权矩阵测试作废' },
    }),
    on: (f) => `${f.revocable[0]} (the city), ${f.revocable[1]} (the province): A's vouchers of the city's batches`,
  },
  // A center's policies: any center publishes its region's; the policy's region and the levels above work one.
  {
    id: 'createPolicy',
    expect: CENTER_OWN,
    // Each caller's own document number: the administrator's, sent again by its staff, would be taken.
    ownCalls: ['viewer', 'staff'],
    call: (_f, who) => ({ body: policyOf(who === 'anonymous' ? '440000' : session.users[who].regionCode, who) }),
    on: () => 'a policy of each center’s own region',
  },
  {
    id: 'updatePolicy',
    expect: ISSUER_AND_ABOVE,
    call: (f) => ({
      params: { id: f.cityPolicies[0] },
      headers: { 'if-match': '*' },
      body: { summary: '授权矩阵修改摘要' },
    }),
  },
  // A center's record is kept by its own administrators: the province keeps the province's, not the city's.
  {
    id: 'updateCenter',
    expect: { ...all(403), anonymous: 401, adminHere: 'allow', adminProvince: 403 },
    call: () => ({
      params: { id: `ctr-${session.users.adminHere.regionCode}` },
      headers: { 'if-match': '*' },
      body: { openingHours: '周一至周五 9:00–17:30（授权矩阵）' },
    }),
    on: () => 'the record of A’s city’s center',
  },
  {
    id: 'withdrawPolicy',
    expect: ISSUER_AND_ABOVE,
    call: (f, who) => ({
      params: { id: who === 'adminProvince' ? f.cityPolicies[2] : f.cityPolicies[1] },
      body: { reason: '授权矩阵测试撤回' },
    }),
    on: (f) => `${f.cityPolicies[1]} (the city), ${f.cityPolicies[2]} (the province)`,
  },
  // The centers' events: each center creates in its own region; the demo draft is run by A's city, so its city and
  // the province change and move it, and to any other center it does not exist.
  {
    id: 'createEvent',
    expect: { ...all(403), anonymous: 401, adminOther: 'allow', adminHere: 'allow' },
    call: (_f, who) => {
      const example = exampleCall('createEvent');
      const region = who.startsWith('admin') ? session.users[who as 'adminHere'].regionCode : null;
      return region ? { body: { ...(example.body as object), regionCode: region } } : example;
    },
    on: () => 'a new draft in each center’s own region',
  },
  {
    id: 'updateEvent',
    expect: CITY_ADMIN,
    // A's city changes the draft at its first version (the example); the province after it, at any version.
    call: (_f, who) =>
      who === 'adminProvince'
        ? { ...exampleCall('updateEvent'), headers: { 'if-match': '*' } }
        : exampleCall('updateEvent'),
  },
  {
    id: 'transitionEvent',
    expect: CITY_ADMIN,
    // A's city publishes the draft (the example); the province, after it, cancels it.
    call: (_f, who) =>
      who === 'adminProvince'
        ? { ...exampleCall('transitionEvent'), body: { action: 'cancel', reason: '授权矩阵测试：活动取消' } }
        : exampleCall('transitionEvent'),
  },
  { id: 'listEventRegistrations', expect: CITY_ADMIN },
  // A's city checks A in by its code; the province, after it, checks the same code in again: the same answer.
  { id: 'checkInEvent', expect: CITY_ADMIN, on: () => `${param('checkInEvent', 'id')} by A's code` },
  { id: 'getEventRatings', expect: CITY_ADMIN },
  // A attended the past event; B never registered for it, so to B there is nothing to rate.
  { id: 'rateEvent', expect: A_ONLY },
  // A center's staff accounts and audit log: its administrators and those above, each of its own region; staff
  // members and viewers are refused them (ADMIN_LEVEL_OPERATIONS).
  {
    id: 'listAuditLog',
    expect: { ...all(403), anonymous: 401, adminOther: 'allow', adminHere: 'allow' },
    call: () => ({ query: { limit: '100' } }),
    marker: { id: (f) => f.auditEntryId, seenBy: ['adminHere'] },
    on: (f) => `∋ ${f.auditEntryId} (a move of A's city's administrator)`,
  },
  {
    id: 'listStaff',
    expect: { ...all(403), anonymous: 401, adminOther: 'allow', adminHere: 'allow' },
    call: () => ({ query: { limit: '100' } }),
    marker: { id: () => session.users.viewer.id, seenBy: ['adminHere'] },
  },
  {
    id: 'inviteStaff',
    expect: { ...all(403), anonymous: 401, adminOther: 'allow', adminHere: 'allow' },
    // Each caller invites a person of its own, to its own center.
    call: (_f, who) => ({ body: { subject: `matrix|${who}`, name: '矩阵测试只读人员', role: 'viewer' } }),
    ownCalls: ['viewer', 'staff'],
    on: () => 'a new person per caller',
  },
  {
    id: 'updateStaff',
    expect: { ...all(403), anonymous: 401, adminOther: 404, adminHere: 'allow' },
    // A's city makes the invited staff member a viewer; the province, after it, a staff member again.
    call: (f, who) => ({
      params: { id: f.invitedStaffId },
      headers: { 'if-match': '*' },
      body: { role: who === 'adminProvince' ? 'staff' : 'viewer' },
    }),
    on: (f) => `${f.invitedStaffId}, invited by A's city`,
  },
  // The settlement of voucher-paid services: the provider attaches proofs to its own engagements; the centers of the
  // enterprise's region and above read their queue (any staff level).
  { id: 'addEngagementProofs', expect: OWN_PROVIDER },
  { id: 'getMe', expect: SIGNED_IN },
  { id: 'listSettlements', expect: CENTER_OWN, call: () => ({ query: { limit: '100' } }) },
  { id: 'listMyDemandProposals', expect: OWN_PROVIDER_LIST },
  {
    id: 'getDemandDeadlines',
    expect: ISSUER_AND_ABOVE,
    call: () => ({ params: { code: session.cityOfA } }),
    on: () => "A's city",
  },
  {
    id: 'setDemandDeadlines',
    expect: ISSUER_AND_ABOVE,
    call: () => ({ params: { code: session.cityOfA }, body: exampleCall('setDemandDeadlines').body }),
    on: () => "A's city",
  },
  {
    id: 'proposeDemandMatches',
    expect: ISSUER_AND_ABOVE,
    // Each center proposes a provider of its own for the one accepted demand: three of the five it takes.
    call: (f, who) => {
      const by =
        who === 'adminProvince' ? 'adminProvince' : who === 'staff' || who === 'viewer' ? 'staff' : 'adminHere';
      return { params: { id: f.toPropose }, body: { proposals: [{ providerId: f.proposable[by] }] } };
    },
    ownCalls: ['viewer', 'staff'],
    on: (f) => `${f.toPropose}, accepted, in A's county`,
  },
  {
    id: 'transferDemand',
    expect: ISSUER_AND_ABOVE,
    // The city and its staff member send theirs up to the province; the province sends its own down to A's city.
    call: (f, who) => {
      if (who === 'adminProvince') {
        return { params: { id: f.toTransfer.adminProvince }, body: { toRegion: session.cityOfA, reason: '下转市级' } };
      }
      const id = who === 'staff' || who === 'viewer' ? f.toTransfer.staff : f.toTransfer.adminHere;
      return { params: { id }, body: { toRegion: '440000', reason: '上转省级' } };
    },
    ownCalls: ['viewer', 'staff'],
    on: () => "a demand of A's county each",
  },
];

let server: Awaited<ReturnType<typeof startTestServer>>;
let session: Session;
let fixtures: Fixtures;
const printed: { id: string; cells: Record<PrincipalName, string>; on: string }[] = [];

/** Applies to join in the region with a licence of its own; answers the application's and the licence's ids. */
async function applicationInRegion(
  regionCode: string,
  first17 = '31440000MD0600001',
): Promise<{ applicationId: string; fileId: string }> {
  const upload = await send(session, 'anonymous', 'uploadFile', exampleCall('uploadFile'));
  assert.equal(upload.status, 201, JSON.stringify(upload.body));
  const licence = upload.body as { id: string; key: string };
  const body = applicationOf('anonymous') as { organisation: Record<string, unknown> };
  const application = await send(session, 'anonymous', 'createProviderApplication', {
    body: {
      ...body,
      organisation: { ...body.organisation, regionCode, uscc: `${first17}${usccCheckCharacter(first17) ?? ''}` },
      files: { licence: { id: licence.id, key: licence.key }, certificates: [] },
    },
  });
  assert.equal(application.status, 201, JSON.stringify(application.body));
  return { applicationId: (application.body as { id: string }).id, fileId: licence.id };
}

async function prepare(): Promise<Fixtures> {
  const demandRegion = session.users.enterpriseA.regionCode;
  assert.ok(demandRegion, 'enterprise A has a region');
  const example = exampleCall('createDemand').body as DemandInput;
  const demand = await send(session, 'anonymous', 'createDemand', {
    body: { ...example, regionCode: demandRegion, title: '授权矩阵测试需求' },
  });
  assert.equal(demand.status, 201, JSON.stringify(demand.body));

  const ordered = await send(session, 'enterpriseA', 'getEngagement', {
    params: { id: param('transitionEngagement', 'id') },
  });
  const usedVoucherId = (ordered.body as Engagement).voucherId;
  assert.ok(usedVoucherId, 'the example order is paid with a voucher');

  const delivered = await send(session, 'enterpriseA', 'listEngagements', {
    query: { status: 'delivered', limit: '100' },
  });
  const items = (delivered.body as EngagementPage).items;
  const examples = new Set([param('rateEngagement', 'id'), param('getEngagementRating', 'id')]);
  const toAccept = items.find((item) => item.acceptedAt === null)?.id;
  const [toSettle, toSettleByProvince, toSettleByStaff] = items
    .filter((item) => item.acceptedAt !== null && !examples.has(item.id))
    .map((item) => item.id);
  assert.ok(
    toAccept && toSettle && toSettleByProvince && toSettleByStaff,
    'A has a delivered engagement to accept and three to settle',
  );
  const drafts = {} as Record<PrincipalName, { applicationNo: string; resumeKey: string }>;
  for (const who of PRINCIPALS) {
    const draft = await send(session, who, 'createProviderApplicationDraft', {
      body: { files: { licence: { id: DEMO_FILE.id, key: DEMO_FILE.key } } },
    });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    drafts[who] = draft.body as { applicationNo: string; resumeKey: string };
  }
  const reviewed = await applicationInRegion(demandRegion);
  const forProvince = await applicationInRegion(demandRegion, '31440000MD0600002');
  const cityBatchId = await cityBatch('授权矩阵测试批次');
  const revocable: string[] = [];
  for (const name of ['授权矩阵作废批次一', '授权矩阵作废批次二']) {
    const id = await cityBatch(name);
    const opened = await send(session, 'adminHere', 'transitionVoucherBatch', {
      params: { id },
      body: { action: 'open' },
    });
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    const claimed = await send(session, 'enterpriseA', 'claimVoucher', { params: { id } });
    assert.equal(claimed.status, 201, JSON.stringify(claimed.body));
    revocable.push((claimed.body as { id: string }).id);
  }
  const cityPolicies: string[] = [];
  for (const n of [1, 2, 3]) {
    const created = await send(session, 'adminHere', 'createPolicy', {
      body: policyOf(session.users.adminHere.regionCode, `city${n}`),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    cityPolicies.push((created.body as { id: string }).id);
  }
  const forStaff = await applicationInRegion(demandRegion, '31440000MD0600003');
  const demandOf = async (title: string) => {
    const made = await send(session, 'anonymous', 'createDemand', {
      body: { ...example, regionCode: demandRegion, title },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    return (made.body as { id: string }).id;
  };
  const staffDemandId = await demandOf('授权矩阵测试需求（业务员）');
  // A move of A's city's administrator puts an entry on its audit log, which the log's row looks for.
  const recorded = await demandOf('授权矩阵测试需求（审计）');
  const moved = await send(session, 'adminHere', 'transitionDemand', {
    params: { id: recorded },
    body: { action: 'accept' },
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  const log = await send(session, 'adminHere', 'listAuditLog', { query: { entityId: recorded } });
  const auditEntryId = (log.body as { items: { id: string }[] }).items[0]?.id;
  assert.ok(auditEntryId, JSON.stringify(log.body));
  const toPropose = await demandOf('授权矩阵测试需求（推荐）');
  const accepted = await send(session, 'adminHere', 'transitionDemand', {
    params: { id: toPropose },
    body: { action: 'accept' },
  });
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  const listed = await send(session, 'anonymous', 'listProviders', { query: { limit: '3' } });
  const [first, second, third] = (listed.body as { items: { id: string }[] }).items.map((item) => item.id);
  assert.ok(first && second && third, 'three listed providers');
  const toTransfer = {
    adminHere: await demandOf('授权矩阵测试需求（转交，市）'),
    adminProvince: await demandOf('授权矩阵测试需求（转交，省）'),
    staff: await demandOf('授权矩阵测试需求（转交，业务员）'),
  };
  const invited = await send(session, 'adminHere', 'inviteStaff', {
    body: { subject: 'matrix|invited-staff', name: '矩阵测试业务员', role: 'staff' },
  });
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  return {
    cityPolicies: [cityPolicies[0] ?? '', cityPolicies[1] ?? '', cityPolicies[2] ?? ''],
    cityBatchId,
    revocable: [revocable[0] ?? '', revocable[1] ?? ''],
    forStaff: { demandId: staffDemandId, applicationId: forStaff.applicationId, toSettle: toSettleByStaff },
    auditEntryId,
    invitedStaffId: (invited.body as { id: string }).id,
    toPropose,
    proposable: { adminHere: first, adminProvince: second, staff: third },
    toTransfer,
    demandId: (demand.body as { id: string }).id,
    demandRegion,
    usedVoucherId,
    toAccept,
    toSettle,
    toSettleByProvince,
    drafts,
    reviewedFileId: reviewed.fileId,
    applicationId: reviewed.applicationId,
    applicationIdForProvince: forProvince.applicationId,
  };
}

/** A draft batch of A's city's center, open from yesterday for 30 days to A's size, with room under any yearly cap. */
async function cityBatch(name: string): Promise<string> {
  const DAY = 86_400_000;
  const at = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
  const opens = testNow() - DAY;
  const body = {
    ...(exampleCall('createVoucherBatch').body as Record<string, unknown>),
    name,
    year: new Date(opens + 8 * 3_600_000).getUTCFullYear(),
    annualCapPerEnterprise: 100_000_000,
    claimOpensAt: at(opens),
    claimClosesAt: at(opens + 30 * DAY),
    settleBy: at(opens + 200 * DAY),
    eligibility: { sizes: ['micro', 'small', 'medium'] },
    categoryIds: [],
  };
  const created = await send(session, 'adminHere', 'createVoucherBatch', { body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return (created.body as { id: string }).id;
}

/** The example policy, of `regionCode`, with a document number of its own for `tag`. */
function policyOf(regionCode: string | null, tag: string): unknown {
  return { ...(exampleCall('createPolicy').body as object), regionCode, docNumber: `矩阵〔2027〕${tag}号` };
}

interface ListPage {
  /** An item names itself, or (a provider's account) its profile does. */
  readonly items: readonly ({ readonly id: string } | { readonly profile: { readonly id: string } })[];
  readonly nextCursor?: string | null;
}

/** Whether a list holds `id` on any of its pages: a leak may well sit past the first. */
async function listHolds(who: PrincipalName, id: OperationId, call: Call, first: ListPage, marker: string) {
  let page = first;
  for (let pages = 1; ; pages++) {
    if (page.items.some((item) => ('profile' in item ? item.profile.id : item.id) === marker)) return true;
    if (!page.nextCursor) return false;
    assert.ok(pages < 20, `${id}: more than 20 pages for ${who}; narrow the query`);
    const next = await send(session, who, id, { ...call, query: { ...call.query, cursor: page.nextCursor } });
    assert.equal(next.status, 200, JSON.stringify(next.body));
    page = next.body as ListPage;
  }
}

before(async () => {
  // The callers sign in through the demo issuer (the test server's default), as the browser tests do.
  server = await startTestServer({
    prepare: (db) => insertChangesRequested(db, Object.values(CHANGES_REQUESTED)),
  });
  session = await signIn(server.apiUrl);
  fixtures = await prepare();
  await findExpertOfCity();
});

after(async () => {
  // The table is for the closing note; it shows what each caller got, `!` where that was not what the row expects.
  if (printed.length > 0) process.stdout.write(`\n${matrixTable(printed, session)}`);
  await server.close();
});

test('every operation of the served OpenAPI document has exactly one row, and every row an operation', async () => {
  const response = await request<{ paths: Record<string, Record<string, { operationId?: string }>> }>(
    server.apiUrl,
    '/openapi.json',
  );
  assert.equal(response.status, 200);
  const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
  const documented = Object.entries(response.body.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.has(method))
      .map(([method, op]) => `${op.operationId ?? '(no operationId)'} ${method.toUpperCase()} ${path}`),
  );
  const rows = ROWS.map((row) => `${row.id} ${operation(row.id).method.toUpperCase()} ${operation(row.id).path}`);
  assert.deepEqual(
    documented.filter((entry) => !rows.includes(entry)),
    [],
    'operations of the document without a row: decide who may call them',
  );
  assert.deepEqual(
    rows.filter((entry) => !documented.includes(entry)),
    [],
    'rows without an operation in the document',
  );
  assert.equal(new Set(rows).size, rows.length, 'one row per operation');
});

for (const row of ROWS) {
  test(`${row.id}: ${PRINCIPALS.map((who) => expectedOf(row.expect, who, row.id)).join(' / ')}`, async () => {
    const rowCall = row.call ?? (() => exampleCall(row.id));
    const callOf = (f: Fixtures, who: PrincipalName) => rowCall(f, callerOf(who, row.ownCalls));
    const cells = {} as Record<PrincipalName, string>;
    const mismatches: string[] = [];
    const refusalsFirst = [...PRINCIPALS].sort(
      (a, b) =>
        Number(expectedOf(row.expect, a, row.id) === 'allow') - Number(expectedOf(row.expect, b, row.id) === 'allow'),
    );
    for (const who of refusalsFirst) {
      const call = callOf(fixtures, who);
      const response = await send(session, who, row.id, call);
      const expected = expectedOf(row.expect, who, row.id);
      let mismatch = mismatchOf(row.id, expected, response, callerOf(who, row.ownCalls) !== who);
      let cell = cellOf(response);
      if (mismatch === undefined && row.marker && expected === 'allow') {
        const marker = row.marker.id(fixtures);
        const seen = await listHolds(who, row.id, call, response.body as ListPage, marker);
        cell += seen ? ' ∋' : ' ∌';
        if (seen !== seesMarker(row.marker.seenBy, who)) {
          mismatch = `the list ${seen ? 'holds' : 'lacks'} ${marker}, which it must ${seen ? 'not hold' : 'hold'}`;
        }
      }
      cells[who] = mismatch === undefined ? cell : `${cell} !`;
      if (mismatch !== undefined) {
        mismatches.push(`${who} (${who === 'anonymous' ? '-' : session.users[who].id}): ${mismatch}`);
      }
    }
    const owner = PRINCIPALS.find((who) => expectedOf(row.expect, who, row.id) === 'allow') ?? 'anonymous';
    const ownerCall = callOf(fixtures, owner);
    const on =
      row.on?.(fixtures) ??
      [...Object.values(ownerCall.params ?? {}), ...(row.marker ? [`∋ ${row.marker.id(fixtures)}`] : [])].join(' ');
    printed.push({ id: row.id, cells, on });
    assert.deepEqual(mismatches, [], `${row.id}: answers that break the matrix`);
  });
}

/** An expert of A's city outside the county of the county center, for the centers' edits. */
const EXPERT_OF_CITY = { id: '' };

async function findExpertOfCity(): Promise<void> {
  const countyOf = session.users.adminCounty.regionCode;
  const page = await send(session, 'anonymous', 'listExperts', {
    query: { regionCode: session.cityOfA, limit: '100' },
  });
  const items = (page.body as { items: { id: string; regionCode: string }[] }).items;
  const expert = items.find((item) => item.regionCode !== countyOf && item.regionCode !== session.cityOfA);
  assert.ok(expert, `an expert of ${session.cityOfA} outside ${countyOf}`);
  EXPERT_OF_CITY.id = expert.id;
}
