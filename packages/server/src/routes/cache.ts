import type { FastifyReply } from 'fastify';

/** Catalog data changes rarely and is public: shared caches may keep it for a minute (ETags revalidate after). */
export function cacheCatalog(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'public, max-age=60');
}
