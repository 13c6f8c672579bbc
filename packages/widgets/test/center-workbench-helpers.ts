// Helpers of the center workbench's tests. They sign in as the seeded center staff: Guangzhou's administrator
// (usr-admin-440100), Shantou's 业务员 and 只读 (usr-staff-440500, usr-viewer-440500), a county's administrator
// (usr-admin-440604, Foshan's 禅城区), and an enterprise's and a provider's account for the wrong-account message.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/smec-root.js';
import '../src/define/smec-center-workbench.js';
import type { SmecCenterWorkbench } from '../src/index.js';
import { API, LAZY_VIEW, part, shadow } from './helpers.js';

export type CenterUser =
  | 'usr-admin-440100'
  | 'usr-staff-440500'
  | 'usr-viewer-440500'
  | 'usr-admin-440500'
  | 'usr-admin-440604'
  | 'usr-ent-05'
  | 'usr-prv-01';

const tokens = new Map<string, Promise<string>>();

/** A bearer token of a seeded user, from the demo issuer. */
export function tokenOf(userId: CenterUser): Promise<string> {
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

export async function apiGet<T>(path: string, userId: CenterUser): Promise<T> {
  const response = await fetch(`${API}${path}`, { headers: { authorization: `Bearer ${await tokenOf(userId)}` } });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Every item of a listing, page after page. */
export async function apiAll<T>(path: string, userId: CenterUser): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await apiGet<{ items: T[]; nextCursor?: string | null }>(
      `${path}${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      userId,
    );
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export interface WorkbenchOptions {
  lang?: string;
  view?: string;
  regionName?: string;
  regionCode?: string;
  staffRole?: string;
}

/** A workbench inside a `<smec-root>` signed in as `userId` (signed out without one), once it has loaded. */
export async function workbench(userId?: CenterUser, options: WorkbenchOptions = {}): Promise<SmecCenterWorkbench> {
  const token = userId ? await tokenOf(userId) : undefined;
  const root = await fixture(
    html`<smec-root api-base=${API} lang=${options.lang ?? 'zh-CN'} .getToken=${token ? () => token : undefined}>
      <smec-center-workbench
        view=${options.view ?? 'overview'}
        region-name=${options.regionName ?? ''}
        region-code=${options.regionCode ?? ''}
        staff-role=${options.staffRole ?? ''}
      >
        <a slot="sign-in" href="#sign-in">工作人员登录</a>
      </smec-center-workbench>
    </smec-root>`,
  );
  const el = root.querySelector('smec-center-workbench')!;
  await waitUntil(() => part(el, 'sign-in') || part(el, 'wrong-account') || part(el, 'nav'), 'never loaded', {
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
