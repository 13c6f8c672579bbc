// Helpers of the provider workbench's tests. They sign in as usr-prv-01 (the demo provider, whose drafts and
// engagements the seed made for it); the products they create carry their own names, so nothing else changes.
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { Engagement, MyProduct } from '@smec/schemas';
import '../src/define/smec-root.js';
import '../src/define/smec-provider-workbench.js';
import type { SmecProviderWorkbench } from '../src/index.js';
import { API, LAZY_VIEW, part, shadow } from './helpers.js';

export type WorkbenchUser = 'usr-prv-01' | 'usr-ent-05';

const tokens = new Map<string, Promise<string>>();

/** A bearer token of a seeded user, from the demo issuer. */
export function tokenOf(userId: WorkbenchUser): Promise<string> {
  let token = tokens.get(userId);
  if (!token) {
    token = fetch(`${API}/demo/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    })
      .then((response) => response.json() as Promise<{ token: string }>)
      .then((body) => body.token);
    tokens.set(userId, token);
  }
  return token;
}

export async function apiGet<T>(path: string, userId: WorkbenchUser = 'usr-prv-01'): Promise<T> {
  const response = await fetch(`${API}${path}`, { headers: { authorization: `Bearer ${await tokenOf(userId)}` } });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export async function myProducts(): Promise<MyProduct[]> {
  return (await apiGet<{ items: MyProduct[] }>('/me/products?limit=100')).items;
}

export async function myEngagements(): Promise<Engagement[]> {
  return (await apiGet<{ items: Engagement[] }>('/engagements?limit=100')).items;
}

/** A workbench inside a `<smec-root>` signed in as `userId` (signed out without one), once it has loaded. */
export async function workbench(
  userId?: WorkbenchUser,
  lang = 'zh-CN',
  view = 'products',
): Promise<SmecProviderWorkbench> {
  const token = userId ? await tokenOf(userId) : undefined;
  const root = await fixture(
    html`<smec-root api-base=${API} lang=${lang} .getToken=${token ? () => token : undefined}>
      <smec-provider-workbench view=${view}>
        <a slot="sign-in" href="#sign-in">服务机构登录</a>
      </smec-provider-workbench>
    </smec-root>`,
  );
  const el = root.querySelector('smec-provider-workbench')!;
  await waitUntil(() => part(el, 'sign-in') || part(el, 'wrong-account') || part(el, 'banner'), 'never loaded', {
    timeout: 10000,
  });
  return el;
}

/** Waits for the view's module to arrive and render. */
export async function viewReady(el: Element, selector: string): Promise<HTMLElement> {
  await waitUntil(() => shadow(el).querySelector(selector), `${selector} never rendered`, LAZY_VIEW);
  return shadow(el).querySelector<HTMLElement>(selector)!;
}

/** Types `value` into the control `selector` as a visitor would. */
export function fill(el: Element, selector: string, value: string): void {
  const control = shadow(el).querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!control) throw new Error(`no ${selector}`);
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export function choose(el: Element, selector: string, value: string): void {
  const select = shadow(el).querySelector<HTMLSelectElement>(selector);
  if (!select) throw new Error(`no ${selector}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export function button(el: Element, text: string, scope = ''): HTMLButtonElement {
  const found = [...shadow(el).querySelectorAll<HTMLButtonElement>(`${scope} button`)].find(
    (candidate) => candidate.textContent?.trim() === text,
  );
  if (!found) throw new Error(`no button 「${text}」`);
  return found;
}
