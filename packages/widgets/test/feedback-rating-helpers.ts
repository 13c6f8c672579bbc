// Helpers of <smec-feedback-rating>'s tests: they ask the real server (scripts/wtr.mjs) for the engagements and
// ratings to look at. These tests use only the enterprise users usr-ent-05, -06 and -07.
import { waitUntil } from '@open-wc/testing';
import type { Engagement, PublicRatingPage } from '@smec/schemas';
import { sendKeys } from '@web/test-runner-commands';
import { API, part, shadow } from './helpers.js';

export async function tokenFor(userId: string): Promise<string> {
  const response = await fetch(`${API}/demo/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!response.ok) throw new Error(`POST /demo/token for ${userId} answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

async function engagements(token: string, status: string): Promise<Engagement[]> {
  const response = await fetch(`${API}/engagements?status=${status}&limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`GET /engagements answered ${response.status}`);
  return ((await response.json()) as { items: Engagement[] }).items;
}

/** The user's delivered, accepted engagements not rated yet, oldest id first (so each test takes its own). */
export async function unratedEngagements(token: string): Promise<Engagement[]> {
  const all = [...(await engagements(token, 'delivered')), ...(await engagements(token, 'closed'))];
  return all.filter((e) => e.acceptedAt && !e.ratingId).sort((a, b) => a.id.localeCompare(b.id));
}

/** An engagement of the user that is not delivered yet, when the seed gives it one. */
export async function undeliveredEngagement(token: string): Promise<Engagement | undefined> {
  for (const status of ['inProgress', 'confirmed', 'ordered']) {
    const [found] = await engagements(token, status);
    if (found) return found;
  }
  return undefined;
}

export async function publicRatings(
  kind: 'products' | 'providers',
  id: string,
  cursor?: string,
): Promise<PublicRatingPage> {
  const query = new URLSearchParams({ limit: '5', ...(cursor ? { cursor } : {}) });
  const response = await fetch(`${API}/${kind}/${id}/ratings?${query}`);
  if (!response.ok) throw new Error(`GET /${kind}/${id}/ratings answered ${response.status}`);
  return (await response.json()) as PublicRatingPage;
}

export function text(el: Element, name: string): string {
  return (part(el, name)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the form is there (the engagement loaded and not rated). */
export async function formShown(el: Element): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('form'), `the form never appeared: "${text(el, 'base')}"`, {
    timeout: 10000,
  });
}

export function radio(el: Element, name: string, value: string | number): HTMLInputElement {
  const found = shadow(el).querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
  if (!found) throw new Error(`no radio ${name}=${value}`);
  return found;
}

/** The value of the checked radio of a group, or undefined. */
export function checked(el: Element, name: string): string | undefined {
  return shadow(el).querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;
}

export function focused(el: Element): HTMLElement | null {
  return shadow(el).activeElement as HTMLElement | null;
}

export async function press(key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
}

export function comment(el: Element): HTMLTextAreaElement {
  const found = shadow(el).querySelector<HTMLTextAreaElement>('textarea[name="comment"]');
  if (!found) throw new Error('no comment field');
  return found;
}

/** Types into the comment as a visitor would (one input event). */
export function typeComment(el: Element, value: string): void {
  const field = comment(el);
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export function fieldErrors(el: Element): string[] {
  return [...shadow(el).querySelectorAll('.field-error')].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
}
