// One reference server in a process of its own, on a database that already exists (env `DATABASE_URL` or
// `SMEC_DATA_DIR`, as `createTestDatabase().env` gives): for the tests that run several instances side by side or
// kill one. Prints its URLs as one JSON line; stops on SIGTERM or when its parent closes stdin.
import { startServer } from '@smec/server';

const server = await startServer({
  // The tests sign seeded and test enterprises in with the demo issuer's tokens; every instance shares its key.
  demoAuth: true,
  port: Number(process.env['PORT'] ?? 0),
  host: '127.0.0.1',
  logger: false,
  checkProblemCodes: true,
});
process.stdout.write(`${JSON.stringify({ url: server.url, apiUrl: server.apiUrl, pid: process.pid })}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.resume();
process.stdin.on('end', stop);
