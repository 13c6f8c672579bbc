import type { Evaluation } from '@smec/schemas';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { recompute, rowsOf, withRowsRead } from './scorecard-helpers.js';

// An independent recount of a level's evaluation from raw rows: the figures from the scorecard's recount (every row
// read with SELECT * and filtered in JavaScript), the follow-ups, targets and weights read raw here, and the scoring
// written out again from the documented formulas (docs/sdk.md, 综合评价).

interface Region {
  code: string;
  level: string;
  parent_code: string | null;
}

const HOUR = 3_600_000;
const one = (value: number) => Math.round(value * 10) / 10;

async function followUpsOf(db: Kysely<Database>, regions: Map<string, Region>, code: string, year: number) {
  const within = (c: string) => {
    for (let r = regions.get(c); r; r = regions.get(r.parent_code ?? '')) if (r.code === code) return true;
    return false;
  };
  const ratings = await rowsOf(db, 'ratings (all)', () =>
    sql<{ seq: number; region_code: string; created_ts: number }>`SELECT * FROM ratings`.execute(db),
  );
  const counted = new Set(
    ratings
      .filter((r) => new Date(r.created_ts + 8 * HOUR).getUTCFullYear() === year && within(r.region_code))
      .map((r) => r.seq),
  );
  const rows = await rowsOf(db, 'follow_ups (all)', () =>
    sql<{ rating_seq: number; status: string; updated_at: string; due_on: string }>`SELECT * FROM follow_ups`.execute(
      db,
    ),
  );
  const mine = rows.filter((f) => counted.has(f.rating_seq));
  return {
    total: mine.length,
    inTime: mine.filter((f) => f.status === 'closed' && f.updated_at.slice(0, 10) <= f.due_on).length,
  };
}

async function targetsOf(db: Kysely<Database>, regions: Region[], year: number) {
  const { rows: shares } = await sql<{
    region_code: string;
    providers_integrated: number;
    enterprise_services: number;
  }>`
    SELECT * FROM target_shares WHERE year = ${year}`.execute(db);
  const set = new Map(shares.map((s) => [s.region_code, s]));
  const province = year >= 2020 ? [10_000, 300_000] : [5_000, 100_000];
  const targets = new Map<string, number[]>();
  const of = (code: string): number[] => {
    const known = targets.get(code);
    if (known) return known;
    const region = regions.find((r) => r.code === code) as Region;
    const mine = set.get(code);
    let value: number[];
    if (region.parent_code === null) value = province;
    else if (mine) value = [mine.providers_integrated, mine.enterprise_services];
    else {
      const siblings = regions.filter((r) => r.parent_code === region.parent_code).length;
      value = of(region.parent_code).map((t) => Math.ceil(t / siblings));
    }
    targets.set(code, value);
    return value;
  };
  return of;
}

async function weightsOf(db: Kysely<Database>, year: number) {
  const { rows } = await sql<{ weight_resources: number; weight_matching: number; weight_effect: number }>`
    SELECT * FROM evaluation_years WHERE year = ${year}`.execute(db);
  const row = rows[0];
  return row ? [row.weight_resources, row.weight_matching, row.weight_effect] : [30, 30, 40];
}

async function scoresOf(db: Kysely<Database>, level: string, year: number) {
  const regions = (await sql<Region>`SELECT * FROM regions`.execute(db)).rows;
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const target = await targetsOf(db, regions, year);
  const [wr, wm, we] = (await weightsOf(db, year)) as [number, number, number];
  const centers: {
    code: string;
    figures: Awaited<ReturnType<typeof recompute>>['figures'];
    followUps: { total: number; inTime: number };
    targets: number[];
  }[] = [];
  for (const region of regions.filter((r) => r.level === level)) {
    const { figures } = await recompute(db, region.code, year);
    const followUps = await followUpsOf(db, byCode, region.code, year);
    centers.push({ code: region.code, figures, followUps, targets: target(region.code) });
  }
  const best = (pick: (c: (typeof centers)[number]) => number) => Math.max(...centers.map(pick));
  const bestProducts = best((c) => c.figures.productsPublished);
  const bestEvents = best((c) => c.figures.eventsHeld);
  const bestVouchers = best((c) => c.figures.vouchersIssued.count);
  const bestServed = best((c) => c.figures.enterprisesServed);
  const toTarget = (v: number, t: number) => (t === 0 ? 100 : Math.min(100, (v * 100) / t));
  const toBest = (v: number, b: number) => (b === 0 ? 0 : (v * 100) / b);
  const share = (p: number, w: number, none: number) => (w === 0 ? none : Math.min(100, (p * 100) / w));
  return centers.map(({ code, figures: f, followUps, targets: [tp, ts] }) => {
    const resources = one(
      (toTarget(f.providersIntegrated, tp as number) + toBest(f.productsPublished, bestProducts)) / 2,
    );
    const matching = one(
      (share(f.demandsMatched, f.demandsReceived, 0) +
        toBest(f.eventsHeld, bestEvents) +
        toBest(f.vouchersIssued.count, bestVouchers) +
        share(f.vouchersRedeemed.count, f.vouchersIssued.count, 0)) /
        4,
    );
    const effect = one(
      (toTarget(f.enterpriseServices, ts as number) +
        toBest(f.enterprisesServed, bestServed) +
        (f.satisfactionPercent ?? 0) +
        share(followUps.inTime, followUps.total, 100)) /
        4,
    );
    const empty =
      f.providersIntegrated +
        f.enterpriseServices +
        f.demandsReceived +
        f.eventsHeld +
        f.vouchersIssued.count +
        f.ratings +
        followUps.total ===
      0;
    return {
      code,
      resources,
      matching,
      effect,
      score: one((wr * resources + wm * matching + we * effect) / 100),
      empty,
      followUps,
    };
  });
}

const gradeOf = (score: number) => (score >= 90 ? 'excellent' : score >= 75 ? 'good' : score >= 60 ? 'pass' : 'fail');

/** What each center of the level should show: score, grade, rank, last year's score and the flag. */
export async function recountLevel(db: Kysely<Database>, level: string, year: number) {
  const [now, last] = await withRowsRead(async () => [
    await scoresOf(db, level, year),
    await scoresOf(db, level, year - 1),
  ]);
  const before = new Map(last.map((c) => [c.code, c]));
  return new Map(
    now.map((c) => {
      const last = before.get(c.code);
      const previousScore = last && !last.empty ? last.score : null;
      const grade = gradeOf(c.score);
      const expected: Partial<Evaluation> = {
        dimensions: { resources: c.resources, matching: c.matching, effect: c.effect },
        score: c.score,
        grade,
        rank: now.filter((other) => other.score > c.score).length + 1,
        previousScore,
        flagged: grade === 'fail' && previousScore !== null && gradeOf(previousScore) === 'fail',
      };
      return [c.code, { expected, followUps: c.followUps }];
    }),
  );
}
