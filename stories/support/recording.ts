// The shape of stories/fixtures/<widget>.json: responses of the real seeded server, recorded by `npm run fixtures`
// (stories/record/) and replayed by URL in Storybook (replay.ts). Shared by both sides so they agree on the key.

/** One request the server answered, as the SDK needs it back. */
export interface Exchange {
  /** `GET /products?limit=12&region=440600`: see {@link requestKey}. */
  readonly request: string;
  /** How many writes the scenario had made when this was asked: a read after a write sees the written state. */
  readonly phase: number;
  readonly status: number;
  /** Only the headers the SDK reads: content-type, etag, retry-after and the rate-limit fields. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body as the server sent it (zh-CN), or null for none. */
  readonly body: unknown;
  /** For an error, its body in the other languages (the server's problem texts follow Accept-Language). */
  readonly localized?: Readonly<Record<string, unknown>>;
}

/** What one kind of visitor saw: a signed-in user (by the demo user's id) or nobody, and every answer in order. */
export interface Scenario {
  readonly user?: string;
  /** A scenario whose answers this one shares, for the requests it did not record itself (what loads first). */
  readonly extends?: string;
  readonly exchanges: readonly Exchange[];
}

export interface Recording {
  /** The server's clock when it was recorded (SMEC_NOW pins it): the seed, and so every date, is relative to it. */
  readonly recordedAt: string;
  /** Ids the stories point at (an engagement not rated yet, a full event…), found in the seeded data. */
  readonly ids: Readonly<Record<string, string>>;
  readonly scenarios: Readonly<Record<string, Scenario>>;
}

/** The headers worth keeping: what the SDK reads (the body's type, the cache validator, when to try again). */
export const KEPT_HEADERS = ['content-type', 'etag', 'retry-after', 'ratelimit', 'ratelimit-policy'] as const;

/**
 * The key of a request: its method and its path under the API base with the query sorted, so that the order in
 * which a widget happens to set its parameters does not matter.
 */
export function requestKey(method: string, url: string, base: string): string {
  const parsed = new URL(url);
  const root = new URL(base).pathname.replace(/\/+$/, '');
  const path = parsed.pathname.startsWith(root) ? parsed.pathname.slice(root.length) : parsed.pathname;
  const params = [...parsed.searchParams].sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));
  const query = new URLSearchParams(params).toString();
  return `${method.toUpperCase()} ${path}${query ? `?${query}` : ''}`;
}

/** Writes move a scenario on; a rejected write changes nothing on the server, so it does not. */
export function isWrite(method: string, status: number): boolean {
  return method.toUpperCase() !== 'GET' && status >= 200 && status < 300;
}

/**
 * The answer to `key` in the scenario's state: a read sees the latest state written before it (the greatest phase
 * not after `phase`); a write is the next one recorded from `phase` on.
 */
export function answerOf(exchanges: readonly Exchange[], key: string, phase: number): Exchange | undefined {
  const same = exchanges.filter((exchange) => exchange.request === key);
  if (key.startsWith('GET ')) return same.filter((exchange) => exchange.phase <= phase).at(-1);
  return same.find((exchange) => exchange.phase >= phase) ?? same.at(-1);
}
