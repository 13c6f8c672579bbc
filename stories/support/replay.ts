/// <reference types="vite/client" />
// The stories' platform: the real seeded server's answers, recorded by `npm run fixtures` (stories/record/) and
// replayed by URL, so the static Storybook build needs no server and cannot drift from it. A request nobody recorded
// fails loudly, naming itself. The only behaviour written here is the network's: never answering, answering late, or
// failing as an unreachable platform does.
import { createClient, type SmecClient, type SmecLocale } from '@smec/sdk/core';
import { answerOf, isWrite, requestKey, type Recording, type Scenario } from './recording.js';

// Generated files, so not imported by name: a fresh checkout typechecks without them.
const RECORDINGS = import.meta.glob<Recording>('../fixtures/*.json', { eager: true, import: 'default' });

const BASE_URL = 'https://fixtures.invalid/api/v1';

/** The widgets with a recording of their own (stories/fixtures/<widget>.json). */
export type Widget =
  | 'catalog'
  | 'demand-form'
  | 'event-calendar'
  | 'voucher-wallet'
  | 'feedback-rating'
  | 'policy-list'
  | 'center-scorecard'
  | 'provider-application'
  | 'expert-directory'
  | 'public-notice'
  | 'provider-workbench'
  | 'center-workbench';

/**
 * How the network behaves: `answers` with the recording; `loading` never answers; `stalled` answers after `stallMs`
 * (5 s); `offline` fails as an unreachable platform does.
 */
export type Network = 'answers' | 'loading' | 'stalled' | 'offline';
export const NETWORKS: readonly Network[] = ['answers', 'loading', 'stalled', 'offline'];

export interface ReplayOptions {
  widget: Widget;
  /** Which visitor's recording: the scenarios of stories/record/<widget>.ts. */
  scenario: string;
  network?: Network;
  /** The requests `network` applies to; the others are answered. Default: all. */
  only?: 'reads' | 'writes';
  /** Start on the state the scenario's first `afterWrites` writes left (a story that opens after an action). */
  afterWrites?: number;
  /**
   * Paths (`/me/vouchers`) whose recorded list answers are replayed with no items. The only answers not the server's:
   * for an empty wallet, which no seeded enterprise has.
   */
  withoutItems?: readonly string[];
  /** The language the client asks the platform's texts in (a problem's title follows it). */
  lang?: SmecLocale;
  stallMs?: number;
}

/** The recording of a widget; throws when `npm run fixtures` has not written it. */
export function recording(widget: Widget): Recording {
  const found = RECORDINGS[`../fixtures/${widget}.json`];
  if (!found) throw new Error(`stories/fixtures/${widget}.json is missing: run \`npm run fixtures\``);
  return found;
}

/** The ids a widget's stories point at, found in the seeded data when it was recorded. */
export function recordedIds(widget: Widget): Readonly<Record<string, string>> {
  return recording(widget).ids;
}

/**
 * Stops the page's clock at the moment `widget` was recorded, for a widget whose requests carry the time it reads
 * (the center workbench asks for the events of the next seven days from now): its requests are then those recorded,
 * and every deadline and "overdue" reads as it did on the seeded platform. Returns what starts the clock again, a
 * story's `beforeEach` cleanup.
 */
export function pinClock(widget: Widget): () => void {
  const at = Date.parse(recording(widget).recordedAt);
  const realNow = Date.now;
  Date.now = () => at;
  return () => {
    Date.now = realNow;
  };
}

function scenarioOf(widget: Widget, name: string): Scenario {
  const found = recording(widget).scenarios[name];
  if (!found)
    throw new Error(`stories/fixtures/${widget}.json has no scenario ${name}: see stories/record/${widget}.ts`);
  return found;
}

function wait(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = Number.isFinite(ms) ? setTimeout(resolve, ms) : undefined;
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** A `fetch` that answers from the recording, the network behaving as `options.network` says. */
export function replayFetch(options: ReplayOptions): typeof fetch {
  const { widget, scenario, network = 'answers', only, stallMs = 5000, afterWrites = 0, withoutItems = [] } = options;
  const own = scenarioOf(widget, scenario);
  const base = own.extends ? scenarioOf(widget, own.extends) : undefined;
  let phase = afterWrites;
  return async (input, init) => {
    const request = new Request(input, init);
    // The caller's own signal: a Request copy's signal only follows it weakly in some engines.
    const signal = init?.signal ?? request.signal;
    const reading = request.method === 'GET';
    if (only === undefined || (only === 'reads') === reading) {
      if (network === 'loading') await wait(Infinity, signal);
      if (network === 'stalled') await wait(stallMs, signal);
      if (network === 'offline') throw new TypeError('Failed to fetch');
    }
    const key = requestKey(request.method, request.url, BASE_URL);
    const exchange = answerOf(own.exchanges, key, phase) ?? (base && answerOf(base.exchanges, key, 0));
    if (!exchange) {
      const message = `No recorded answer for ${key} in the ${scenario} scenario of stories/fixtures/${widget}.json: record it in stories/record/${widget}.ts`;
      console.error(message);
      throw new Error(message);
    }
    if (isWrite(request.method, exchange.status)) phase = exchange.phase + 1;
    const headers = new Headers(exchange.headers);
    if (reading && exchange.headers['etag'] && request.headers.get('if-none-match') === exchange.headers['etag']) {
      return new Response(null, { status: 304, headers });
    }
    const lang = request.headers.get('accept-language') ?? '';
    const recorded = exchange.localized?.[lang] ?? exchange.body;
    const emptied = withoutItems.includes(new URL(request.url).pathname.slice(new URL(BASE_URL).pathname.length));
    const body = emptied ? { ...(recorded as object), items: [], nextCursor: null, total: 0 } : recorded;
    return new Response(body === null ? null : JSON.stringify(body), { status: exchange.status, headers });
  };
}

/**
 * An SDK client on a recording, signed in as the scenario's user when it has one. No retries, so that an error story
 * shows its error at once; while `loading`, no timeout either (the longest a timer waits), so the story stays loading.
 */
export function replayClient(options: ReplayOptions): SmecClient {
  const { user } = scenarioOf(options.widget, options.scenario);
  return createClient({
    baseUrl: BASE_URL,
    fetch: replayFetch(options),
    retry: 0,
    locale: options.lang,
    timeout: options.network === 'loading' ? 2_147_483_647 : undefined,
    // The recording was made with the user's real token; the replay only needs the widget to know someone signed in.
    getToken: user ? () => `recorded:${user}` : undefined,
  });
}
