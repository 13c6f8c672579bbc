import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { identityEtag } from './compression.js';

/** A strong validator: the hash of the exact bytes sent. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** The client's tag that `etag` matches (`*` matches any), or undefined. */
function matching(ifNoneMatch: string, etag: string): string | undefined {
  if (ifNoneMatch.trim() === '*') return etag;
  // If-None-Match uses the weak comparison: W/"x" matches "x". A compressed representation's tag ("x-br") names the
  // same bytes before compression.
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .find((tag) => identityEtag(tag).replace(/^W\//, '') === etag);
}

/** ETag on every GET 200 with a body, and 304 Not Modified when `If-None-Match` carries it. */
export function registerEtags(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    // A route that sends a remembered body may have its ETag remembered too.
    const given = reply.getHeader('etag');
    const etag = typeof given === 'string' ? given : etagOf(payload);
    reply.header('etag', etag);
    const ifNoneMatch = request.headers['if-none-match'];
    const matched = typeof ifNoneMatch === 'string' ? matching(ifNoneMatch, etag) : undefined;
    if (matched) {
      // The 304 names the representation the client holds, compressed or not.
      reply.header('etag', matched.replace(/^W\//, ''));
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}
