// The callers of the authorization matrix, how one of its calls is sent, and how its answer is judged and shown.
import { Problem, type DemoUser, type DemoUserList, type RegionList, type Role } from '@smec/schemas';
import { operations, type Operation, type OperationId } from '@smec/schemas/openapi';
import { request, type JsonResponse } from './helpers.js';

/** The callers, in the order of the matrix's columns. */
export const PRINCIPALS = [
  'anonymous',
  'enterpriseA',
  'enterpriseB',
  'provider',
  'providerOther',
  'adminCounty',
  'adminOther',
  'adminHere',
  'adminProvince',
  'viewer',
  'staff',
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

/**
 * The callers whose outcome follows from another's unless a row says otherwise: another provider is refused or let
 * through as the provider is for what is not its own; a county center of another county as a center of another city;
 * the province as the city above; the city's viewer (只读) and staff member (业务员) as its administrator, but for
 * their levels (`staffLevelOutcome`). A row says more only where the role's own resources make the difference.
 */
const FOLLOWS = {
  providerOther: 'provider',
  adminCounty: 'adminOther',
  adminProvince: 'adminHere',
  viewer: 'adminHere',
  staff: 'adminHere',
} as const;
type Following = keyof typeof FOLLOWS;
export type Expectation = Readonly<Record<Exclude<PrincipalName, Following>, Outcome>> &
  Readonly<Partial<Record<Following, Outcome>>>;

/** The callers every row names; the others follow them unless a row says otherwise. */
export const NAMED_PRINCIPALS = PRINCIPALS.filter((who): who is Exclude<PrincipalName, Following> => !(who in FOLLOWS));

/** The center callers below the administrator's level, who otherwise follow A's city's administrator. */
export const STAFF_CALLERS = ['viewer', 'staff'] as const satisfies readonly Following[];
type StaffCaller = (typeof STAFF_CALLERS)[number];

export function isStaffCaller(who: PrincipalName): who is StaffCaller {
  return (STAFF_CALLERS as readonly string[]).includes(who);
}

/**
 * The operations of the administrator's level (管理员): a center's staff accounts and its audit log. Staff members and
 * viewers are refused them (403) wherever the city's administrator gets through. Add an operation here, not a value
 * in its row, when it is one.
 */
export const ADMIN_LEVEL_OPERATIONS: ReadonlySet<OperationId> = new Set<OperationId>([
  'listAuditLog',
  'listStaff',
  'inviteStaff',
  'updateStaff',
  'setDemandDeadlines',
  'updateCenter',
]);

/**
 * A staff caller's outcome from the city administrator's: the same, except that an operation of the administrator's
 * level is 403 to both, and a write that needs a signed-in caller (the anonymous one is not let through) is 403 to
 * a viewer, which reads only. The level is checked before the resource is looked for, so a 404 becomes that 403 too.
 */
function staffLevelOutcome(who: StaffCaller, id: OperationId, admin: Outcome, anonymous: Outcome): Outcome {
  if (admin === 401) return admin;
  if (ADMIN_LEVEL_OPERATIONS.has(id)) return 403;
  if (who === 'viewer' && operation(id).method !== 'get' && anonymous !== 'allow') return 403;
  return admin;
}

/** What `who` must get under `expect`, for the operation `id`. */
export function expectedOf(expect: Expectation, who: PrincipalName, id: OperationId): Outcome {
  const own = who in FOLLOWS ? expect[who as Following] : undefined;
  if (own !== undefined) return own;
  if (isStaffCaller(who)) {
    return staffLevelOutcome(who, id, expectedOf(expect, 'adminHere', id), expect.anonymous);
  }
  if (who in FOLLOWS) return expect[FOLLOWS[who as Following]];
  return expect[who as Exclude<PrincipalName, Following>];
}

/**
 * Whether a list must show `who` the marker: as listed, and to the province, the city's viewer and its staff member
 * whenever to the city's administrator.
 */
export function seesMarker(seenBy: readonly PrincipalName[], who: PrincipalName): boolean {
  const followsCity = who === 'adminProvince' || isStaffCaller(who);
  return seenBy.includes(who) || (followsCity && seenBy.includes('adminHere'));
}

/**
 * Who a caller sends a row's call as: a staff caller sends the city administrator's (the same resource, which its
 * row's `call` may not know it by), unless the row makes calls of its own for it.
 */
export function callerOf(who: PrincipalName, ownCalls: readonly PrincipalName[] = []): PrincipalName {
  return isStaffCaller(who) && !ownCalls.includes(who) ? 'adminHere' : who;
}

const HEADING: Record<PrincipalName, string> = {
  anonymous: 'anonymous',
  enterpriseA: 'enterprise A',
  enterpriseB: 'enterprise B',
  provider: 'provider',
  providerOther: 'another provider',
  adminCounty: 'admin, other county',
  adminOther: 'admin, other city',
  adminHere: 'admin, this city',
  adminProvince: 'admin, province',
  viewer: 'viewer, this city',
  staff: 'staff, this city',
};

/** What a caller must get: past authorization (the operation's success status), or refused with this status. */
export type Outcome = 'allow' | 401 | 403 | 404;

/**
 * The problem code of each refusal. A 404 `not_found` is how the platform refuses another's voucher, engagement,
 * rating, registration or demand (so that its existence is not revealed); a 403 `forbidden` refuses a role.
 */
const DENIAL_CODE = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' } as const;

export interface Call {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** A raw body (a file): its media type and its bytes in base64. */
  readonly bytes?: { readonly mediaType: string; readonly base64: string };
}

export interface Session {
  readonly apiUrl: string;
  readonly users: Readonly<Record<Exclude<PrincipalName, 'anonymous'>, DemoUser>>;
  readonly tokens: Readonly<Record<Exclude<PrincipalName, 'anonymous'>, string>>;
  /** The city of enterprise A: the region whose administrator is `adminHere`. */
  readonly cityOfA: string;
}

export function operation(id: OperationId): Operation {
  return operations[id] as Operation;
}

/** The documented example of an operation: it acts on enterprise A's or the provider's seeded resources. */
export function exampleCall(id: OperationId): Call {
  const example = operation(id).example;
  return {
    ...(example?.params ? { params: example.params } : {}),
    ...(example?.query ? { query: example.query } : {}),
    ...(example?.headers ? { headers: example.headers } : {}),
    ...(example?.body === undefined ? {} : { body: example.body }),
    ...(example?.bytes ? { bytes: example.bytes } : {}),
  };
}

async function usersOf(apiUrl: string, role: Role): Promise<readonly DemoUser[]> {
  const response = await request<DemoUserList>(apiUrl, `/demo/users?role=${role}`);
  if (response.status !== 200) throw new Error(`GET /demo/users?role=${role}: ${response.status}`);
  return response.body.items;
}

async function tokenOf(apiUrl: string, userId: string): Promise<string> {
  const response = await request<{ token: string }>(apiUrl, '/demo/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (response.status !== 200) throw new Error(`No demo token for ${userId}: ${JSON.stringify(response.body)}`);
  return response.body.token;
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The seeded data has no ${what}`);
  return value;
}

/**
 * Picks the callers from the seeded users: A and the provider are the users the operations' examples act for (so the
 * examples' resources are theirs), B an enterprise of another city, a user of another provider, the administrators
 * of A's city, of a county of A's city that is not A's, of a city that is neither A's nor B's, and of the province.
 */
export async function signIn(apiUrl: string): Promise<Session> {
  const [enterprises, providers, centerUsers, regionList] = await Promise.all([
    usersOf(apiUrl, 'enterprise'),
    usersOf(apiUrl, 'provider'),
    usersOf(apiUrl, 'admin'),
    request<RegionList>(apiUrl, '/regions'),
  ]);
  // The administrators (管理员) of each center are the admin callers; its staff members and viewers the staff ones.
  const admins = centerUsers.filter((user) => (user.staffRole ?? 'admin') === 'admin');
  const staffMembers = centerUsers.filter((user) => (user.staffRole ?? 'admin') !== 'admin');
  const regions = new Map(regionList.body.items.map((region) => [region.code, region]));
  const cityOf = (code: string | null): string | undefined => {
    const region = code === null ? undefined : regions.get(code);
    if (region?.level === 'city') return region.code;
    return region?.level === 'county' ? (region.parentCode ?? undefined) : undefined;
  };
  const enterpriseA = found(
    enterprises.find((user) => user.id === operation('listMyVouchers').exampleUserId),
    'example enterprise user',
  );
  const cityOfA = found(cityOf(enterpriseA.regionCode), `city of ${enterpriseA.id}`);
  const enterpriseB = found(
    enterprises.find((user) => user.id !== enterpriseA.id && cityOf(user.regionCode) !== cityOfA),
    'enterprise user of another city',
  );
  const provider = found(
    providers.find((user) => user.id === operation('answerFollowUp').exampleUserId),
    'example provider user',
  );
  const viewer = found(
    staffMembers.find((user) => user.regionCode === cityOfA && user.staffRole === 'viewer'),
    `viewer of ${cityOfA}`,
  );
  const staff = found(
    staffMembers.find((user) => user.regionCode === cityOfA && user.staffRole === 'staff'),
    `staff member of ${cityOfA}`,
  );
  const adminHere = found(
    admins.find((user) => user.regionCode === cityOfA),
    `administrator of ${cityOfA}`,
  );
  const adminOther = found(
    admins.find(
      (user) =>
        user.regionCode !== null &&
        regions.get(user.regionCode)?.level === 'city' &&
        user.regionCode !== cityOfA &&
        user.regionCode !== cityOf(enterpriseB.regionCode),
    ),
    'administrator of another city',
  );
  const providerOther = found(
    providers.find((user) => user.organization !== provider.organization),
    'user of another provider',
  );
  const adminCounty = found(
    admins.find(
      (user) =>
        user.regionCode !== null &&
        regions.get(user.regionCode)?.level === 'county' &&
        regions.get(user.regionCode)?.parentCode === cityOfA &&
        user.regionCode !== enterpriseA.regionCode,
    ),
    `administrator of a county of ${cityOfA} other than A's`,
  );
  const adminProvince = found(
    admins.find((user) => user.regionCode !== null && regions.get(user.regionCode)?.level === 'province'),
    "the province's administrator",
  );
  const users = {
    enterpriseA,
    enterpriseB,
    provider,
    providerOther,
    adminCounty,
    adminOther,
    adminHere,
    adminProvince,
    viewer,
    staff,
  };
  const entries = await Promise.all(
    Object.entries(users).map(async ([name, user]) => [name, await tokenOf(apiUrl, user.id)] as const),
  );
  return { apiUrl, users, tokens: Object.fromEntries(entries) as Session['tokens'], cityOfA };
}

/** Sends one call of an operation as `who`. */
export async function send(session: Session, who: PrincipalName, id: OperationId, call: Call): Promise<JsonResponse> {
  const { method, path } = operation(id);
  let url = path;
  for (const [name, value] of Object.entries(call.params ?? {}))
    url = url.replace(`{${name}}`, encodeURIComponent(value));
  if (/[{}]/.test(url)) throw new Error(`${id}: no value for a parameter of ${path}`);
  const search = new URLSearchParams(call.query ?? {}).toString();
  const headers: Record<string, string> = { ...call.headers };
  if (who !== 'anonymous') headers['authorization'] = `Bearer ${session.tokens[who]}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  if (call.bytes) headers['content-type'] = call.bytes.mediaType;
  const body = call.bytes
    ? Buffer.from(call.bytes.base64, 'base64')
    : call.body === undefined
      ? undefined
      : JSON.stringify(call.body);
  return request(session.apiUrl, `${url}${search ? `?${search}` : ''}`, {
    method: method.toUpperCase(),
    headers,
    ...(body === undefined ? {} : { body }),
  });
}

/** The matrix cell of an answer: `allow 201`, `deny 404`, or the status and code of anything else. */
export function cellOf(response: JsonResponse): string {
  if (response.status >= 200 && response.status < 300) return `allow ${response.status}`;
  const problem = Problem.safeParse(response.body);
  const code = problem.success ? problem.data.code : 'no problem+json';
  const denial = (DENIAL_CODE as Record<number, string>)[response.status];
  return denial === code ? `deny ${response.status}` : `${response.status} ${code}`;
}

/**
 * Whether an answer is past authorization though not a success: a write sent again on the resource the caller it
 * follows has just changed (a staff member's move on what the city's administrator moved) finds the state moved on
 * (409) or its version gone (412), which only a caller let through gets to find.
 */
export function isPastAuthorization(response: JsonResponse): boolean {
  const problem = Problem.safeParse(response.body);
  if (!problem.success) return false;
  return (
    (response.status === 409 && problem.data.code === 'conflict') ||
    (response.status === 412 && problem.data.code === 'precondition_failed')
  );
}

/**
 * Why an answer does not match the expected outcome, or undefined when it does. `repeated`: the call is one another
 * caller has already made (a staff caller's borrowed write), so a conflict with its result counts as let through.
 */
export function mismatchOf(
  id: OperationId,
  expected: Outcome,
  response: JsonResponse,
  repeated = false,
): string | undefined {
  const op = operation(id);
  const body = JSON.stringify(response.body).slice(0, 300);
  if (expected === 'allow') {
    if (repeated && op.method !== 'get' && isPastAuthorization(response)) return undefined;
    const success = op.successStatus ?? 200;
    if (response.status !== success) return `expected ${success}, got ${response.status} ${body}`;
    const parsed = op.response.safeParse(response.body);
    return parsed.success ? undefined : `the answer does not match the response schema: ${parsed.error.message}`;
  }
  if (response.status !== expected) return `expected ${expected}, got ${response.status} ${body}`;
  if (!/^application\/problem\+json/.test(response.headers.get('content-type') ?? '')) {
    return `the refusal is not problem+json: ${response.headers.get('content-type')}`;
  }
  const problem = Problem.safeParse(response.body);
  if (!problem.success || problem.data.code !== DENIAL_CODE[expected]) {
    return `expected the problem code ${DENIAL_CODE[expected]}: ${body}`;
  }
  if (expected === 401 && response.headers.get('www-authenticate') !== 'Bearer') {
    return 'a 401 without `WWW-Authenticate: Bearer`';
  }
  return undefined;
}

/** The matrix as a Markdown table: one line per operation, a column per caller, and the resource called on. */
export function matrixTable(
  lines: readonly {
    readonly id: string;
    readonly cells: Readonly<Record<PrincipalName, string>>;
    readonly on: string;
  }[],
  session: Session,
): string {
  const header = ['operation', ...PRINCIPALS.map((who) => HEADING[who]), 'called on'];
  const rows = lines.map((line) => [line.id, ...PRINCIPALS.map((who) => line.cells[who]), line.on]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const who = PRINCIPALS.filter((name) => name !== 'anonymous')
    .map((name) => `${HEADING[name]} = ${session.users[name].id} (${session.users[name].regionCode ?? '-'})`)
    .join('; ');
  return [
    `Authorization matrix (${lines.length} operations × ${PRINCIPALS.length} callers): ${who}.`,
    format(header),
    format(widths.map((width) => '-'.repeat(width))),
    ...rows.map(format),
    '',
  ].join('\n');
}
