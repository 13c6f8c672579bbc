// Helpers of the demand form tests: filling fields as a visitor does (one input event per change, then leaving the
// field), reading what the form shows, and clients whose fetch misbehaves on the POST only.
import { waitUntil } from '@open-wc/testing';
import { createClient } from '@smec/sdk';
import type { SmecDemandForm } from '../src/index.js';
import { API, part, shadow, LAZY_VIEW } from './helpers.js';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function control(el: Element, name: string): Control {
  const found = shadow(el).querySelector<Control>(`[name="${name}"]`);
  if (!found) throw new Error(`no control named ${name}`);
  return found;
}

/** Types a value (or ticks a checkbox) as a visitor would: the value, then an input event. */
export async function set(el: SmecDemandForm, name: string, value: string | boolean): Promise<void> {
  const target = control(el, name);
  if (typeof value === 'boolean') (target as HTMLInputElement).checked = value;
  else target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Focuses the field and leaves it, which checks it. */
export async function leave(el: SmecDemandForm, name: string): Promise<void> {
  const target = control(el, name);
  target.focus();
  target.blur();
  await el.updateComplete;
  await errorWords(el, name);
}

/**
 * Waits until a field marked wrong shows its words: the form fetches its message texts when first focused, so on a
 * form a test touches at once they may follow the mark by a few milliseconds.
 */
export async function errorWords(el: Element, name: string): Promise<void> {
  await waitUntil(
    () => control(el, name).getAttribute('aria-invalid') !== 'true' || fieldError(el, name) !== '',
    `the error of ${name} has no words`,
    LAZY_VIEW,
  );
}

/** Waits for the lookup mode's fields, which arrive with the lookup view. */
export async function lookupReady(el: Element): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('[name="trackingNo"]'), 'the lookup fields did not arrive', LAZY_VIEW);
}

/** The error shown next to a field, without the screen readers' 「错误：」 prefix; '' when none. */
export function fieldError(el: Element, name: string): string {
  const error = shadow(el).querySelector(`#smec-df-${name}-error`);
  if (!error) return '';
  const clone = error.cloneNode(true) as HTMLElement;
  clone.querySelector('.sr-only')?.remove();
  return clone.textContent?.trim() ?? '';
}

export function summaryLinks(el: Element): HTMLAnchorElement[] {
  return [...(part(el, 'error-summary')?.querySelectorAll('a') ?? [])];
}

/** Waits until categories and regions are in the selects. */
export async function referenceLoaded(el: SmecDemandForm): Promise<void> {
  await waitUntil(
    () =>
      (control(el, 'categoryId') as HTMLSelectElement).options.length > 1 &&
      (control(el, 'city') as HTMLSelectElement).options.length > 1,
    'categories and regions never loaded',
    { timeout: 10000 },
  );
}

/** A demand that passes every check. The title is unique so that a test can find its own demand. */
export function validDemand(title = `测试需求 ${Math.random().toString(36).slice(2, 8)}`) {
  return {
    uscc: '91440604MA51K8QX3Q',
    enterpriseName: '佛山市禅城区示例科技有限公司',
    categoryId: 'finance-tax',
    city: '440600',
    county: '440604',
    title,
    description: '公司计划明年申报高新技术企业，希望有机构协助梳理知识产权和研发费用归集。',
    budgetAmount: '30000',
    contactName: '陈女士',
    phone: '13812341234',
    consent: true,
  } as const;
}

export async function fill(
  el: SmecDemandForm,
  values: Record<string, string | boolean> = validDemand(),
): Promise<void> {
  await referenceLoaded(el);
  // The city first: choosing it resets the county.
  for (const name of ['city', ...Object.keys(values).filter((name) => name !== 'city')]) {
    const value = values[name];
    if (value !== undefined) await set(el, name, value);
  }
}

export function submit(el: SmecDemandForm): void {
  part(el, 'submit-button')!.click();
}

function isPost(init: RequestInit | undefined): boolean {
  return (init?.method ?? 'GET').toUpperCase() === 'POST';
}

/**
 * A client whose first POST reaches the platform but whose answer is lost (the connection drops on the way back),
 * as the SDK sees it: a TypeError from fetch. No automatic retries, so the visitor's 重试 does the retry.
 */
export function droppingClient() {
  let dropped = 0;
  let posts = 0;
  let lostTrackingNo: string | undefined;
  const client = createClient({
    baseUrl: API,
    retry: 0,
    fetch: async (input, init) => {
      if (!isPost(init)) return fetch(input, init);
      posts += 1;
      const response = await fetch(input, init);
      if (dropped === 0) {
        dropped += 1;
        lostTrackingNo = ((await response.json()) as { trackingNo?: string }).trackingNo;
        throw new TypeError('Failed to fetch');
      }
      return response;
    },
  });
  return { client, posts: () => posts, lostTrackingNo: () => lostTrackingNo };
}

/** A client whose POSTs wait until `release()`: the form stays in its submitting state. */
export function gatedPostClient() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const client = createClient({
    baseUrl: API,
    retry: 0,
    fetch: async (input, init) => {
      if (isPost(init)) await gate;
      return fetch(input, init);
    },
  });
  return { client, release };
}

/** A client whose POSTs fail to connect at all. */
export function offlinePostClient() {
  return createClient({
    baseUrl: API,
    retry: 0,
    fetch: async (input, init) => {
      if (isPost(init)) throw new TypeError('Failed to fetch');
      return fetch(input, init);
    },
  });
}

/**
 * Submits a fresh demand in `regionCode` through the API, as an enterprise does, for the center workbench's tests
 * to move without touching the seed's demands other tests read.
 */
export async function submitDemand(
  regionCode: string,
  title = validDemand().title,
): Promise<{ id: string; title: string }> {
  const values = validDemand(title);
  const response = await fetch(`${API}/demands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      enterprise: { uscc: values.uscc, name: values.enterpriseName },
      contact: { name: values.contactName, phone: values.phone },
      regionCode,
      categoryId: values.categoryId,
      title,
      description: values.description,
      budget: 3_000_000,
      consent: true,
    }),
  });
  if (!response.ok) throw new Error(`POST /demands answered ${response.status}`);
  const demand = (await response.json()) as { id: string };
  return { id: demand.id, title };
}
