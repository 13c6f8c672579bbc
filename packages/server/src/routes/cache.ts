import type { FastifyReply } from 'fastify';

/** Catalog data changes rarely and is public: shared caches may keep it for a minute (ETags revalidate after). */
export function cacheCatalog(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'public, max-age=60');
}

/**
 * Providers and products carry their rating figures, which change with every rating: caches keep them but ask
 * every time (`no-cache`), so a reload after rating shows the new average; the ETag makes the check a cheap 304.
 */
export function revalidateCatalog(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'public, no-cache');
}
