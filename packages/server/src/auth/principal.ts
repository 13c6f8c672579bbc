import type { Principal, Role } from '@smec/schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem.js';
import { TokenRejected, type Authenticator } from './verifier.js';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The signed-in user, or null for an anonymous request. Verified only when a route asks for it: a public route
     * ignores the token, so a stale one left in a widget never breaks the catalog.
     */
    principal(): Promise<Principal | null>;
  }
}

export function unauthorized(detail = 'Sign in: send a valid bearer token.'): ProblemError {
  return new ProblemError(401, 'unauthorized', detail, { headers: { 'www-authenticate': 'Bearer' } });
}

export function forbidden(detail = 'Your account may not do this.'): ProblemError {
  return new ProblemError(403, 'forbidden', detail);
}

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;
const RESOLVED = Symbol('principal');

export function registerPrincipal(app: FastifyInstance, auth: Authenticator): void {
  app.decorateRequest('principal', function (this: FastifyRequest & { [RESOLVED]?: Promise<Principal | null> }) {
    this[RESOLVED] ??= resolve(this, auth);
    return this[RESOLVED];
  });
}

/** Anonymous without an Authorization header; a header that does not hold a valid token is a 401. */
async function resolve(request: FastifyRequest, auth: Authenticator): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const token = BEARER.exec(header)?.[1];
  if (!token) throw unauthorized('The Authorization header must be "Bearer <token>".');
  try {
    return await auth.verify(token);
  } catch (error) {
    if (error instanceof TokenRejected) {
      request.log.debug({ reason: error.message }, 'token rejected');
      throw unauthorized('The token is not valid: expired, not signed by a trusted issuer, or not for this platform.');
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
