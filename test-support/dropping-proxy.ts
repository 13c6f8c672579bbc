// A proxy in front of a real server that loses one answer: it forwards the first request a predicate matches, lets
// the server do the work, and then destroys the client's socket instead of answering. The client sees what a
// dropped connection looks like after a write went through, and must retry; the proxy records every request it saw.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy knows of a request before forwarding it. */
export interface ProxiedRequest {
  readonly method: string;
  /** The path and query, as the client sent them (`/api/v1/vouchers/vch-1/return`). */
  readonly path: string;
}

/** A request the proxy saw, and what the server answered to it. */
export interface SeenRequest extends ProxiedRequest {
  readonly idempotencyKey: string | undefined;
  /** The server's status, also for the request whose answer was dropped. */
  readonly status: number;
  /** The server said it answered from the stored answer of an earlier request (`Idempotent-Replayed: true`). */
  readonly replayed: boolean;
  /** The client never got this answer. */
  readonly dropped: boolean;
}

export interface DroppingProxy {
  /** The proxy's URL of the server's API base URL, to give a client. */
  readonly apiUrl: string;
  /** Every request, in the order their answers came back from the server. */
  readonly seen: readonly SeenRequest[];
  /** The requests `drop` matched: the one dropped and those that came after it (the retries). */
  readonly matched: readonly SeenRequest[];
  close(): Promise<void>;
}

/** Headers the proxy does not pass on: they describe one hop's connection, not the request. */
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

/**
 * Starts a proxy on a loopback port in front of `upstream` (`{ url, apiUrl }` as `startTestServer` gives them)
 * that drops the answer of the first request `drop` matches, and answers everything else as the server did.
 */
export async function startDroppingProxy(
  upstream: { readonly url: string; readonly apiUrl: string },
  drop: (request: ProxiedRequest) => boolean,
): Promise<DroppingProxy> {
  const seen: SeenRequest[] = [];
  const matched: SeenRequest[] = [];
  let dropped = false;
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const request: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/' };
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && !HOP_HEADERS.has(name)) headers.set(name, value);
      }
      let upstreamResponse: Response;
      let body: Buffer;
      try {
        upstreamResponse = await fetch(`${upstream.url}${request.path}`, {
          method: request.method,
          headers,
          ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
        });
        body = Buffer.from(await upstreamResponse.arrayBuffer());
      } catch {
        res.writeHead(502).end();
        return;
      }
      const isMatch = drop(request);
      const loseIt = isMatch && !dropped;
      const entry: SeenRequest = {
        ...request,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        status: upstreamResponse.status,
        replayed: upstreamResponse.headers.get('idempotent-replayed') === 'true',
        dropped: loseIt,
      };
      seen.push(entry);
      if (isMatch) matched.push(entry);
      if (loseIt) {
        dropped = true;
        req.socket.destroy();
        return;
      }
      // fetch has decoded the body already: its encoding and length no longer describe what is sent on.
      const answer = [...upstreamResponse.headers].filter(
        ([name]) => !HOP_HEADERS.has(name) && name !== 'content-encoding',
      );
      res.writeHead(upstreamResponse.status, Object.fromEntries(answer));
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return {
    apiUrl: `${origin}${new URL(upstream.apiUrl).pathname}`,
    seen,
    matched,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
