import { DemoTokenRequest, DemoUsersQuery, type DemoUser } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Authenticator } from '../auth/verifier.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../http/problem.js';
import { parseInput } from '../http/validate.js';
import { fill, type Localized } from '../http/localized.js';

const NO_DEMO_USER: Localized = {
  'zh-CN': '没有演示用户 {id}。',
  'zh-HK': '沒有示範用戶 {id}。',
  en: 'No demo user {id}.',
};

/**
 * The demo sign-in: the seeded users and a token for any of them. Registered only when the server is its own issuer
 * (demo mode); a platform with a real identity provider answers 404 here.
 */
export function demoAuthRoutes(app: FastifyInstance, db: Kysely<Database>, auth: Authenticator): void {
  app.get('/demo/jwks.json', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(auth.jwks()),
  );

  app.get('/demo/users', async (request, reply) => {
    const { role } = parseInput(DemoUsersQuery, request.query, 'query');
    let query = db
      .selectFrom('users')
      .select(['id', 'name', 'role', 'staff_role', 'organization', 'region_code'])
      .orderBy('position');
    if (role) query = query.where('role', '=', role);
    const items: DemoUser[] = (await query.execute()).map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role,
      organization: row.organization,
      regionCode: row.region_code,
      staffRole: row.role === 'admin' ? (row.staff_role ?? 'admin') : null,
    }));
    return reply.header('cache-control', 'no-store').send({ items });
  });

  app.post('/demo/token', async (request, reply) => {
    const { userId } = parseInput(DemoTokenRequest, request.body, 'body');
    const user = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound(fill(NO_DEMO_USER, { id: userId }));
    const { token, expiresAt } = await auth.issue(user.id);
    return reply.header('cache-control', 'no-store').send({ token, expiresAt: expiresAt.toISOString() });
  });
}
