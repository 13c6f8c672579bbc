// A test server on a real port whose clock the test moves, with its database at hand for what no API shows yet (the
// audit log, the notifications), and the calls of the centers' event operations.
import type { AddressInfo } from 'node:net';
import type { EventInput } from '@smec/schemas';
import { testNow } from '../../../test-support/server.js';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { request, type JsonResponse } from './helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface EventServer {
  readonly t: TestApp;
  readonly apiUrl: string;
  /** Moves the server's clock by `ms`. */
  advance(ms: number): void;
  token(userId: string): Promise<string>;
  call<T = unknown>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<JsonResponse<T>>;
  close(): Promise<void>;
}

export async function openEventServer(): Promise<EventServer> {
  let offset = 0;
  const t = await openTestApp({ clock: { now: () => testNow() + offset } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const apiUrl = `http://127.0.0.1:${port}/api/v1`;
  const tokens = new Map<string, string>();
  return {
    t,
    apiUrl,
    advance(ms) {
      offset += ms;
      // Tokens run out with time: those signed before are signed again.
      tokens.clear();
    },
    async token(userId) {
      const known = tokens.get(userId);
      if (known) return known;
      const token = await t.tokenFor(userId);
      tokens.set(userId, token);
      return token;
    },
    call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers['authorization'] = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      return request(apiUrl, path, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
    },
    close: () => t.close(),
  };
}

function at(ms: number): string {
  return `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
}

/** A training in Chancheng (Foshan) open for registration from an hour ago, held in `days` days; override any part. */
export function eventInput(overrides: Partial<EventInput> = {}, days = 10): EventInput {
  const starts = testNow() + days * DAY;
  return {
    type: 'training',
    title: '中小企业财税实务培训',
    description: '讲解小微企业建账、发票管理和纳税申报的常见问题，现场答疑。',
    regionCode: '440604',
    venue: '禅城区季华五路1号',
    startsAt: at(starts),
    endsAt: at(starts + 3 * HOUR),
    registrationOpensAt: at(testNow() - HOUR),
    registrationClosesAt: at(starts - DAY),
    capacity: 3,
    waitlistSize: 5,
    categoryIds: ['finance-tax'],
    ...overrides,
  };
}

export { at, DAY, HOUR };
