import type { Clock } from '../clock.js';
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { ProblemError, validationFailed } from './problem.js';
import type { Localized } from './localized.js';

const TEXT = {
  badKey: {
    'zh-CN': '必须为 1 至 255 个可见 ASCII 字符',
    'zh-HK': '必須為 1 至 255 個可見 ASCII 字元',
    en: 'Must be 1 to 255 visible ASCII characters',
  },
  reused: {
    'zh-CN': '此 Idempotency-Key 已用于另一个请求正文；新请求请使用新的键。',
    'zh-HK': '此 Idempotency-Key 已用於另一個請求內容；新請求請使用新的鍵。',
    en: 'This Idempotency-Key was already used with a different request body; use a new key for a new request.',
  },
  inProgress: {
    'zh-CN': '使用此 Idempotency-Key 的请求仍在处理中，请稍后重试。',
    'zh-HK': '使用此 Idempotency-Key 的請求仍在處理中，請稍後重試。',
    en: 'A request with this Idempotency-Key is still being processed; retry in a moment.',
  },
} as const satisfies Record<string, Localized>;

/** How long a key's answer is kept and replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

const KEY = /^[\x21-\x7e]{1,255}$/;

/** What a write answers; stored as is and replayed to the retries. */
export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

/** What the store holds of a key, enough to tell whether a request would be replayed. */
export interface StoredKey {
  readonly bodyHash: string;
  readonly status: string;
  readonly createdTs: number;
}

export interface IdempotentResult extends StoredResponse {
  /** True when this is the stored answer of an earlier request with the same key. */
  readonly replayed: boolean;
}

/** JSON with object keys sorted at every level, so that the same body hashes the same whatever its key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

export function bodyHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('base64url');
}

/** The request's `Idempotency-Key`, or undefined when it sent none; a malformed key is a 400. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY.test(value)) {
    throw validationFailed([{ path: 'header.idempotency-key', message: TEXT.badKey, code: 'invalid' }]);
  }
  return value;
}

/**
 * The idempotency of writes (DESIGN.md): the first request with a key does the work and its answer is stored; a
 * retry with the same key and body gets that answer again; the same key with another body is 422; a retry while a
 * first request is still pending is 409. Keys are scoped (e.g. `POST /demands`, or per user) and expire after 24 h.
 */
export class IdempotencyStore {
  readonly #db: Kysely<Database>;
  readonly #clock: Clock;
  #lastSweep = 0;

  constructor(db: Kysely<Database>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /**
   * Runs `work` once per key. The key's row is inserted first, in the same transaction as the work and its stored
   * answer: of two concurrent requests with one key, the unique (scope, key) lets only one insert; the other waits
   * for its commit and replays the answer, so both can never do the work. An error thrown by `work` rolls everything
   * back, the key included, so a corrected retry may use the same key. `last`, when given, is the transaction's
   * last statement before its commit, after the answer is stored: a write to a row every request contends for
   * (a batch's quota) then holds that row's lock for as short a time as possible.
   */
  async run(
    scope: string,
    key: string | undefined,
    body: unknown,
    work: (trx: Transaction<Database>) => Promise<StoredResponse>,
    last?: () => Promise<void>,
  ): Promise<IdempotentResult> {
    if (key === undefined) {
      const response = await this.#db.transaction().execute(async (trx) => {
        const done = await work(trx);
        await last?.();
        return done;
      });
      return { ...response, replayed: false };
    }
    const hash = bodyHash(body);
    await this.#sweep();
    return this.#db.transaction().execute(async (trx) => {
      const now = this.#clock.now();
      // A key seen before is taken over only when its answer has expired (one statement: this runs on every write).
      const inserted = await trx
        .insertInto('idempotency_keys')
        .values({
          scope,
          key,
          body_hash: hash,
          status: 'pending',
          response_status: null,
          response_body: null,
          created_ts: now,
        })
        .onConflict((conflict) =>
          conflict
            .columns(['scope', 'key'])
            .doUpdateSet((eb) => ({
              body_hash: eb.ref('excluded.body_hash'),
              status: eb.ref('excluded.status'),
              response_status: null,
              response_body: null,
              created_ts: eb.ref('excluded.created_ts'),
            }))
            .where('idempotency_keys.created_ts', '<', now - IDEMPOTENCY_TTL_MS),
        )
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return this.#existing(trx, scope, key, hash);

      const response = await work(trx);
      await trx
        .updateTable('idempotency_keys')
        .set({ status: 'done', response_status: response.status, response_body: JSON.stringify(response.body) })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .execute();
      await last?.();
      return { ...response, replayed: false };
    });
  }

  /** Deletes expired keys, at most every ten minutes, so the table holds about a day of writes. */
  async #sweep(): Promise<void> {
    const now = this.#clock.now();
    if (now - this.#lastSweep < 10 * 60_000) return;
    this.#lastSweep = now;
    await this.#db
      .deleteFrom('idempotency_keys')
      .where('created_ts', '<', now - IDEMPOTENCY_TTL_MS)
      .execute();
  }

  /** True when a request with this key and body would be answered from the store (a replay costs nothing). */
  async wouldReplay(scope: string, key: string | undefined, body: unknown): Promise<boolean> {
    if (key === undefined) return false;
    const row = await this.#db
      .selectFrom('idempotency_keys')
      .select(['body_hash as bodyHash', 'status', 'created_ts as createdTs'])
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    return this.replays(row, body);
  }

  /**
   * The rate limit's exemption of a write under `scope`: a request this store would answer again does no work, so
   * it is not counted (a malformed key counts).
   */
  replayExemption(scope: string): (request: FastifyRequest) => Promise<boolean> {
    return async (request) => {
      try {
        return await this.wouldReplay(scope, idempotencyKeyOf(request), request.body);
      } catch {
        return false;
      }
    };
  }

  /**
   * True when `stored` (a key's row, read along with something else) holds a finished answer, not expired, to a
   * request with this body: a request with that key is then answered from the store.
   */
  replays(stored: StoredKey | undefined, body: unknown): boolean {
    return (
      stored !== undefined &&
      stored.status === 'done' &&
      stored.bodyHash === bodyHash(body) &&
      stored.createdTs >= this.#clock.now() - IDEMPOTENCY_TTL_MS
    );
  }

  async #existing(trx: Transaction<Database>, scope: string, key: string, hash: string): Promise<IdempotentResult> {
    const row = await trx
      .selectFrom('idempotency_keys')
      .select(['body_hash', 'status', 'response_status', 'response_body'])
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (row.body_hash !== hash) {
      throw new ProblemError('idempotency_key_reused', TEXT.reused);
    }
    if (row.status !== 'done' || row.response_status === null || row.response_body === null) {
      throw new ProblemError('request_in_progress', TEXT.inProgress, { headers: { 'retry-after': '1' } });
    }
    return { status: row.response_status, body: JSON.parse(row.response_body) as unknown, replayed: true };
  }
}
