// Shared helpers of the widget tests: they run in Chromium against the real reference server (scripts/wtr.mjs).
import { waitUntil } from '@open-wc/testing';
import type { SmecCatalog } from '../src/index.js';

export const API = (window as unknown as { SMEC_TEST_API_URL: string }).SMEC_TEST_API_URL;

/** A server of its own that takes one demand per address in 150 s (scripts/wtr.mjs): its limiter's 429 is real. */
export const LIMITED_API = (window as unknown as { SMEC_TEST_LIMITED_API_URL: string }).SMEC_TEST_LIMITED_API_URL;

/** Nothing listens there: every request fails to connect. */
export const CLOSED_API = 'http://127.0.0.1:9/api/v1';

/**
 * How long a test waits for a view a widget fetches on demand (a dialog, a detail, a mode): the first fetch of its
 * modules goes through the test server's on-the-fly TypeScript transform, which is slow on a busy machine.
 */
export const LAZY_VIEW = { timeout: 10_000 };

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

export function part<T extends Element = HTMLElement>(el: Element, name: string): T | null {
  return shadow(el).querySelector<T>(`[part~="${name}"]`);
}

export function parts<T extends Element = HTMLElement>(el: Element, name: string): T[] {
  return [...shadow(el).querySelectorAll<T>(`[part~="${name}"]`)];
}

export function statusText(el: Element): string {
  return part(el, 'status')?.textContent?.trim() ?? '';
}

/** The number in 「共 1,234 项服务」 or "1,234 services". */
export function totalOf(el: Element): number {
  const digits = /([\d,]+)/.exec(statusText(el))?.[1];
  if (!digits) throw new Error(`no total in status "${statusText(el)}"`);
  return Number(digits.replaceAll(',', ''));
}

/**
 * Waits for a result list (status 「共 … 项服务」) that differs from `previous`, when given, and for the names of
 * categories and regions, which load on their own and can arrive after the first page.
 */
export async function results(el: SmecCatalog, previous?: string): Promise<string> {
  await waitUntil(
    () =>
      /^共 [\d,]+ 项服务/.test(statusText(el)) &&
      part(el, 'card') &&
      statusText(el) !== previous &&
      shadow(el).querySelector('#smec-city option[value="440100"]'),
    `results never appeared (status: "${statusText(el)}")`,
    { timeout: 10000 },
  );
  return statusText(el);
}

export function cardTitles(el: Element): string[] {
  return parts(el, 'card-title').map((title) => title.textContent?.trim() ?? '');
}

export function cardIds(el: Element): string[] {
  return parts(el, 'card-title').map((title) => title.dataset['productId'] ?? '');
}

/** Types into the catalog's search box as a visitor would (one input event per change). */
export function type(el: Element, text: string): void {
  const input = shadow(el).querySelector<HTMLInputElement>('input[type="search"]');
  if (!input) throw new Error('no search box');
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** The facet option whose label starts with `label`; its count is the number in brackets. */
export function facetOption(el: Element, label: string): { input: HTMLInputElement; count: number } {
  const option = [...shadow(el).querySelectorAll<HTMLLabelElement>('label.option')].find((candidate) =>
    candidate.textContent?.trim().startsWith(label),
  );
  const input = option?.querySelector('input');
  if (!option || !input) throw new Error(`no facet option "${label}"`);
  const count = /\(([\d,]+)\)\s*$/.exec(option.textContent?.trim() ?? '')?.[1];
  return { input, count: Number(count?.replaceAll(',', '') ?? Number.NaN) };
}

/** Direct API call, to compare what the widget shows with what the platform says. */
export async function apiTotal(query: Record<string, string>): Promise<number> {
  const response = await fetch(`${API}/products?${new URLSearchParams({ ...query, limit: '1' })}`);
  const body = (await response.json()) as { total: number };
  return body.total;
}

/** Removes the catalog's `smec_*` parameters, and only those, from the page's URL. */
export function clearUrlState(): void {
  const url = new URL(location.href);
  for (const name of [...url.searchParams.keys()]) if (name.startsWith('smec_')) url.searchParams.delete(name);
  history.replaceState(null, '', url);
}
