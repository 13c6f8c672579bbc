// What the public notice's tests share: a test app on a clock they move, applications made and approved over HTTP,
// and the calls of the notice, the objections and the review.
import assert from 'node:assert/strict';
import { ProviderApplication, UploadedFile, usccCheckCharacter, type ProviderApplicationInput } from '@smec/schemas';
import { PIXEL_PNG, operations } from '@smec/schemas/openapi';
import type { AppOptions } from '../src/app.js';
import { testClock } from '../../../test-support/server.js';
import { openTestApp, type TestApp } from './demand-helpers.js';

export const DAY_MS = 86_400_000;
export const HIGH = { max: 1000, windowMs: 60_000 };

/** A clock the test moves: `clock.move(days)`. */
export function movableClock(start = testClock.now()) {
  let now = start;
  return {
    now: () => now,
    move(days: number) {
      now += days * DAY_MS;
    },
  };
}

export interface NoticeApp extends TestApp {
  readonly clock: ReturnType<typeof movableClock>;
  /** The Bearer header of a seeded user. */
  as(userId?: string): Record<string, string>;
  /** Signs the users in again: after the clock moved past their tokens' lifetime. */
  signInAgain(): Promise<void>;
}

export async function openNoticeApp(options: Partial<Omit<AppOptions, 'database' | 'clock'>> = {}): Promise<NoticeApp> {
  const clock = movableClock();
  const app = await openTestApp({ rateLimits: { demandSubmit: HIGH, demandLookup: HIGH }, ...options, clock });
  const tokens = new Map<string, string>();
  const signIn = async () => {
    for (const id of ['usr-admin-440604', 'usr-admin-440600', 'usr-admin-440100', 'usr-admin-440000', 'usr-ent-01']) {
      tokens.set(id, await app.tokenFor(id));
    }
  };
  await signIn();
  return {
    ...app,
    clock,
    signInAgain: signIn,
    as: (userId): Record<string, string> => {
      if (userId === undefined) return {};
      const token = tokens.get(userId);
      if (!token) throw new Error(`No token for ${userId}`);
      return { authorization: `Bearer ${token}` };
    },
  };
}

let organisations = 0;
/** A credit code of a partnership no test used before (series MD11). */
export function newUscc(): string {
  const first17 = `31440000MD11${String(process.pid % 100).padStart(2, '0')}${String(organisations++).padStart(3, '0')}`;
  return `${first17}${usccCheckCharacter(first17) ?? ''}`;
}

/** A new application in 禅城区 (440604), as an applicant sends it. */
export async function submitApplication(
  t: TestApp,
  overrides: { name?: string; contactName?: string } = {},
): Promise<ProviderApplication> {
  const upload = await t.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { 'content-type': 'image/png' },
    payload: Buffer.from(PIXEL_PNG, 'base64'),
  });
  const licence = UploadedFile.parse(upload.body);
  const example = structuredClone(operations.createProviderApplication.example.body) as ProviderApplicationInput;
  const uscc = newUscc();
  const input = {
    ...example,
    organisation: {
      ...example.organisation,
      uscc,
      name: overrides.name ?? `佛山市禅城区明理${uscc.slice(12, 17)}律师事务所`,
    },
    contact: { ...example.contact, name: overrides.contactName ?? example.contact.name },
    files: { licence: { id: licence.id, key: licence.key }, certificates: [] },
  };
  const response = await t.inject({ method: 'POST', url: '/api/v1/provider-applications', payload: input });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return ProviderApplication.parse(response.body);
}

export const REVIEWER = 'usr-admin-440604';

export function transition(t: NoticeApp, id: string, body: object, who = REVIEWER) {
  return t.inject({
    method: 'POST',
    url: `/api/v1/provider-applications/${id}/transitions`,
    payload: body,
    headers: t.as(who),
  });
}

/** A new application of 禅城区, approved by its county: under notice for 7 days from the clock's now. */
export async function underNotice(t: NoticeApp, overrides: { name?: string; contactName?: string } = {}) {
  const application = await submitApplication(t, overrides);
  const approved = await transition(t, application.id, { action: 'approve' });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  return ProviderApplication.parse(approved.body);
}

export const OBJECTION = {
  name: '赵先生',
  mobile: '13900139100',
  reason: '该所曾承诺胜诉后收费，败诉后仍要求支付全额律师费。',
};

export function object(t: TestApp, id: string, body: object = OBJECTION, headers: Record<string, string> = {}) {
  return t.inject({ method: 'POST', url: `/api/v1/public-notices/${id}/objections`, payload: body, headers });
}

export function listNotices(t: TestApp, query = '') {
  return t.inject({ method: 'GET', url: `/api/v1/public-notices${query}` });
}
