// Records what the real server answers, for the stories to replay (stories/support/replay.ts). Each scenario is an
// SDK client whose fetch keeps every exchange: the stories' requests are made with the same SDK calls the widgets
// make, so their URLs are built the same way.
import { SmecApiError, createClient, type SmecClient } from '@smec/sdk';
import {
  KEPT_HEADERS,
  answerOf,
  isWrite,
  requestKey,
  type Exchange,
  type Recording,
  type Scenario,
} from '../support/recording.js';

/** The languages a problem is recorded in besides zh-CN: the stories show the widgets in these too. */
const OTHER_LANGUAGES = ['en', 'zh-HK'] as const;

function parse(text: string): unknown {
  return text ? (JSON.parse(text) as unknown) : null;
}

/** A problem's text without its request id, which differs on every answer. */
function wording(body: unknown): string {
  return JSON.stringify(body, (key, value: unknown) => (key === 'requestId' ? undefined : value));
}

function keptHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value;
  }
  return kept;
}

const same = (a: Exchange, b: Exchange) =>
  a.status === b.status &&
  JSON.stringify(a.headers) === JSON.stringify(b.headers) &&
  wording(a.body) === wording(b.body);

/**
 * The exchanges without the reads the replay would answer the same way without them (asked again in the same state,
 * or as the base scenario answers them), so that the fixtures stay small.
 */
function withoutRepeats(exchanges: readonly Exchange[], base: readonly Exchange[]): Exchange[] {
  const kept: Exchange[] = [];
  for (const exchange of exchanges) {
    const before = answerOf(kept, exchange.request, exchange.phase) ?? answerOf(base, exchange.request, 0);
    if (exchange.request.startsWith('GET ') && before && same(before, exchange)) continue;
    kept.push(exchange);
  }
  return kept;
}

/** One scenario's exchanges, as they happen. */
class ScenarioLog {
  readonly exchanges: Exchange[] = [];
  #phase = 0;

  constructor(
    readonly apiUrl: string,
    readonly user: string | undefined,
    readonly base: string | undefined,
  ) {}

  /** The server's fetch, writing down every answer. */
  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const body = init?.body === undefined || init.body === null ? undefined : String(init.body);
    const send = (headers: Headers) => fetch(request.url, { method: request.method, headers, body });
    const response = await send(new Headers(request.headers));
    const text = await response.text();
    const localized: Record<string, unknown> = {};
    // The server words its problems in the request's language; a refused request changed nothing, so asking again
    // in another language is safe. Only wordings that differ are kept.
    if (response.status >= 400) {
      for (const lang of OTHER_LANGUAGES) {
        const headers = new Headers(request.headers);
        headers.set('accept-language', lang);
        const other = parse(await (await send(headers)).text());
        if (wording(other) !== wording(parse(text))) localized[lang] = other;
      }
    }
    this.exchanges.push({
      request: requestKey(request.method, request.url, this.apiUrl),
      phase: this.#phase,
      status: response.status,
      headers: keptHeaders(response.headers),
      body: parse(text),
      ...(Object.keys(localized).length > 0 ? { localized } : {}),
    });
    if (isWrite(request.method, response.status)) this.#phase += 1;
    return new Response(text || null, { status: response.status, headers: response.headers });
  };

  toJSON(): Scenario {
    return {
      ...(this.user ? { user: this.user } : {}),
      ...(this.base ? { extends: this.base } : {}),
      exchanges: this.exchanges,
    };
  }
}

/** The recording of one widget: its scenarios and the ids its stories point at. */
export class WidgetRecorder {
  readonly ids: Record<string, string> = {};
  readonly #scenarios = new Map<string, ScenarioLog>();

  constructor(
    readonly name: string,
    private readonly server: Recorder,
  ) {}

  /**
   * The client of a scenario, signed in as `user` (a seeded demo user's id) when given, answering what it did not
   * record itself from the scenario `base`; asking for the same name again continues that scenario.
   */
  scenario(name: string, { user, base }: { user?: string; base?: string } = {}): SmecClient {
    let log = this.#scenarios.get(name);
    if (!log) this.#scenarios.set(name, (log = new ScenarioLog(this.server.apiUrl, user, base)));
    return createClient({
      baseUrl: this.server.apiUrl,
      fetch: log.fetch,
      retry: 0,
      locale: 'zh-CN',
      // Every answer is recorded in full: a 304 would leave the replay without a body.
      cache: false,
      getToken: user ? () => this.server.token(user) : undefined,
    });
  }

  toJSON(recordedAt: number): Recording {
    const scenarios = Object.fromEntries(
      [...this.#scenarios].map(([name, log]) => {
        const scenario = log.toJSON();
        const base = scenario.extends ? this.#scenarios.get(scenario.extends)?.exchanges : undefined;
        return [name, { ...scenario, exchanges: withoutRepeats(scenario.exchanges, base ?? []) }];
      }),
    );
    return { recordedAt: new Date(recordedAt).toISOString(), ids: this.ids, scenarios };
  }
}

/** The server being recorded, and the demo tokens of its users. */
export class Recorder {
  readonly #tokens = new Map<string, Promise<string>>();
  /** A client of the server that records nothing, for looking around the seeded data. */
  readonly look: SmecClient;

  constructor(readonly apiUrl: string) {
    this.look = createClient({ baseUrl: apiUrl, retry: 0, cache: false });
  }

  /** A bearer token of a seeded user, from the demo sign-in. */
  token(userId: string): Promise<string> {
    let token = this.#tokens.get(userId);
    if (!token) this.#tokens.set(userId, (token = this.look.demo.token(userId).then((answer) => answer.token)));
    return token;
  }

  /** A client that records nothing, signed in as `userId`. */
  lookAs(userId: string): SmecClient {
    return createClient({ baseUrl: this.apiUrl, retry: 0, cache: false, getToken: () => this.token(userId) });
  }

  widget(name: string): WidgetRecorder {
    return new WidgetRecorder(name, this);
  }
}

/** Awaits a call the server is expected to refuse with `status`, returning the refusal (recorded all the same). */
export async function refused(call: Promise<unknown>, status: number): Promise<SmecApiError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof SmecApiError && error.status === status) return error;
    throw error;
  }
  throw new Error(`the server accepted a request the story expects it to refuse with ${status}`);
}
