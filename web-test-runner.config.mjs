// Widget tests run in Debian's Chromium against the real reference server, started by scripts/wtr.mjs,
// whose API URL arrives in SMEC_TEST_API_URL; the XSS test's server of hostile texts in SMEC_TEST_HOSTILE_API_URL.
import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';

const apiUrl = process.env.SMEC_TEST_API_URL;
const hostileApiUrl = process.env.SMEC_TEST_HOSTILE_API_URL;
if (!apiUrl || !hostileApiUrl) {
  throw new Error('Run the browser tests through `node scripts/wtr.mjs`: it starts the reference servers.');
}

/** Counts passed and failed tests for `npm test`'s closing line; a test file that failed to load counts as failed. */
function summaryReporter(file) {
  const count = (suite, totals) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) totals.skipped += 1;
      else if (test.passed) totals.passed += 1;
      else totals.failed += 1;
    }
    for (const child of suite?.suites ?? []) count(child, totals);
    return totals;
  };
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed += 1;
      }
      if (file) writeFileSync(file, JSON.stringify(totals));
    },
  };
}

const TIMEZONE_TESTS = 'packages/widgets/test/**/*timezone*.test.ts';

/** Debian's Chromium; `env` adds to the environment it is launched with (TZ, say). */
function chromium(env = {}) {
  return playwrightLauncher({
    product: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      env: { ...process.env, ...env },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  });
}

export default {
  reporters: [defaultReporter(), summaryReporter(process.env.SMEC_WTR_SUMMARY)],
  files: ['packages/widgets/test/**/*.test.ts', `!${TIMEZONE_TESTS}`],
  nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' })],
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 240000,
  browsers: [chromium()],
  // The time zone tests run in a Chromium that believes it is in New York: what the widgets show must not change.
  groups: [{ name: 'timezone', files: [TIMEZONE_TESTS], browsers: [chromium({ TZ: 'America/New_York' })] }],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8"></head>
  <body>
    <script>window.SMEC_TEST_API_URL = ${JSON.stringify(apiUrl)};</script>
    <script>window.SMEC_TEST_HOSTILE_API_URL = ${JSON.stringify(hostileApiUrl)};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
