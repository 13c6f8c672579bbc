import {
  CategoryList,
  Demand,
  DemandInput,
  DemandLookupQuery,
  DemandPage,
  DemandStatusView,
  DemandTransition,
  DemandsQuery,
  DemoJwks,
  DemoToken,
  DemoTokenRequest,
  DemoUserList,
  DemoUsersQuery,
  EventsQuery,
  Health,
  IdParams,
  MyRegistrationPage,
  MyRegistrationsQuery,
  Registration,
  RegistrationInput,
  RegistrationParams,
  ServiceEvent,
  ServiceEventPage,
  ProductPage,
  ProductsQuery,
  ProviderPage,
  ProvidersQuery,
  Provider,
  RegionList,
  RegionsQuery,
  ServiceProductDetail,
} from '../index.js';
import type * as z from '../zod.js';

type Schema = z.ZodMiniType;

/**
 * One operation of the platform API. The server validates with `query`/`params`, the OpenAPI document is built
 * from the same entries, and `example` must succeed against a freshly seeded demo database.
 */
export interface Operation {
  readonly operationId: string;
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template under the base path, e.g. `/products/{id}`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly query?: Schema;
  readonly params?: Schema;
  /** The JSON request body. */
  readonly body?: Schema;
  readonly response: Schema;
  /** The status of success. Default 200. */
  readonly successStatus?: 200 | 201;
  /** `bearer`: needs `Authorization: Bearer <token>` (the examples use a demo administrator's token). */
  readonly security?: 'bearer';
  /** The seeded demo user whose token the example uses, when not an administrator (e.g. an enterprise). */
  readonly exampleUserId?: string;
  /** Headers the operation reads, documented as parameters. */
  readonly headers?: readonly { readonly name: string; readonly description: string; readonly required: boolean }[];
  /** The error statuses this operation can answer with, besides 500. */
  readonly errors: readonly number[];
  readonly cacheable: boolean;
  readonly example?: {
    readonly query?: Record<string, string>;
    readonly params?: Record<string, string>;
    readonly body?: unknown;
  };
}

export const operations = {
  getHealth: {
    operationId: 'getHealth',
    method: 'get',
    path: '/health',
    tag: 'platform',
    summary: 'Liveness, including a database check',
    response: Health,
    errors: [503],
    cacheable: false,
  },
  listRegions: {
    operationId: 'listRegions',
    method: 'get',
    path: '/regions',
    tag: 'reference',
    summary: "Guangdong's regions (GB/T 2260): the province, its cities and their counties",
    query: RegionsQuery,
    response: RegionList,
    errors: [400],
    cacheable: true,
    example: { query: { parent: '440600' } },
  },
  listCategories: {
    operationId: 'listCategories',
    method: 'get',
    path: '/categories',
    tag: 'reference',
    summary: 'The twelve service categories',
    response: CategoryList,
    errors: [],
    cacheable: true,
  },
  listProviders: {
    operationId: 'listProviders',
    method: 'get',
    path: '/providers',
    tag: 'catalog',
    summary: 'Admitted service providers, filtered and paginated',
    query: ProvidersQuery,
    response: ProviderPage,
    errors: [400],
    cacheable: true,
    example: { query: { category: 'legal', region: '440600', limit: '10' } },
  },
  getProvider: {
    operationId: 'getProvider',
    method: 'get',
    path: '/providers/{id}',
    tag: 'catalog',
    summary: 'One service provider',
    params: IdParams,
    response: Provider,
    errors: [404],
    cacheable: true,
    example: { params: { id: 'prv-00001' } },
  },
  listProducts: {
    operationId: 'listProducts',
    method: 'get',
    path: '/products',
    tag: 'catalog',
    summary: 'Search published service products, with facet counts and cursor pagination',
    description:
      'Chinese search matches any one- or two-character query (「法」, 「财税」). Facets count the matches of every other filter.',
    query: ProductsQuery,
    response: ProductPage,
    errors: [400],
    cacheable: true,
    example: { query: { q: '财税', region: '440600', voucherEligible: 'true', sort: 'rating', limit: '12' } },
  },
  getProduct: {
    operationId: 'getProduct',
    method: 'get',
    path: '/products/{id}',
    tag: 'catalog',
    summary: 'One service product with its five publics and its provider',
    params: IdParams,
    response: ServiceProductDetail,
    errors: [404],
    cacheable: true,
    example: { params: { id: 'prd-00001' } },
  },
  createDemand: {
    operationId: 'createDemand',
    method: 'post',
    path: '/demands',
    tag: 'demands',
    summary: 'Submit a service demand (no sign-in); answers with its tracking number',
    description:
      'Send an `Idempotency-Key`: a retry with the same key and body returns the first answer (header ' +
      '`Idempotent-Replayed: true`), the same key with another body is 422, a retry while the first still runs is 409. ' +
      'Limited per client address (429 with `Retry-After`). Validation errors carry a message key as `code` and its ' +
      'text in the `Accept-Language` language (zh-CN, zh-HK, en) as `message`. The contact phone is returned in full ' +
      'to its submitter only here.',
    headers: [
      {
        name: 'Idempotency-Key',
        description: 'One random key per logical submission, repeated by its retries',
        required: false,
      },
    ],
    body: DemandInput,
    response: Demand,
    successStatus: 201,
    errors: [400, 409, 413, 415, 422, 429],
    cacheable: false,
    example: {
      body: {
        enterprise: { uscc: '91440604MA51K8QX3Q', name: '佛山市禅城区示例科技有限公司' },
        contact: { name: '陈女士', phone: '13812341234' },
        regionCode: '440604',
        categoryId: 'finance-tax',
        title: '申请高新技术企业认定辅导',
        description: '公司计划明年申报高新技术企业，希望有机构协助梳理知识产权和研发费用归集。',
        budget: 'negotiable',
        consent: true,
      },
    },
  },
  lookupDemand: {
    operationId: 'lookupDemand',
    method: 'get',
    path: '/demands/lookup',
    tag: 'demands',
    summary: "A demand's status and timeline, for whoever holds its tracking number and phone number",
    description:
      'A wrong pair is the same 404 whichever half was wrong. The phone is masked (138****1234). Limited per client address.',
    query: DemandLookupQuery,
    response: DemandStatusView,
    errors: [400, 404, 429],
    cacheable: false,
    example: { query: { trackingNo: 'XQ20261101DEMO01', phone: '13800138000' } },
  },
  listDemands: {
    operationId: 'listDemands',
    method: 'get',
    path: '/demands',
    tag: 'demands',
    summary: "An administrator's demands: their region and below, newest first, phones masked",
    query: DemandsQuery,
    response: DemandPage,
    security: 'bearer',
    errors: [400, 401, 403],
    cacheable: false,
    example: { query: { status: 'submitted', limit: '10' } },
  },
  getDemand: {
    operationId: 'getDemand',
    method: 'get',
    path: '/demands/{id}',
    tag: 'demands',
    summary: 'One demand of the administrator’s region, with the phone in full for the call back',
    params: IdParams,
    response: Demand,
    security: 'bearer',
    errors: [400, 401, 403, 404],
    cacheable: false,
    example: { params: { id: 'dmd-00002' } },
  },
  transitionDemand: {
    operationId: 'transitionDemand',
    method: 'post',
    path: '/demands/{id}/transitions',
    tag: 'demands',
    summary: 'Move a demand on (accept, match, startService, reject, close); the move joins its timeline',
    description:
      'Moves a state does not allow are 409 `conflict`, as is a move made meanwhile by someone else. With an ' +
      '`Idempotency-Key` (per user), a retried move returns its first answer instead of a conflict.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one move', required: false }],
    body: DemandTransition,
    response: Demand,
    security: 'bearer',
    errors: [400, 401, 403, 404, 409, 422],
    cacheable: false,
    example: { params: { id: 'dmd-00002' }, body: { action: 'accept', note: '已受理，三个工作日内联系企业' } },
  },
  listEvents: {
    operationId: 'listEvents',
    method: 'get',
    path: '/events',
    tag: 'events',
    summary: 'Events, trainings and policy briefings overlapping a range of days, soonest first',
    description:
      '`from` and `to` are days in Asia/Shanghai (`to` inclusive) or date-times with an offset; an event is listed ' +
      'when it overlaps the range. `region` includes the regions below it (a city its counties, the province all). ' +
      'Sorted by start time, then id; `limit` up to 500 so that a month view loads one page. The iCalendar files are ' +
      '`GET /events/{id}.ics` and the feed `GET /events.ics?region=&type=` (`text/calendar`, RFC 5545).',
    query: EventsQuery,
    response: ServiceEventPage,
    errors: [400],
    cacheable: true,
    example: { query: { from: '2026-12-01', to: '2026-12-31', region: '440600', limit: '500' } },
  },
  getEvent: {
    operationId: 'getEvent',
    method: 'get',
    path: '/events/{id}',
    tag: 'events',
    summary: 'One event, with its seats left and waitlist',
    params: IdParams,
    response: ServiceEvent,
    errors: [400, 404],
    cacheable: true,
    example: { params: { id: 'evt-00001' } },
  },
  registerForEvent: {
    operationId: 'registerForEvent',
    method: 'post',
    path: '/events/{id}/registrations',
    tag: 'events',
    summary:
      'Register the signed-in enterprise: confirmed while seats remain, then waitlisted (if the event has a waitlist)',
    description:
      'Enterprise accounts only (401 signed out, 403 other roles). 409 problems: `event_full` (no seat and no ' +
      'waitlist), `registration_closed` (outside the registration window, or the event is cancelled), ' +
      '`already_registered` (one active registration per enterprise; the detail names it). Capacity is enforced by ' +
      'the database under any concurrency. With an `Idempotency-Key` (per user), a retry returns the first answer.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one registration', required: false }],
    body: RegistrationInput,
    response: Registration,
    successStatus: 201,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    errors: [400, 401, 403, 404, 409, 422],
    cacheable: false,
    example: { params: { id: 'evt-annual-2027' }, body: { attendeeName: '陈经理' } },
  },
  cancelRegistration: {
    operationId: 'cancelRegistration',
    method: 'delete',
    path: '/events/{id}/registrations/{registrationId}',
    tag: 'events',
    summary: "Cancel one of the enterprise's own registrations; a confirmed seat goes to the first on the waitlist",
    description:
      'Answers 200 with the registration, now `cancelled`; cancelling it again answers the same. Another ' +
      "enterprise's registration is 404. The promotion happens in the same transaction.",
    params: RegistrationParams,
    response: Registration,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    errors: [400, 401, 403, 404],
    cacheable: false,
    example: { params: { id: 'evt-annual-2027-autumn', registrationId: 'reg-demo-0001' } },
  },
  listMyRegistrations: {
    operationId: 'listMyRegistrations',
    method: 'get',
    path: '/me/registrations',
    tag: 'events',
    summary: "The signed-in enterprise's registrations with their events, the latest event first",
    description: 'Cancelled registrations are left out unless asked for with `status=cancelled`.',
    query: MyRegistrationsQuery,
    response: MyRegistrationPage,
    security: 'bearer',
    exampleUserId: 'usr-ent-01',
    errors: [400, 401, 403],
    cacheable: false,
    example: { query: { limit: '20' } },
  },
  listDemoUsers: {
    operationId: 'listDemoUsers',
    method: 'get',
    path: '/demo/users',
    tag: 'demo',
    summary: 'Demo mode only: the seeded users one may sign in as',
    query: DemoUsersQuery,
    response: DemoUserList,
    errors: [400, 404],
    cacheable: false,
    example: { query: { role: 'admin' } },
  },
  createDemoToken: {
    operationId: 'createDemoToken',
    method: 'post',
    path: '/demo/token',
    tag: 'demo',
    summary: 'Demo mode only: a bearer token (8 hours) for a seeded user',
    body: DemoTokenRequest,
    response: DemoToken,
    errors: [400, 404],
    cacheable: false,
    example: { body: { userId: 'usr-admin-440600' } },
  },
  getDemoJwks: {
    operationId: 'getDemoJwks',
    method: 'get',
    path: '/demo/jwks.json',
    tag: 'demo',
    summary: "Demo mode only: the demo issuer's public keys",
    response: DemoJwks,
    errors: [404],
    cacheable: false,
  },
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
