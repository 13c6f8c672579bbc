/**
 * The products a search matches, worked out once and remembered. A request used to recompute the n-gram
 * intersection in each of its statements (the page and the facets), and at province scale (100,000 products) a
 * common term matches ten thousand of them: that intersection, with its phrase check, was most of a search's time.
 * Now it runs once per distinct search: the matches are remembered in relevance order, a relevance page is read
 * off them in order, and the other statements take them as a list of product numbers.
 *
 * What a search matches depends only on the products' texts: the seed appends products, and a provider's change of
 * its own moves `meta.catalog_texts_version` (products/catalog-index.ts). So the matches stay valid while the highest
 * product number and that version stay the same, which every request checks (one statement of two index probes),
 * and every instance on a shared database sees the same.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CatalogContext } from './context.js';
import type { Fragment, Plan } from './product-query.js';

/** Matches of one search: product numbers and their relevance scores, best first (then by number). */
export interface MatchSet {
  readonly seqs: Int32Array;
  readonly scores: Int32Array;
}

/** Remembered matches are bounded by their total number of rows (8 bytes each): about 16 MB. */
const MAX_CACHED_ROWS = 2_000_000;

/** Term orders remembered; a few hundred bytes each. */
const MAX_CACHED_ORDERS = 10_000;

class MatchCache {
  #version = '';
  #rows = 0;
  readonly #entries = new Map<string, MatchSet>();
  /** The terms of a search rarest first, or null when one occurs nowhere. */
  readonly #orders = new Map<string, readonly string[] | null>();

  /** Forgets everything when the products changed (a seed appended some, a provider changed one). */
  check(version: string): void {
    if (version === this.#version) return;
    this.#version = version;
    this.#entries.clear();
    this.#orders.clear();
    this.#rows = 0;
  }

  order(key: string): readonly string[] | null | undefined {
    return this.#orders.get(key);
  }

  setOrder(key: string, order: readonly string[] | null): void {
    if (this.#orders.size >= MAX_CACHED_ORDERS) this.#orders.clear();
    this.#orders.set(key, order);
  }

  get(key: string): MatchSet | undefined {
    const found = this.#entries.get(key);
    if (found) {
      this.#entries.delete(key);
      this.#entries.set(key, found);
    }
    return found;
  }

  set(key: string, set: MatchSet): void {
    if (set.seqs.length > MAX_CACHED_ROWS) return;
    this.#entries.set(key, set);
    this.#rows += set.seqs.length;
    for (const [oldest, entry] of this.#entries) {
      if (this.#rows <= MAX_CACHED_ROWS) break;
      this.#entries.delete(oldest);
      this.#rows -= entry.seqs.length;
    }
  }
}

const caches = new WeakMap<Kysely<Database>, MatchCache>();

/** The database's cache, emptied first if the products changed since it was filled. */
async function checkedCache(db: Kysely<Database>): Promise<MatchCache> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new MatchCache();
    caches.set(db, cache);
  }
  const version = await sql<{ n: number | null; texts: string | null }>`
    select (select max(seq) from products) as n,
      (select value from meta where key = 'catalog_texts_version') as texts`.execute(db);
  cache.check(`${String(version.rows[0]?.n ?? 0)}/${version.rows[0]?.texts ?? ''}`);
  return cache;
}

/**
 * Orders the query's terms rarest first (one cheap count per term on the index) so that the intersection starts
 * from the shortest posting list. Returns null when a term occurs nowhere: nothing can match.
 */
export async function rarestTerms(context: CatalogContext, terms: readonly string[]): Promise<string[] | null> {
  if (terms.length === 1) return [...terms];
  const cache = await checkedCache(context.db);
  const key = JSON.stringify(terms);
  const known = cache.order(key);
  if (known !== undefined) return known === null ? null : [...known];
  const counts = await sql<{ term: string; n: number }>`
    select term, count(*) as n from product_terms where term in (${sql.join(terms)}) group by term`.execute(context.db);
  const order =
    counts.rows.length < terms.length
      ? null
      : counts.rows.sort((a, b) => Number(a.n) - Number(b.n)).map((row) => row.term);
  cache.setOrder(key, order);
  return order;
}

/** Phrases that must be confirmed verbatim: runs of three or more characters, or all when terms were left out. */
function phrasesToCheck(plan: Plan): string[] {
  return (plan.search?.phrases ?? []).filter((phrase) => plan.checkAllPhrases || [...phrase].length > 2);
}

/**
 * The search matches as a CTE `m (product_seq, score)`: the intersection of the
 * terms' posting lists (rarest first, each further term a primary-key probe), confirmed against the phrases.
 * Bigrams alone would also match 「代理…理记…记账」 scattered over the text; a longer run must occur as written.
 * Runs hold only Han characters, letters and digits, so there is nothing to escape in the LIKE pattern.
 */
function intersection(plan: Plan): Fragment {
  const [first, ...rest] = plan.terms;
  if (first === undefined) return sql``;
  const alias = (index: number) => sql.ref(`t${index}`);
  const column = (index: number, name: string) => sql.ref(`t${index}.${name}`);
  const joins = rest.map(
    (term, i) => sql`join product_terms ${alias(i + 1)} on ${column(i + 1, 'term')} = ${term}
      and ${column(i + 1, 'product_seq')} = t0.product_seq`,
  );
  const phrases = phrasesToCheck(plan).map((phrase) => sql`s.text like ${`%${phrase}%`}`);
  const confirm =
    phrases.length === 0
      ? sql``
      : sql`join product_search s on s.seq = t0.product_seq and ${sql.join(phrases, sql` and `)}`;
  const score = sql.join(
    [0, ...rest.map((_, i) => i + 1)].map((i) => column(i, 'weight')),
    sql` + `,
  );
  // One posting list is read in place; an intersection (or a phrase check) is computed once per statement, since
  // left to itself the planner may start from the wrong table.
  const materialized = rest.length > 0 || phrases.length > 0 ? sql`materialized` : sql``;
  return sql`with m as ${materialized} (
      select t0.product_seq, ${score} as score from product_terms t0 ${sql.join(joins, sql` `)} ${confirm}
      where t0.term = ${first}
    ) `;
}

/** The key of a search: its terms in the order they are intersected, and the phrases it confirms. */
function keyOf(plan: Plan): string {
  return JSON.stringify([plan.terms, plan.checkAllPhrases, plan.search?.phrases ?? []]);
}

/** The matches of the plan's search (which has terms), from memory or worked out now. */
export async function matchSet(context: CatalogContext, plan: Plan): Promise<MatchSet> {
  const cache = await checkedCache(context.db);
  const key = keyOf(plan);
  const cached = cache.get(key);
  if (cached) return cached;
  const rows = await sql<{ product_seq: number; score: number }>`${intersection(plan)}
    select product_seq, score from m order by score desc, product_seq asc`.execute(context.db);
  const set: MatchSet = {
    seqs: Int32Array.from(rows.rows, (row) => Number(row.product_seq)),
    scores: Int32Array.from(rows.rows, (row) => Number(row.score)),
  };
  cache.set(key, set);
  return set;
}

/**
 * The condition "`p` is one of `seqs`": one array parameter on PostgreSQL (whose planner then sees how many), one
 * JSON parameter on SQLite (whose driver binds no arrays).
 */
export function membership(db: Kysely<Database>, seqs: Int32Array): Fragment {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return sql`p.seq = any(${Array.from(seqs)}::int8[])`;
  return sql`p.seq in (select value from json_each(${JSON.stringify(Array.from(seqs))}))`;
}
