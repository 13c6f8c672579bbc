// Runs the widget tests in Chromium: starts the reference server on a random loopback port, hands its URL to
// web-test-runner, and stops it afterwards. Extra arguments go to web-test-runner (e.g. --files).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const server = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'test-support/serve.ts'], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const [line] = await once(createInterface({ input: server.stdout }), 'line');
const { apiUrl } = JSON.parse(line);

const runner = spawn(
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, SMEC_TEST_API_URL: apiUrl } },
);
const [code] = await once(runner, 'exit');
server.stdin.end();
await once(server, 'exit');
process.exit(code ?? 1);
