// The child process of a benchmark: the reference server with the demo issuer on the data at argv[2] (a data folder
// or a postgres:// URL), on loopback, until the parent closes stdin. It prints its API URL as one JSON line.
import { startServer } from '@smec/server';

const location = process.argv[2] ?? '';
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  ...(/^postgres(ql)?:\/\//i.test(location) ? { databaseUrl: location } : { dataDir: location }),
  demoAuth: true,
});
process.stdout.write(`${JSON.stringify({ apiUrl: server.apiUrl })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
