import type { Principal, Role } from '@smec/schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem.js';
import { ClaimRejected } from './claims.js';
import {
  AccountDeactivated,
  TokenRejected,
  principalFromUser,
  type Authenticated,
  type Authenticator,
} from './verifier.js';
import type { Localized, ProblemText } from '../http/localized.js';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The signed-in user, or null for an anonymous request. Verified only when a route asks for it: a public route
     * ignores the token, so a stale one left in a widget never breaks the catalog.
     */
    principal(): Promise<Principal | null>;
    /**
     * The user the bearer token names, its signature checked but the user not looked up (null when anonymous; a bad
     * token is a 401). For a route that reads the user along with what it needs anyway, in one statement.
     */
    tokenSubject(): Promise<string | null>;
  }
}

const TEXT = {
  signIn: {
    'zh-CN': '请先登录：请求需附带有效的访问令牌。',
    'zh-HK': '請先登入：請求需附帶有效的存取權杖。',
    en: 'Sign in: send a valid bearer token.',
  },
  forbidden: {
    'zh-CN': '您的账号无权执行此操作。',
    'zh-HK': '您的帳戶無權執行此操作。',
    en: 'Your account may not do this.',
  },
  invalidToken: {
    'zh-CN': '访问令牌无效：已过期、并非由受信任的签发方签发，或不属于本平台。',
    'zh-HK': '存取權杖無效：已過期、並非由受信任的簽發方簽發，或不屬於本平台。',
    en: 'The token is not valid: expired, not signed by a trusted issuer, or not for this platform.',
  },
  deactivated: {
    'zh-CN': '此账号已被所属服务中心停用。',
    'zh-HK': '此帳戶已被所屬服務中心停用。',
    en: 'This account has been deactivated by its center.',
  },
  belowLevel: {
    'zh-CN': '您的工作人员角色无权执行此操作。',
    'zh-HK': '您的工作人員角色無權執行此操作。',
    en: 'Your staff role may not do this.',
  },
  bearer: {
    'zh-CN': 'Authorization 请求头必须为 "Bearer <令牌>"。',
    'zh-HK': 'Authorization 請求標頭必須為 "Bearer <權杖>"。',
    en: 'The Authorization header must be "Bearer <token>".',
  },
} as const satisfies Record<string, Localized>;

export function unauthorized(detail: ProblemText = TEXT.signIn): ProblemError {
  return new ProblemError('unauthorized', detail, { headers: { 'www-authenticate': 'Bearer' } });
}

export function forbidden(detail: ProblemText = TEXT.forbidden): ProblemError {
  return new ProblemError('forbidden', detail);
}

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;
const RESOLVED = Symbol('principal');
const SUBJECT = Symbol('subject');

type Resolving = FastifyRequest & {
  [RESOLVED]?: Promise<Principal | null>;
  [SUBJECT]?: Promise<Authenticated | null>;
};

/** The 401 of a token that is well formed but not accepted, or that names no user. */
export function invalidToken(): ProblemError {
  return unauthorized(TEXT.invalidToken);
}

export function registerPrincipal(app: FastifyInstance, auth: Authenticator): void {
  app.decorateRequest('tokenSubject', async function (this: Resolving) {
    return (await authenticated(this, auth))?.userId ?? null;
  });
  app.decorateRequest('principal', function (this: Resolving) {
    this[RESOLVED] ??= resolve(this, auth);
    return this[RESOLVED];
  });
}

/** The token's check, once per request: `tokenSubject()` and `principal()` share it. */
function authenticated(request: Resolving, auth: Authenticator): Promise<Authenticated | null> {
  request[SUBJECT] ??= authenticate(request, auth);
  return request[SUBJECT];
}

/** Anonymous without an Authorization header; a header that does not hold a valid token is a 401. */
async function authenticate(request: FastifyRequest, auth: Authenticator): Promise<Authenticated | null> {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const token = BEARER.exec(header)?.[1];
  if (!token) throw unauthorized(TEXT.bearer);
  return rejectedAsUnauthorized(request, () => auth.authenticate(token));
}

async function resolve(request: Resolving, auth: Authenticator): Promise<Principal | null> {
  const signedIn = await authenticated(request, auth);
  if (signedIn === null) return null;
  // The claims' account was read (or written) with the token's check: no second read.
  const { user } = signedIn;
  if (user) return rejectedAsUnauthorized(request, async () => principalFromUser(user));
  return rejectedAsUnauthorized(request, () => auth.principalOf(signedIn.userId));
}

async function rejectedAsUnauthorized<T>(request: FastifyRequest, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof TokenRejected) {
      request.log.debug({ reason: error.message }, 'token rejected');
      throw invalidToken();
    }
    // The token is genuine but its account claims do not fit: the caller (or the identity provider's operator) is
    // told which claim, and only what the token itself said.
    if (error instanceof AccountDeactivated) {
      request.log.debug({ reason: error.message }, 'account deactivated');
      throw forbidden(TEXT.deactivated);
    }
    if (error instanceof ClaimRejected) {
      request.log.debug({ claim: error.claim }, 'token claims rejected');
      throw unauthorized(error.detail);
    }
    throw error;
  }
}

/** The signed-in user, who must have one of `roles`: 401 when anonymous or the token is bad, 403 otherwise. */
export async function requireRole(request: FastifyRequest, ...roles: Role[]): Promise<Principal> {
  const principal = await request.principal();
  if (!principal) throw unauthorized();
  if (!roles.includes(principal.role)) throw forbidden();
  return principal;
}

/** The user the token names, unchecked against the users table: 401 when anonymous or the token is bad. */
export async function requireSubject(request: FastifyRequest): Promise<string> {
  const subject = await request.tokenSubject();
  if (subject === null) throw unauthorized();
  return subject;
}

/** What a center's staff member may do, lowest first: read, work the queues, also keep staff and the center's record. */
export type StaffLevel = 'viewer' | 'staff' | 'admin';

const RANK: Readonly<Record<StaffLevel, number>> = { viewer: 0, staff: 1, admin: 2 };

/** Whether a staff role reaches `level`. */
export function reachesLevel(role: StaffLevel, level: StaffLevel): boolean {
  return RANK[role] >= RANK[level];
}

/**
 * The signed-in center staff member, allowed at least `level`: 401 when anonymous, 403 for another role or a lower
 * level (a deactivated account is refused before, whatever the route).
 */
export async function requireStaff(request: FastifyRequest, level: StaffLevel): Promise<Principal> {
  const principal = await requireRole(request, 'admin');
  if (!reachesLevel(principal.staffRole ?? 'admin', level)) throw forbidden(TEXT.belowLevel);
  return principal;
}

/**
 * A center staff member when the caller is one, checked for `level`; anyone else as `requireRole` finds them. For
 * routes that enterprises, providers and centers share, where a center's part needs its level.
 */
export async function requireRoleOrStaff(
  request: FastifyRequest,
  level: StaffLevel,
  ...roles: Role[]
): Promise<Principal> {
  const principal = await requireRole(request, ...roles, 'admin');
  if (principal.role === 'admin' && !reachesLevel(principal.staffRole ?? 'admin', level)) {
    throw forbidden(TEXT.belowLevel);
  }
  return principal;
}
