// Starts the real reference server for a test process that is not Node (the browser tests) and prints its URLs
// as one JSON line; it stops when its parent closes stdin.
import { startTestServer } from './server.js';

const server = await startTestServer();
process.stdout.write(`${JSON.stringify({ url: server.url, apiUrl: server.apiUrl })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
