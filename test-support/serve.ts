// Starts the real reference server for a process that is not this one (the browser tests, the benchmarks) and
// prints its URLs as one JSON line; it stops when its parent closes stdin. SMEC_TEST_DEMO=1 serves the demo site;
// SMEC_TEST_HOSTILE=1 serves hostile texts instead of the seed's (test-support/hostile-data.ts, for the XSS test);
// SMEC_TEST_MULTIDAY=1 adds an event of three days across a month's end (test-support/multi-day-event.ts).
import { writeHostileData } from './hostile-data.js';
import { writeMultiDayEvent } from './multi-day-event.js';
import { startTestServer } from './server.js';

const prepare =
  process.env.SMEC_TEST_HOSTILE === '1'
    ? writeHostileData
    : process.env.SMEC_TEST_MULTIDAY === '1'
      ? writeMultiDayEvent
      : undefined;
const server = await startTestServer({
  demo: process.env.SMEC_TEST_DEMO === '1',
  ...(prepare ? { prepare } : {}),
});
process.stdout.write(`${JSON.stringify({ url: server.url, apiUrl: server.apiUrl })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
