// Voucher claims under load on loopback: claims/s, p50 and p99 latency of POST /voucher-batches/{id}/claims when
// 5,000 eligible enterprises claim a batch of 1,000 vouchers from 8 connections (first come, first served: 1,000
// vouchers, 4,000 `quota_exhausted` refusals), then a check in the database that the batch holds exactly its quota of
// vouchers, `remaining` is 0 and no enterprise holds two. The server runs in its own process. The pieces are shared
// with the province-scale batch opening (bench/province.ts) in bench/lib/vouchers.ts.
import { createTestDatabase } from '../test-support/server.js';
import { startBenchServer } from './lib/server.js';
import { demoTokens } from './lib/tokens.js';
import {
  checkQuotaHeld,
  claimAll,
  insertBenchEnterprises,
  insertEnterpriseUsers,
  insertOpenBatch,
} from './lib/vouchers.js';
import { percentile, report, round } from './support.js';

const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES_CLAIM ?? 5_000);
const QUOTA = Number(process.env.BENCH_QUOTA ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY_CLAIM ?? 8);
const BATCH_ID = 'vbt-bench-claims';

const database = await createTestDatabase();
try {
  let userIds: string[];
  {
    const { db, close } = await database.open();
    try {
      userIds = await insertEnterpriseUsers(db, await insertBenchEnterprises(db, ENTERPRISES), 'usr-bench');
      await insertOpenBatch(db, BATCH_ID, QUOTA);
    } finally {
      await close();
    }
  }
  const server = await startBenchServer(database.location);
  let run;
  try {
    const tokens = await demoTokens(server.apiUrl, userIds, CONCURRENCY);
    run = await claimAll(server.apiUrl, BATCH_ID, tokens, { inFlight: CONCURRENCY, sockets: CONCURRENCY });
  } finally {
    await server.stop();
  }
  const { db, close } = await database.open();
  let invariant: string;
  try {
    invariant = await checkQuotaHeld(db, BATCH_ID, Math.min(QUOTA, ENTERPRISES), run.answers);
  } finally {
    await close();
  }
  report('voucher-claim', {
    enterprises: ENTERPRISES,
    quota: QUOTA,
    concurrency: CONCURRENCY,
    requests: run.requests,
    claimsPerSecond: round(run.requests / run.seconds, 1),
    p50Ms: round(percentile(run.latencies, 50)),
    p99Ms: round(percentile(run.latencies, 99)),
    answers: run.answers,
    invariant,
  });
} finally {
  await database.dispose();
}
