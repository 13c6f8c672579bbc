import type { Account } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import { unauthorized } from '../auth/principal.js';
import type { RegionIndex } from '../catalog/regions.js';

/** `GET /me`: the signed-in user as the platform takes them, for widgets that must not guess from the token. */
export function meRoutes(app: FastifyInstance, context: { readonly regions: RegionIndex }): void {
  app.get('/me', async (request, reply) => {
    const principal = await request.principal();
    if (!principal) throw unauthorized();
    const account: Account = {
      ...principal,
      regionName: principal.regionCode ? (context.regions.get(principal.regionCode)?.name ?? null) : null,
    };
    return reply.header('cache-control', 'private, no-store').send(account);
  });
}
