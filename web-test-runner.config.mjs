// Widget tests run in the tests' Chromium (test-support/browser.mjs) against the real reference server, started by scripts/wtr.mjs,
// whose API URL arrives in SMEC_TEST_API_URL; the XSS test's server of hostile texts in SMEC_TEST_HOSTILE_API_URL; the
// server that takes one demand per address in SMEC_TEST_LIMITED_API_URL.
import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { findChromium, pinClock } from './test-support/browser.mjs';

const apiUrl = process.env.SMEC_TEST_API_URL;
const hostileApiUrl = process.env.SMEC_TEST_HOSTILE_API_URL;
const limitedApiUrl = process.env.SMEC_TEST_LIMITED_API_URL;
if (!apiUrl || !hostileApiUrl || !limitedApiUrl) {
  throw new Error('Run the browser tests through `node scripts/wtr.mjs`: it starts the reference servers.');
}

/** Counts passed and failed tests for `npm test`'s closing line; a test file that failed to load counts as failed. */
function summaryReporter(file) {
  const count = (suite, totals, where) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) totals.skipped += 1;
      else if (test.passed) totals.passed += 1;
      else {
        totals.failed += 1;
        totals.failures.push(`${[...where, test.name].join(' › ')}: ${test.error?.message?.split('\n')[0] ?? ''}`);
      }
    }
    for (const child of suite?.suites ?? []) count(child, totals, [...where, child.name]);
    return totals;
  };
  return {
    onTestRunFinished({ sessions }) {
      // `failures` names each failed test, so that the closing report of `npm test` (the part CI shows) says which.
      const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        count(session.testResults, totals, [session.testFile.replace(`${process.cwd()}/`, '')]);
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.failed += 1;
          totals.failures.push(`${session.testFile}: ${session.errors[0]?.message?.split('\n')[0] ?? 'did not load'}`);
        }
      }
      if (file) writeFileSync(file, JSON.stringify(totals));
    },
  };
}

const TIMEZONE_TESTS = 'packages/widgets/test/**/*timezone*.test.ts';
// Node tests (the translations check reads the sources): scripts/test.mjs runs them with node --test.
const NODE_TESTS = 'packages/widgets/test/node/**';

const found = await findChromium();

/** The tests' Chromium; `env` adds to the environment it is launched with (TZ, say). With SMEC_NOW, pages' clock starts there. */
function chromium(env = {}) {
  return playwrightLauncher({
    product: 'chromium',
    launchOptions: {
      executablePath: found.executablePath,
      headless: true,
      env: { ...process.env, ...found.env, ...env },
      args: found.args,
    },
    async createBrowserContext({ browser }) {
      const context = await browser.newContext();
      await pinClock(context);
      return context;
    },
  });
}

export default {
  reporters: [defaultReporter(), summaryReporter(process.env.SMEC_WTR_SUMMARY)],
  files: ['packages/widgets/test/**/*.test.ts', `!${TIMEZONE_TESTS}`, `!${NODE_TESTS}`],
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
    <script>window.SMEC_TEST_LIMITED_API_URL = ${JSON.stringify(limitedApiUrl)};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
