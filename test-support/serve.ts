// Starts the real reference server for a process that is not this one (the browser tests, the benchmarks) and
// prints its URLs as one JSON line; it stops when its parent closes stdin. SMEC_TEST_DEMO=1 serves the demo site;
// SMEC_TEST_HOSTILE=1 serves hostile texts instead of the seed's (test-support/hostile-data.ts, for the XSS test).
import { writeHostileData } from './hostile-data.js';
import { startTestServer } from './server.js';

const server = await startTestServer({
  demo: process.env.SMEC_TEST_DEMO === '1',
  ...(process.env.SMEC_TEST_HOSTILE === '1' ? { prepare: writeHostileData } : {}),
});
process.stdout.write(`${JSON.stringify({ url: server.url, apiUrl: server.apiUrl })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
