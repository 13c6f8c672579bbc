import {
  ApplicationNoParams,
  ProviderApplicationDraftInput,
  ProviderApplicationRevision,
  type CreatedApplicationDraft,
} from '@smec/schemas';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { checkApplicationReferences, type ApplicationContext } from '../applications/store.js';
import {
  NO_DRAFT,
  checkDraftReferences,
  createDraft,
  draftFileIds,
  draftView,
  findDraft,
  saveDraft,
  submitDraft,
} from '../applications/drafts.js';
import {
  NO_APPLICATION,
  applicationFileIds,
  findOwnApplication,
  ownApplicationView,
  refuseUnlessChangesRequested,
  resubmitApplication,
} from '../applications/own.js';
import { resumeKeyOf } from '../applications/resume-key.js';
import { IdempotencyStore, idempotencyKeyOf, type IdempotentResult } from '../http/idempotency.js';
import { requestLocale } from '../http/locale.js';
import { notFound } from '../http/problem.js';
import { limitedRoute } from '../http/rate-limit.js';
import { parseBody, parseInput } from '../http/validate.js';
import type { ApplicationRouteOptions } from './provider-applications.js';

const CREATE_SCOPE = 'POST /provider-application-drafts';

function send(reply: FastifyReply, result: IdempotentResult) {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(result.status).header('cache-control', 'no-store').send(result.body);
}

/**
 * The applicant's side of an application to join, no account needed: drafts saved and resumed on any device, and its
 * own application read and resubmitted. The resume key (header `Smec-Resume-Key`) decides; a wrong number and a wrong
 * key are the same 404.
 */
export function applicationDraftRoutes(
  app: FastifyInstance,
  context: ApplicationContext,
  options: ApplicationRouteOptions,
): void {
  const idempotency = new IdempotencyStore(context.db, context.clock);

  app.post(
    '/provider-application-drafts',
    limitedRoute('application-draft', options.submitLimit, idempotency.replayExemption(CREATE_SCOPE)),
    async (request, reply) => {
      const key = idempotencyKeyOf(request);
      const locale = requestLocale(request);
      const input = parseBody(ProviderApplicationDraftInput, request.body, locale);
      await checkDraftReferences(context, input, locale);
      const result = await idempotency.run(CREATE_SCOPE, key, request.body, async (trx) => ({
        status: 201,
        body: await createDraft(context, trx, input),
      }));
      const draft = result.body as CreatedApplicationDraft;
      reply.header('location', `/api/v1/provider-application-drafts/${draft.applicationNo}`);
      return send(reply, result);
    },
  );

  app.get(
    '/provider-application-drafts/:applicationNo',
    limitedRoute('application-draft-read', options.lookupLimit),
    async (request, reply) => {
      const { applicationNo } = parseInput(ApplicationNoParams, request.params, 'params');
      const row = await findDraft(context, context.db, applicationNo, resumeKeyOf(request));
      if (!row) throw notFound(NO_DRAFT);
      return reply.header('cache-control', 'no-store').send(await draftView(context, row));
    },
  );

  app.put(
    '/provider-application-drafts/:applicationNo',
    limitedRoute('application-draft-save', options.lookupLimit),
    async (request, reply) => {
      const { applicationNo } = parseInput(ApplicationNoParams, request.params, 'params');
      const resumeKey = resumeKeyOf(request);
      const key = idempotencyKeyOf(request);
      const locale = requestLocale(request);
      const input = parseBody(ProviderApplicationDraftInput, request.body, locale);
      const row = await findDraft(context, context.db, applicationNo, resumeKey);
      if (!row) throw notFound(NO_DRAFT);
      await checkDraftReferences(context, input, locale, await draftFileIds(context.db, row.seq));
      const scope = `PUT /provider-application-drafts/${applicationNo}`;
      const result = await idempotency.run(scope, key, request.body, async (trx) => {
        // Again inside the transaction: a submission may have taken the draft meanwhile.
        const current = await findDraft(context, trx, applicationNo, resumeKey);
        if (!current) throw notFound(NO_DRAFT);
        return { status: 200, body: await saveDraft(context, trx, current, input) };
      });
      return send(reply, result);
    },
  );

  app.post(
    '/provider-application-drafts/:applicationNo/submit',
    // A submission from a draft counts with the other submissions.
    limitedRoute('application-submit', options.submitLimit),
    async (request, reply) => {
      const { applicationNo } = parseInput(ApplicationNoParams, request.params, 'params');
      const resumeKey = resumeKeyOf(request);
      const key = idempotencyKeyOf(request);
      const locale = requestLocale(request);
      const input = parseBody(ProviderApplicationRevision, request.body, locale);
      const scope = `POST /provider-application-drafts/${applicationNo}/submit`;
      // A retry of a submission that went through finds no draft any more: it is answered from the store.
      if (!(await idempotency.wouldReplay(scope, key, request.body))) {
        const row = await findDraft(context, context.db, applicationNo, resumeKey);
        if (!row) throw notFound(NO_DRAFT);
        await checkApplicationReferences(context, input, locale, await draftFileIds(context.db, row.seq));
      }
      const result = await idempotency.run(scope, key, request.body, async (trx) => {
        const current = await findDraft(context, trx, applicationNo, resumeKey);
        if (!current) throw notFound(NO_DRAFT);
        return { status: 201, body: await submitDraft(context, trx, current, input) };
      });
      reply.header('location', `/api/v1/provider-applications/${applicationNo}`);
      return send(reply, result);
    },
  );

  app.get(
    '/provider-applications/:applicationNo',
    limitedRoute('application-read', options.lookupLimit),
    async (request, reply) => {
      const { applicationNo } = parseInput(ApplicationNoParams, request.params, 'params');
      const row = await findOwnApplication(context.db, applicationNo, resumeKeyOf(request));
      if (!row) throw notFound(NO_APPLICATION);
      return reply.header('cache-control', 'no-store').send(await ownApplicationView(context.db, row));
    },
  );

  app.put(
    '/provider-applications/:applicationNo',
    limitedRoute('application-submit', options.submitLimit),
    async (request, reply) => {
      const { applicationNo } = parseInput(ApplicationNoParams, request.params, 'params');
      const resumeKey = resumeKeyOf(request);
      const key = idempotencyKeyOf(request);
      const locale = requestLocale(request);
      const input = parseBody(ProviderApplicationRevision, request.body, locale);
      const scope = `PUT /provider-applications/${applicationNo}`;
      // A retry of a resubmission that went through finds it submitted again: it is answered from the store.
      if (!(await idempotency.wouldReplay(scope, key, request.body))) {
        const row = await findOwnApplication(context.db, applicationNo, resumeKey);
        if (!row) throw notFound(NO_APPLICATION);
        refuseUnlessChangesRequested(row);
        await checkApplicationReferences(context, input, locale, await applicationFileIds(context.db, row.seq));
      }
      const result = await idempotency.run(scope, key, request.body, async (trx) => {
        const current = await findOwnApplication(trx, applicationNo, resumeKey);
        if (!current) throw notFound(NO_APPLICATION);
        return { status: 200, body: await resubmitApplication(context, trx, current, input) };
      });
      return send(reply, result);
    },
  );
}
