// Runs the widget tests in Chromium: starts the reference server on a random loopback port (with one event of three
// days across a month's end, which the seed does not have), a second one whose texts
// are hostile (for the XSS test), and a third whose demand limit is one per address (for the demand form's 429 from
// the real limiter), hands their URLs to web-test-runner, and stops them afterwards. Extra arguments go to
// web-test-runner (e.g. --files).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

// The widget tests run on a set Monday morning in Shanghai, before the seed's event of the day starts at 09:30, and
// their clock moves on from there (servers and pages alike, test-support/server.ts and browser.mjs): what a view marks
// as starting soon, overdue or open must not depend on the hour CI runs at. SMEC_NOW (a pinned clock) overrides it.
const TESTS_START_AT = '2027-11-15T08:00:00+08:00';
if (!process.env.SMEC_NOW?.trim() && !process.env.SMEC_TEST_CLOCK_OFFSET_MS?.trim()) {
  process.env.SMEC_TEST_CLOCK_OFFSET_MS = String(Date.parse(TESTS_START_AT) - Date.now());
}

/** A test server in its own process (test-support/serve.ts), and its API URL once it listens. */
async function serve(env = {}) {
  const server = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'test-support/serve.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  // A server that dies before it listens (a failing `prepare`, say) must fail the run, not hang it.
  let listening = false;
  const exited = once(server, 'exit').then(([code]) => {
    if (!listening) throw new Error(`test-support/serve.ts exited with code ${code} before it listened`);
  });
  const [line] = await Promise.race([once(createInterface({ input: server.stdout }), 'line'), exited]);
  listening = true;
  return { server, apiUrl: JSON.parse(line).apiUrl };
}

const [plain, hostile, limited] = await Promise.all([
  // Every test file submits from this one address (applications, demands, objections): the production allowance
  // for one visitor would let the files' order decide which of them pass. The limit itself is tested on `limited`.
  serve({ SMEC_TEST_HOSTILE: '', SMEC_TEST_MULTIDAY: '1', SMEC_DEMAND_RATE_LIMIT: '500/600' }),
  serve({ SMEC_TEST_HOSTILE: '1' }),
  // One demand per address in 150 s: the second submission of a test is refused, asking to wait 2½ minutes.
  serve({ SMEC_TEST_HOSTILE: '', SMEC_DEMAND_RATE_LIMIT: '1/150' }),
]);
const servers = [plain, hostile, limited];

const runner = spawn(
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      SMEC_TEST_API_URL: plain.apiUrl,
      SMEC_TEST_HOSTILE_API_URL: hostile.apiUrl,
      SMEC_TEST_LIMITED_API_URL: limited.apiUrl,
    },
  },
);
const [code] = await once(runner, 'exit');
for (const { server } of servers) server.stdin.end();
await Promise.all(servers.map(({ server }) => once(server, 'exit')));
process.exit(code ?? 1);
