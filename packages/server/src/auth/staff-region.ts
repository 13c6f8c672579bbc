import type { FastifyRequest } from 'fastify';

/**
 * The region of the center staff member signed in, for a public read that shows staff a little more (their drafts);
 * null for anyone else. A public read never fails on a token: a stale one left in a widget reads as anonymous.
 */
export async function staffRegionOf(request: FastifyRequest): Promise<string | null> {
  if (request.headers.authorization === undefined) return null;
  try {
    const principal = await request.principal();
    return principal?.role === 'admin' ? principal.regionCode : null;
  } catch {
    return null;
  }
}
