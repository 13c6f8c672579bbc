// Bodies over about 1 KB go out compressed, brotli or gzip as the client asks, so the size budgets hold on the wire
// without a proxy in front. Files that are compressed ahead of time (the CDN build's .br and .gz) are sent as they
// are: a route that sets `content-encoding` itself is left alone.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { addVary } from './vary.js';

export type Encoding = 'br' | 'gzip';

/** Below this, compression saves less than its headers and time cost. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

const COMPRESSIBLE = /^(text\/|application\/(json|problem\+json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * The encoding to send for an `Accept-Encoding` header: brotli, else gzip, each only when the client accepts it
 * (`q` above 0, by name or by `*`); undefined for identity.
 */
export function negotiateEncoding(
  header: string | undefined,
  offered: readonly Encoding[] = ['br', 'gzip'],
): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...parameters] = part.trim().split(';');
    if (!name) continue;
    const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find((value) => value !== undefined);
    weights.set(name.trim().toLowerCase(), q === undefined ? 1 : Number(q));
  }
  const weightOf = (encoding: string) => weights.get(encoding) ?? weights.get('*') ?? 0;
  // The client's weights decide; between equal weights, brotli (the smaller) wins.
  const acceptable = offered.filter((encoding) => weightOf(encoding) > 0);
  return acceptable.sort((a, b) => weightOf(b) - weightOf(a))[0];
}

/** Brotli at a quality that keeps a dynamic answer fast (most of the size gain, a fraction of the time of 11). */
export function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipped(body, { level: 6 });
}

/**
 * The ETag of an encoded representation: the identity's with the encoding appended, as the representations differ.
 * `identityEtag` undoes it for the `If-None-Match` comparison.
 */
export function encodedEtag(etag: string, encoding: Encoding): string {
  return etag.replace(/"$/, `-${encoding}"`);
}

export function identityEtag(etag: string): string {
  return etag.replace(/^(W\/)?"([A-Za-z0-9_-]{32})-(br|gzip)"$/, '$1"$2"');
}

/** Enough for the lists every homepage asks for; an entry is a few KB. */
const MAX_REMEMBERED = 128;
const remembered = new Map<string, Buffer>();

/**
 * `body` compressed, remembered by its ETag (a hash of the bytes): the first pages every visitor asks for are
 * compressed once, not once per visitor.
 */
async function compressedOnce(body: Buffer, encoding: Encoding, etag: string | undefined): Promise<Buffer> {
  if (etag === undefined) return compress(body, encoding);
  const key = `${encoding} ${etag}`;
  const known = remembered.get(key);
  if (known) return known;
  const compressed = await compress(body, encoding);
  remembered.set(key, compressed);
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  return compressed;
}

export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'HEAD' || reply.statusCode === 204 || reply.statusCode === 304) return payload;
    if (reply.getHeader('content-encoding') !== undefined) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < COMPRESSION_THRESHOLD_BYTES) return payload;
    // The answer depends on Accept-Encoding from here on, whether or not this client gets it compressed.
    addVary(reply, 'Accept-Encoding');
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    const etag = reply.getHeader('etag');
    const compressed = await compressedOnce(body, encoding, typeof etag === 'string' ? etag : undefined);
    if (typeof etag === 'string') reply.header('etag', encodedEtag(etag, encoding));
    reply.header('content-encoding', encoding).header('content-length', compressed.length);
    return compressed;
  });
}
