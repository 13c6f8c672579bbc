// The admission sweep (准予入驻): an application whose public notice has ended by the platform's clock, with no
// objection open and none upheld, becomes a provider in the catalog with an account for its contact, in one
// transaction. Idempotent: the application's move out of `publicNotice` is a conditional UPDATE, so a second sweep
// (or a second instance) admits nothing twice. An application whose notice ended while an objection is still open
// waits for the reviewer's decision; the next sweep after it admits it.
import { regionCityOf } from '@smec/schemas/rules';
import type { StoredApplication } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { RegionIndex } from '../catalog/regions.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { normalizeText } from '../search/ngrams.js';
import { shanghaiDateTime, shanghaiDay } from '../time/shanghai.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Token-made accounts sort from here in the demo sign-in list (auth/accounts.ts); admitted ones come before. */
const ISSUED_ACCOUNT_POSITION = 1_000_000;

const ADMITTED_NOTE = '公示期满，无成立的异议，准予入驻。';

/** The applications due: under notice, ended by `now`, with no objection open or upheld. */
function dueApplications(db: Db, now: number) {
  return db
    .selectFrom('provider_applications as a')
    .where('a.status', '=', 'publicNotice')
    .where('a.notice_ends_ts', '<=', now)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('application_objections as o')
            .select('o.seq')
            .whereRef('o.application_seq', '=', 'a.seq')
            .where('o.status', 'in', ['open', 'upheld']),
        ),
      ),
    );
}

/**
 * The short name the catalog shows beside the full one: the name without the province, city or county it starts
 * with, and without its legal form (有限公司, 事务所 stay: they say what kind of firm it is).
 */
export function shortNameOf(name: string, placeNames: readonly string[]): string {
  let short = name;
  for (const place of ['广东省', '广东', ...placeNames]) {
    if (place && short.startsWith(place)) short = short.slice(place.length);
  }
  short = short.replace(/(股份)?有限(责任)?公司$/, '');
  return short.length >= 2 ? short : name;
}

/** Any number, the same on every instance: the lock under which providers get their numbers. */
const PROVIDER_NUMBER_LOCK = 0x736d_6563_7072;

/**
 * Makes the admissions of one database number their providers one after the other, so that two instances admitting
 * two applications at once never draw the same number. SQLite needs nothing: one connection serialises every write.
 */
async function serializeProviderNumbers(trx: Transaction<Database>): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(${PROVIDER_NUMBER_LOCK})`.execute(trx);
}

/** The instant the catalog's answers depend on moved: every instance's memos and search columns read it again. */
async function bumpCatalogVersion(trx: Transaction<Database>): Promise<void> {
  await sql`
    INSERT INTO meta (key, value) VALUES ('catalog_version', '1')
    ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)`.execute(trx);
}

/**
 * Admits the application `seq` at `now` if it is due: the provider (every column the catalog reads), its
 * categories, its account, the link from the application and the timeline step. Answers the new provider's id, or
 * undefined when the application was not due (admitted meanwhile, rejected, an objection open).
 */
export async function admitApplication(
  db: Kysely<Database>,
  regions: RegionIndex,
  seq: number,
  now: number,
): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    const at = shanghaiDateTime(now);
    const moved = await trx
      .updateTable('provider_applications')
      .set({ status: 'admitted', updated_at: at })
      .where('seq', 'in', dueApplications(trx, now).select('a.seq').where('a.seq', '=', seq))
      .where('status', '=', 'publicNotice')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return undefined;
    const row = await trx
      .selectFrom('provider_applications')
      .selectAll()
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow();
    const { organisation, scope, contact } = JSON.parse(row.input) as StoredApplication;
    await serializeProviderNumbers(trx);
    const last = await trx
      .selectFrom('providers')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    const providerSeq = Number(last?.seq ?? 0) + 1;
    const providerId = `prv-${String(providerSeq).padStart(5, '0')}`;
    const regionCode = organisation.regionCode;
    const cityCode = regionCityOf(regionCode) ?? regionCode;
    const places = [regions.get(cityCode)?.name ?? '', regions.get(regionCode)?.name ?? ''];
    const name = organisation.name.trim();
    const shortName = shortNameOf(name, places);
    await trx
      .insertInto('providers')
      .values({
        seq: providerSeq,
        id: providerId,
        name,
        short_name: shortName,
        uscc: organisation.uscc,
        org_type: organisation.orgType,
        region_code: regionCode,
        // A provider of the province counts as its own city, as the seed has it.
        city_code: cityCode,
        address: organisation.address,
        contact: contact.name,
        phone: contact.mobile,
        email: contact.email,
        website: null,
        founded_on: organisation.foundedOn,
        description: scope.description,
        category_ids: JSON.stringify(scope.categoryIds),
        accepts_vouchers: scope.acceptsVouchers ? 1 : 0,
        admission: 'admitted',
        admitted_on: shanghaiDay(now),
        product_count: 0,
        rating_count: 0,
        rating_average: null,
        rating_sort: -1,
        listed: 1,
        search_text: normalizeText(`${name}\n${shortName}`),
      })
      .execute();
    if (scope.categoryIds.length > 0) {
      await trx
        .insertInto('provider_categories')
        .values(scope.categoryIds.map((categoryId) => ({ provider_seq: providerSeq, category_id: categoryId })))
        .execute();
    }
    const lastUser = await trx
      .selectFrom('users')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('position', '<', ISSUED_ACCOUNT_POSITION)
      .executeTakeFirst();
    await trx
      .insertInto('users')
      .values({
        id: `usr-${providerId}`,
        name: contact.name,
        role: 'provider',
        organization: name,
        region_code: cityCode,
        enterprise_id: null,
        provider_id: providerId,
        position: Number(lastUser?.position ?? 0) + 1,
      })
      .execute();
    await trx.updateTable('provider_applications').set({ provider_id: providerId }).where('seq', '=', seq).execute();
    await trx
      .insertInto('provider_application_timeline')
      .values({ application_seq: seq, status: 'admitted', at, actor: 'platform', note: ADMITTED_NOTE })
      .execute();
    await bumpCatalogVersion(trx);
    return providerId;
  });
}

/** Admits every application due at `now`, each in its own transaction; answers the new providers' ids. */
export async function admitDue(db: Kysely<Database>, regions: RegionIndex, now: number): Promise<string[]> {
  const due = await dueApplications(db, now).select('a.seq').orderBy('a.notice_ends_ts').orderBy('a.seq').execute();
  const admitted: string[] = [];
  const failures: unknown[] = [];
  for (const { seq } of due) {
    // One application that cannot be admitted now (its credit code a provider's already, say) holds up no other.
    try {
      const id = await admitApplication(db, regions, seq, now);
      if (id) admitted.push(id);
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} admissions failed`);
  return admitted;
}

/**
 * The sweep of one server: run on a timer, and awaited before the answers that show an application's status, so
 * that a notice that ended is admitted before anyone reads it. One run at a time; a call during a run waits for it.
 */
export class AdmissionSweep {
  readonly #db: Kysely<Database>;
  readonly #regions: RegionIndex;
  readonly #clock: Clock;
  #tail: Promise<void> = Promise.resolve();
  /** The run queued behind the current one, not begun yet: it reads the clock when it begins, so callers share it. */
  #queued: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(db: Kysely<Database>, regions: RegionIndex, clock: Clock) {
    this.#db = db;
    this.#regions = regions;
    this.#clock = clock;
  }

  /**
   * Admits what is due by the clock's now, after any run under way. A failure (another instance admitting the same
   * provider number at once, the database closing) is left to the next run.
   */
  run(): Promise<void> {
    this.#queued ??= this.#tail.then(async () => {
      this.#queued = undefined;
      await admitDue(this.#db, this.#regions, this.#clock.now()).catch(() => undefined);
    });
    this.#tail = this.#queued;
    return this.#queued;
  }

  /** Runs now and every `intervalMs`; the timer never keeps the process alive. */
  start(intervalMs = 60_000): this {
    void this.run();
    this.#timer = setInterval(() => void this.run(), intervalMs);
    this.#timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

/** The answers that show where an application stands: each waits for a sweep first. */
const SWEPT_ROUTES = new Set([
  'GET /public-notices',
  'GET /provider-applications',
  'GET /provider-applications/lookup',
  'GET /provider-applications/:applicationNo',
]);

/** Runs the sweep before the routes of `SWEPT_ROUTES` (under `prefix`), so a notice that ended is never shown open. */
export function sweepBeforeStatusAnswers(app: FastifyInstance, sweep: AdmissionSweep, prefix: string): void {
  app.addHook('preHandler', async (request) => {
    const url = request.routeOptions.url ?? '';
    if (url.startsWith(prefix) && SWEPT_ROUTES.has(`${request.method} ${url.slice(prefix.length)}`)) await sweep.run();
  });
}
