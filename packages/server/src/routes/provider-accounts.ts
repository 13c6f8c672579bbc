import {
  IdParams,
  ProviderAccountPatch,
  ProviderAccountsQuery,
  ProviderTransition,
  type ProviderAccount,
} from '@smec/schemas';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { auditActor } from '../audit/record.js';
import { auditedWrite } from '../audit/audited-write.js';
import { providerSnapshot } from '../audit/snapshots.js';
import { requireRole, requireStaff } from '../auth/principal.js';
import { IdempotencyStore, idempotencyKeyOf, type IdempotentResult } from '../http/idempotency.js';
import { requireIfMatch } from '../http/if-match.js';
import { requestLocale } from '../http/locale.js';
import { parseBody, parseInput } from '../http/validate.js';
import { accountEtag } from '../provider-accounts/account.js';
import { listProviderAccounts } from '../provider-accounts/list.js';
import { getOwnAccount, updateOwnAccount } from '../provider-accounts/profile.js';
import { transitionProvider, type ProviderAccountContext } from '../provider-accounts/transitions.js';

/** An account as JSON, with the ETag that names its revision and these bytes. */
function sendAccount(reply: FastifyReply, account: ProviderAccount, cacheControl: string): FastifyReply {
  const json = JSON.stringify(account);
  return reply
    .header('cache-control', cacheControl)
    .header('etag', accountEtag(account, json))
    .type('application/json; charset=utf-8')
    .send(json);
}

function sendResult(reply: FastifyReply, result: IdempotentResult): FastifyReply {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return sendAccount(reply.code(result.status), result.body as ProviderAccount, 'no-store');
}

/** A provider's own account, and its center's moves on it after admission. */
export function providerAccountRoutes(app: FastifyInstance, context: ProviderAccountContext): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.get('/me/provider', async (request, reply) => {
    const principal = await requireRole(request, 'provider');
    return sendAccount(reply, await getOwnAccount(context, principal), 'private, no-cache');
  });

  app.patch('/me/provider', async (request, reply) => {
    const principal = await requireRole(request, 'provider');
    const patch = parseBody(ProviderAccountPatch, request.body, requestLocale(request));
    // What is malformed is a 400 before a missing precondition is a 428.
    const key = idempotencyKeyOf(request);
    const ifMatch = requireIfMatch(request);
    const result = await idempotency.run(`PATCH /me/provider ${principal.userId}`, key, request.body, async (trx) => ({
      status: 200,
      body: await updateOwnAccount(context, trx, principal, ifMatch, patch),
    }));
    return sendResult(reply, result);
  });

  // The center's own list: suspended and removed providers are in no catalog, and no cache keeps it.
  app.get('/provider-accounts', async (request, reply) => {
    const principal = await requireStaff(request, 'viewer');
    const query = parseInput(ProviderAccountsQuery, request.query, 'query');
    return reply
      .header('cache-control', 'private, no-store')
      .send(await listProviderAccounts(context, principal, query));
  });

  app.post('/providers/:id/transitions', async (request, reply) => {
    const principal = await requireStaff(request, 'staff');
    const { id } = parseInput(IdParams, request.params, 'params');
    const move = parseBody(ProviderTransition, request.body, requestLocale(request));
    const audit = { action: `provider.${move.action}`, entityType: 'provider', entityId: id, read: providerSnapshot };
    // Keys are the administrator's own: another's key never replays into this one's answer.
    const result = await idempotency.run(
      `POST /providers/${id}/transitions ${principal.userId}`,
      idempotencyKeyOf(request),
      request.body,
      async (trx) => ({
        status: 200,
        body: await auditedWrite(trx, auditActor(request, principal), context.clock.now(), audit, () =>
          transitionProvider(context, trx, principal, id, move),
        ),
      }),
    );
    return sendResult(reply, result);
  });
}
