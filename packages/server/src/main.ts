// `npm start`: the API, the CDN build and the demo site on one port. Creates and seeds the database on first start.
import { startServer } from './index.js';
import { resolveOptions } from './config.js';

const options = resolveOptions({ demo: true, logger: true, host: process.env['HOST'] ?? '127.0.0.1' });
const server = await startServer(options);
const { port } = new URL(server.url);
process.stdout.write(`smec demo: http://localhost:${port}/\n`);
if (options.demoAuth)
  process.stdout.write('smec demo: signing its own tokens for the seeded users (GET /api/v1/demo/users)\n');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`smec: ${signal}, shutting down\n`);
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`smec: shutdown failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
