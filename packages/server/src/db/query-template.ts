import type { Compilable, CompiledQuery, Kysely, Transaction } from 'kysely';
import { prepareWherever } from './prepared-statements.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Stands for the n-th value while the query is compiled; a string no request can send (it holds a NUL). */
function placeholder(index: number): string {
  return `\u0000smec-template-value-${index}`;
}

/**
 * A query whose SQL is built and compiled once per database engine, then run again and again with new values. For the
 * few statements of a hot path (the claim a batch opening sends thousands of times a second), where Kysely's building
 * and compiling of the same query every time cost more than the database's run of it.
 *
 * `build` receives placeholders for the values, and must use each as a value only (compared, inserted), never to
 * choose the shape of the query; values that are always the same (a status, a limit) are written in as they are.
 */
export class QueryTemplate<Values extends readonly unknown[], Row> {
  readonly #build: (db: Db, ...values: string[]) => Compilable<Row>;
  readonly #arity: number;
  readonly #compiled = new Map<unknown, { query: CompiledQuery<Row>; slots: number[] }>();

  constructor(arity: Values['length'], build: (db: Db, ...values: string[]) => Compilable<Row>) {
    this.#arity = arity;
    this.#build = build;
  }

  async execute(db: Db, ...values: Values): Promise<Row[]> {
    const { query, slots } = this.#compiledFor(db);
    const parameters = query.parameters.map((constant, index) => {
      const slot = slots[index] ?? -1;
      return slot < 0 ? constant : values[slot];
    });
    const result = await db.executeQuery<Row>({ ...query, parameters });
    return result.rows;
  }

  async executeTakeFirst(db: Db, ...values: Values): Promise<Row | undefined> {
    return (await this.execute(db, ...values))[0];
  }

  #compiledFor(db: Db) {
    const engine = db.getExecutor().adapter.constructor;
    let compiled = this.#compiled.get(engine);
    if (!compiled) {
      const placeholders = Array.from({ length: this.#arity }, (_, index) => placeholder(index));
      const query = this.#build(db, ...placeholders).compile();
      const slots = query.parameters.map((parameter) => placeholders.indexOf(parameter as string));
      const used = new Set(slots);
      if (placeholders.some((_, index) => !used.has(index))) throw new Error('A template value is not a parameter');
      // Prepared on PostgreSQL: planned once per connection, not on each of its thousands of runs.
      prepareWherever(query.sql);
      compiled = { query, slots };
      this.#compiled.set(engine, compiled);
    }
    return compiled;
  }
}
