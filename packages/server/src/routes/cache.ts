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

/**
 * A catalog list's first page: browsers ask every time as for `revalidateCatalog`, but a shared cache in front (a
 * CDN, a center's proxy) may answer it for 30 s and serve it stale for a minute more while it asks again, so that a
 * busy homepage costs the platform one request per half minute. A rating shows there within that time.
 */
export function shareCatalogList(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'public, max-age=0, s-maxage=30, stale-while-revalidate=60');
}
