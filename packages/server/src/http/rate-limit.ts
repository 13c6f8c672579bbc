import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { ProblemError } from './problem.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { fill, type Localized } from './localized.js';

const TOO_MANY: Localized = {
  'zh-CN': '您的地址请求过于频繁，请 {seconds} 秒后重试。',
  'zh-HK': '您的地址請求過於頻繁，請 {seconds} 秒後重試。',
  en: 'Too many requests from your address; retry in {seconds} s.',
};

/** At most `max` requests per client address in a window of `windowMs`. */
export interface RateLimitRule {
  readonly max: number;
  readonly windowMs: number;
}

/** Parses `max/seconds`, e.g. `10/600` for ten per ten minutes. */
export function parseRateLimit(text: string | undefined, name: string): RateLimitRule | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new Error(`${name} must read max/seconds, e.g. 10/600, not ${text}`);
  return { max: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}

/** The policy as the IETF RateLimit fields spell it: `"demand-submit";q=10;w=600`. */
function policyHeader(name: string, rule: RateLimitRule): string {
  return `"${name}";q=${rule.max};w=${Math.ceil(rule.windowMs / 1000)}`;
}

// The plugin tells what is left of a counted request's limit only as these headers; `limitedRoute` spells them as
// the one `RateLimit` field and removes them, so they never reach the client.
const REMAINING = 'x-ratelimit-remaining';
const RESET = 'x-ratelimit-reset';

/**
 * Registers the rate-limit plugin for the routes that ask for it (none by default), counting in the database that
 * every instance shares. Refusals are 429 problems with `Retry-After`, `RateLimit` and `RateLimit-Policy`; every
 * other answer to a counted request carries `RateLimit` and `RateLimit-Policy`.
 */
export async function registerRateLimits(app: FastifyInstance, db: Kysely<Database>, clock: Clock): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(db, clock),
    addHeaders: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
      'retry-after': false,
    },
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, [REMAINING]: true, [RESET]: true },
    errorResponseBuilder: (request, context) => {
      const config = request.routeOptions.config as { rateLimit?: { groupId?: string; timeWindow?: number } };
      const name = config.rateLimit?.groupId ?? 'default';
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      const window = typeof config.rateLimit?.timeWindow === 'number' ? config.rateLimit.timeWindow : context.ttl;
      return new ProblemError('rate_limited', fill(TOO_MANY, { seconds }), {
        headers: {
          'retry-after': String(seconds),
          ratelimit: `"${name}";r=0;t=${seconds}`,
          'ratelimit-policy': policyHeader(name, { max: context.max, windowMs: window }),
        },
      });
    },
  });
}

/**
 * The route config of a limited route. `exempt` lets a request through without counting it (a replayed idempotent
 * write does no work, so refusing it would only stop a client from learning what it already did).
 */
export function limitedRoute(
  name: string,
  rule: RateLimitRule,
  exempt?: (request: FastifyRequest) => Promise<boolean>,
) {
  return {
    config: {
      rateLimit: {
        max: rule.max,
        timeWindow: rule.windowMs,
        groupId: name,
        hook: 'preHandler' as const,
        ...(exempt ? { allowList: (request: FastifyRequest) => exempt(request) } : {}),
      },
    },
    onSend: async (_request: FastifyRequest, reply: FastifyReply) => {
      reply.header('ratelimit-policy', policyHeader(name, rule));
      const remaining = reply.getHeader(REMAINING);
      const reset = reply.getHeader(RESET);
      // A 429 has its own `RateLimit` (r=0); a request the limit let through uncounted (a replay) has none.
      if (remaining !== undefined && reset !== undefined) {
        reply.header('ratelimit', `"${name}";r=${String(remaining)};t=${String(reset)}`);
      }
      reply.removeHeader(REMAINING);
      reply.removeHeader(RESET);
    },
  };
}
