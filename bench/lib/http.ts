import { Agent, request } from 'node:http';

/**
 * A keep-alive HTTP client over at most `sockets` connections. fetch opens a connection per request in flight, and a
 * burst of ten thousand would open ten thousand at once: more than the server's accept queue takes.
 */
export function httpClient(sockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  return {
    post(url: string, headers: Record<string, string>, body = ''): Promise<{ status: number; body: string }> {
      return new Promise((resolve, reject) => {
        const outgoing = request(
          url,
          { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
            );
            response.on('error', reject);
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    },
    close(): void {
      agent.destroy();
    },
  };
}
