import type { ScorecardFigures, ScorecardMonth } from '@smec/schemas';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';

// An independent recomputation of the scorecard from raw rows, in plain JavaScript: every row of the tables read
// with `SELECT *` and filtered here, so that a mistake in the server's SQL (a region, a bound, a status) shows up.

const HOUR = 3_600_000;

interface RegionRow {
  code: string;
  level: string;
  parent_code: string | null;
}

/** The Shanghai year and month (0–11) of an instant. */
function shanghaiMonth(ts: number): { year: number; month: number } {
  const local = new Date(ts + 8 * HOUR);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() };
}

const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** Tables the property test never writes are read once per database. */
const staticRows = new WeakMap<Kysely<Database>, Map<string, unknown[]>>();

/** While a recount of many regions runs (`withRowsRead`), each table is read once for all of them. */
let recountRows: Map<string, unknown[]> | undefined;

/**
 * Runs `work` with every table read once, however many regions it recomputes: the rows do not change meanwhile, and
 * reading them again for each of a level's regions made the evaluation's recount take minutes.
 */
export async function withRowsRead<T>(work: () => Promise<T>): Promise<T> {
  const outer = recountRows;
  recountRows = outer ?? new Map();
  try {
    return await work();
  } finally {
    recountRows = outer;
  }
}

/** `SELECT *` of a query's rows, or the rows the recount under way already read with it. */
export async function rowsOf<T>(db: Kysely<Database>, key: string, query: () => Promise<{ rows: T[] }>): Promise<T[]> {
  const known = recountRows?.get(key) as T[] | undefined;
  if (known) return known;
  const { rows } = await query();
  recountRows?.set(key, rows);
  return rows;
}

export async function recompute(
  db: Kysely<Database>,
  regionCode: string,
  year: number,
): Promise<{ figures: ScorecardFigures; trend: Omit<ScorecardMonth, 'month'>[] }> {
  const cache = staticRows.get(db) ?? new Map<string, unknown[]>();
  staticRows.set(db, cache);
  const STATIC = new Set(['providers', 'products', 'enterprises', 'demands']);
  const regionRows: RegionRow[] = await db.selectFrom('regions').select(['code', 'level', 'parent_code']).execute();
  const regions = new Map(regionRows.map((r) => [r.code, r]));
  /** True when `code` is the region or lies below it. */
  const within = (code: string) => {
    for (let region = regions.get(code); region; region = regions.get(region.parent_code ?? '')) {
      if (region.code === regionCode) return true;
    }
    return false;
  };
  const inYear = (ts: number) => shanghaiMonth(ts).year === year;
  // The tables that grow are read in a window two days wider than the year on each side; which rows belong to the
  // year is decided below, in JavaScript, from Shanghai calendar months.
  const TIME_COLUMN: Record<string, string> = {
    engagements: 'created_ts',
    ratings: 'created_ts',
    vouchers: 'claimed_ts',
  };
  const windowStart = Date.UTC(year, 0, 1) - 2 * 24 * HOUR;
  const windowEnd = Date.UTC(year + 1, 0, 1) + 2 * 24 * HOUR;
  const read = async (table: keyof Database): Promise<unknown[]> => {
    const cached = STATIC.has(table) ? cache.get(table) : undefined;
    if (cached) return cached;
    const column = TIME_COLUMN[table];
    const rows = await rowsOf<unknown>(db, `${table} ${column ? year : ''}`, () =>
      column
        ? sql`SELECT * FROM ${sql.table(table)} WHERE ${sql.ref(column)} BETWEEN ${windowStart} AND ${windowEnd}`.execute(
            db,
          )
        : sql`SELECT * FROM ${sql.table(table)}`.execute(db),
    );
    if (STATIC.has(table)) cache.set(table, rows);
    return rows;
  };
  const TABLES: (keyof Database)[] = [
    'providers',
    'products',
    'engagements',
    'ratings',
    'demands',
    'events',
    'enterprises',
    'vouchers',
    'registrations',
    'event_ratings',
  ];
  const tables = new Map(await Promise.all(TABLES.map(async (table) => [table, await read(table)] as const)));
  const all = <T>(table: keyof Database): T[] => {
    const rows = tables.get(table);
    if (!rows) throw new Error(`${table} was not read`);
    return rows as T[];
  };

  const providers = all<{ seq: number; region_code: string; admission: string; admitted_on: string | null }>(
    'providers',
  );
  const admitted = providers.filter((p) => p.admission === 'admitted' && within(p.region_code) && p.admitted_on);
  const providerRegion = new Map(providers.map((p) => [p.seq, p.region_code]));
  const products = all<{ id: string; provider_seq: number; listed: number; published_ts: number; is_free: number }>(
    'products',
  );
  const free = new Set(products.filter((p) => p.is_free === 1).map((p) => p.id));
  const endOfYear = Date.UTC(year + 1, 0, 1) - 8 * HOUR;

  const engagements = all<{
    enterprise_id: string;
    enterprise_region_code: string;
    product_id: string;
    voucher_id: string | null;
    voucher_amount: number;
    status: string;
    created_ts: number;
  }>('engagements').filter((e) => e.status !== 'cancelled' && inYear(e.created_ts) && within(e.enterprise_region_code));
  const redeemed = engagements.filter(
    (e) => e.voucher_id !== null && (e.status === 'delivered' || e.status === 'closed'),
  );
  const engagementRatings = all<{ region_code: string; level: string; created_ts: number }>('ratings').filter(
    (r) => inYear(r.created_ts) && within(r.region_code),
  );
  const satisfied = (r: { level: string }) => r.level === 'satisfied' || r.level === 'verySatisfied';
  const demands = all<{ region_code: string; status: string; submitted_ts: number }>('demands').filter(
    (d) => inYear(d.submitted_ts) && within(d.region_code),
  );
  const events = all<{ region_code: string; status: string; starts_ts: number }>('events').filter(
    (e) => inYear(e.starts_ts) && e.status !== 'cancelled' && within(e.region_code),
  );
  const enterpriseRegion = new Map(
    all<{ id: string; region_code: string }>('enterprises').map((e) => [e.id, e.region_code]),
  );
  // An attendance: a checked-in registration of an event starting in the year, of an enterprise of the region, in
  // the month the event starts; whatever became of the event afterwards.
  const eventStart = new Map(all<{ seq: number; starts_ts: number }>('events').map((e) => [e.seq, e.starts_ts]));
  const attendances = all<{ event_seq: number; enterprise_id: string; status: string }>('registrations')
    .filter((r) => r.status === 'attended' && within(enterpriseRegion.get(r.enterprise_id) ?? ''))
    .map((r) => ({ enterprise_id: r.enterprise_id, created_ts: eventStart.get(r.event_seq) ?? 0 }))
    .filter((a) => inYear(a.created_ts));
  // An event rating of 4 or 5 (of 5) is satisfied, as 满意 or 非常满意.
  const eventRatings = all<{ enterprise_id: string; score: number; created_ts: number }>('event_ratings')
    .filter((r) => inYear(r.created_ts) && within(enterpriseRegion.get(r.enterprise_id) ?? ''))
    .map((r) => ({ level: r.score >= 4 ? 'satisfied' : 'neutral', created_ts: r.created_ts }));
  const ratings: { level: string; created_ts: number }[] = [...engagementRatings, ...eventRatings];
  const services: { enterprise_id: string; created_ts: number }[] = [...engagements, ...attendances];
  const vouchers = all<{ enterprise_id: string; status: string; claimed_ts: number; face_value: number }>(
    'vouchers',
  ).filter(
    (v) =>
      inYear(v.claimed_ts) &&
      v.status !== 'withdrawn' &&
      v.status !== 'revoked' &&
      within(enterpriseRegion.get(v.enterprise_id) ?? ''),
  );

  const trend = Array.from({ length: 12 }, (_, month) => {
    const of = <T extends { created_ts: number }>(rows: T[]) =>
      rows.filter((row) => shanghaiMonth(row.created_ts).month === month);
    const monthRatings = of(ratings);
    return {
      enterpriseServices: of(services).length,
      demandsReceived: demands.filter((d) => shanghaiMonth(d.submitted_ts).month === month).length,
      vouchersRedeemed: of(redeemed).length,
      ratings: monthRatings.length,
      satisfactionPercent: pct(monthRatings.filter(satisfied).length, monthRatings.length),
    };
  });
  const freeServices = engagements.filter((e) => free.has(e.product_id)).length + attendances.length;
  return {
    trend,
    figures: {
      providersIntegrated: admitted.filter((p) => (p.admitted_on as string) <= `${year}-12-31`).length,
      providersAdmitted: admitted.filter((p) => (p.admitted_on as string).startsWith(`${year}-`)).length,
      productsPublished: products.filter(
        (p) =>
          p.listed === 1 &&
          p.published_ts > 0 &&
          p.published_ts < endOfYear &&
          within(providerRegion.get(p.provider_seq) ?? ''),
      ).length,
      enterprisesServed: new Set(services.map((e) => e.enterprise_id)).size,
      enterpriseServices: services.length,
      freeServices,
      freeSharePercent: pct(freeServices, services.length),
      demandsReceived: demands.length,
      demandsMatched: demands.filter((d) => ['matched', 'inService', 'closed'].includes(d.status)).length,
      eventsHeld: events.length,
      vouchersIssued: { count: vouchers.length, fen: vouchers.reduce((sum, v) => sum + v.face_value, 0) },
      vouchersRedeemed: { count: redeemed.length, fen: redeemed.reduce((sum, e) => sum + e.voucher_amount, 0) },
      ratings: ratings.length,
      satisfactionPercent: pct(ratings.filter(satisfied).length, ratings.length),
    },
  };
}
