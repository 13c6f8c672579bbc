// The server's command: the API, and in demo mode (`SMEC_DEMO=1`, which `npm start` sets) the CDN build and the
// demo site on the same port. Creates and seeds the database on first start.
// stdout carries the JSON log lines only; the notes for a person at the terminal go to stderr.
import { startServer } from './index.js';
import { modeNote, resolveOptions, startupRefusal } from './config.js';
import { staleSeedNote } from './seed-age.js';
import { shanghaiDateTime } from './time/shanghai.js';

/** How long in-flight requests may take to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = Number(process.env['SMEC_SHUTDOWN_TIMEOUT_MS']) || 10_000;

const note = (text: string) => process.stderr.write(`smec: ${text}\n`);

// The raw options go to startServer, which reads the environment itself (SMEC_DEMO, DATABASE_URL, PORT…).
const serverOptions = { logger: true, host: process.env['HOST'] ?? '127.0.0.1' };
const options = (() => {
  // A misconfigured environment is the operator's typo, not a crash: one line naming the variable, and exit.
  try {
    const resolved = resolveOptions(serverOptions);
    const refusal = startupRefusal(resolved);
    if (refusal) throw new Error(refusal);
    return resolved;
  } catch (error) {
    note(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
})();
note(modeNote(options));
const server = await startServer(serverOptions);
const { port } = new URL(server.url);
note(options.demo ? `demo: http://localhost:${port}/ (listening on ${server.url})` : `listening on ${server.url}`);
note(
  options.fileStore
    ? `files: in bucket ${options.fileStore.bucket} at ${options.fileStore.endpoint}`
    : 'files: in the database',
);
note(options.mail ? `mail: by SMTP from ${options.mail.from}` : 'mail: written to the log (no SMEC_SMTP_URL)');
if (options.clockPinned) note(`clock: pinned to ${shanghaiDateTime(options.clock.now())} (SMEC_NOW)`);
const stale = staleSeedNote(server.seededAt, options.clock.now());
if (stale) note(stale);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) {
    note(`${signal} again, exiting without waiting`);
    process.exit(1);
  }
  stopping = true;
  // Stop listening at once (new connections are refused), let the requests in flight finish, then close the
  // database. A request that hangs must not keep the process alive for ever: after the grace period it exits anyway.
  note(`${signal}, finishing the requests in flight (at most ${SHUTDOWN_TIMEOUT_MS / 1000} s)`);
  const deadline = setTimeout(() => {
    note(`requests still running after ${SHUTDOWN_TIMEOUT_MS / 1000} s, exiting`);
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  deadline.unref();
  server.close().then(
    () => {
      note('stopped');
      process.exit(0);
    },
    (error: unknown) => {
      note(`shutdown failed: ${String(error)}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
