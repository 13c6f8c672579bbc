// The catalog's public lists, kept as the JSON they were sent as, per query and catalog version. Every visitor of a
// center's homepage asks the same first page (its region, no keyword), whose facets are otherwise counted afresh
// each time; a list is the same until the catalog's version moves (catalogVersion), so a repeat is one probe
// statement and a string.
import type { Kysely } from 'kysely';
import { etagOf } from '../http/etag.js';
import type { Database } from '../db/schema.js';
import { catalogVersion } from './product-columns.js';

/** Enough for every region's first pages and the popular filters; a key is a few hundred bytes, an answer ~30 KB. */
const MAX_ANSWERS = 256;

/** A list as it is sent: its JSON and that JSON's ETag, so neither is made again for a repeat. */
export interface Answer {
  readonly json: string;
  readonly etag: string;
}

export class AnswerMemo {
  readonly #answers = new Map<string, Answer & { readonly version: string }>();
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The answer of `compute()` for `key` at the catalog's current version: remembered, or computed and remembered. */
  async answer(key: string, compute: () => Promise<unknown>): Promise<Answer> {
    const version = await catalogVersion(this.#db);
    const known = this.#answers.get(key);
    if (known?.version === version) {
      // Most recently used last, so the oldest is the one evicted.
      this.#answers.delete(key);
      this.#answers.set(key, known);
      return known;
    }
    const json = JSON.stringify(await compute());
    const answer = { version, json, etag: etagOf(json) };
    this.#answers.delete(key);
    this.#answers.set(key, answer);
    if (this.#answers.size > MAX_ANSWERS) this.#answers.delete(this.#answers.keys().next().value as string);
    return answer;
  }
}

/** A parsed query as a memo key: the same filters in any order name one answer. */
export function queryKey(route: string, query: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${route}?${JSON.stringify(entries)}`;
}
