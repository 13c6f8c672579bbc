import { isProblemCode, type ProblemCode } from '@smec/schemas';
import { operations, problemCodesOf, type Operation } from '@smec/schemas/openapi';
import type { FastifyInstance } from 'fastify';
import { problemBody } from './problem.js';

const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** What the check knows of a route: the operation it serves and the codes that operation lists. */
interface Listed {
  readonly operationId: string;
  readonly codes: ReadonlySet<ProblemCode>;
}

/**
 * The codes of a request that reaches no route: none there (404, or 405 on a path that only reads), a path the
 * router cannot read or a body that cannot be parsed (400, 413, 415), and the failures any request may meet.
 */
const NO_ROUTE: Listed = {
  operationId: '(no route)',
  codes: new Set<ProblemCode>([
    'not_found',
    'method_not_allowed',
    'validation_failed',
    'payload_too_large',
    'unsupported_media_type',
    'internal_error',
    'service_unavailable',
  ]),
};

/** An operation's path as Fastify spells its route: `/products/{id}` under `/api/v1` is `/api/v1/products/:id`. */
export function routeOf(operation: Operation, prefix: string): string {
  return `${prefix}${operation.path.replace(/\{(\w+)\}/g, ':$1')}`;
}

/**
 * Tests only: a problem whose code its operation does not list (`operations.ts`) becomes a 500 `internal_error`
 * naming the code and the operation, with a process warning, so that any test that meets it fails. Production
 * servers send what the route threw, unchecked. Routes that are no operation (the demo site, the CDN build) are
 * not checked.
 */
export function registerProblemCodeCheck(app: FastifyInstance, prefix: string): void {
  const listed = new Map<string, Listed>();
  for (const operation of Object.values(operations) as Operation[]) {
    const key = `${operation.method.toUpperCase()} ${routeOf(operation, prefix)}`;
    listed.set(key, { operationId: operation.operationId, codes: new Set(problemCodesOf(operation)) });
  }
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (typeof payload !== 'string' || !type.startsWith(PROBLEM_MEDIA_TYPE)) return payload;
    const { url } = request.routeOptions;
    // A HEAD is answered by its GET route.
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const entry = url === undefined || request.is404 ? NO_ROUTE : listed.get(`${method} ${url}`);
    if (!entry) return payload;
    const { code } = JSON.parse(payload) as { code?: unknown };
    if (isProblemCode(code) && entry.codes.has(code)) return payload;
    const message =
      `problem code ${String(code)} is not listed for ${entry.operationId} (${request.method} ${url ?? request.url}): ` +
      'list it in its operation (packages/schemas/src/openapi/operations/) or do not send it';
    request.log.error({ code, operationId: entry.operationId }, message);
    process.emitWarning(message, { code: 'SMEC_UNLISTED_PROBLEM_CODE' });
    reply.code(500);
    return JSON.stringify(problemBody(request, 'internal_error', message));
  });
}
