// Helpers of the voucher wallet's tests. They use only usr-ent-02, usr-ent-03 and usr-ent-04: the other seeded
// enterprises belong to other test files that share the server.
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { Engagement, Voucher, VoucherBatch } from '@smec/schemas';
import '../src/define/smec-root.js';
import '../src/define/smec-voucher-wallet.js';
import type { SmecVoucherWallet } from '../src/index.js';
import { API, part, parts, shadow } from './helpers.js';

export type WalletUser = 'usr-ent-02' | 'usr-ent-03' | 'usr-ent-04' | OtherAccount;
/** Accounts that are no enterprise's: the wallet refuses them, so they change nothing. */
export type OtherAccount = 'usr-prv-01' | 'usr-admin-440000';

const tokens = new Map<string, Promise<string>>();

/** A bearer token of a seeded enterprise user, from the demo issuer. */
export function tokenOf(userId: WalletUser): Promise<string> {
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

async function get<T>(path: string, userId: WalletUser): Promise<T> {
  const response = await fetch(`${API}${path}`, { headers: { authorization: `Bearer ${await tokenOf(userId)}` } });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export async function myVouchers(userId: WalletUser): Promise<Voucher[]> {
  return (await get<{ items: Voucher[] }>('/me/vouchers?limit=100', userId)).items;
}

export async function myEngagements(userId: WalletUser): Promise<Engagement[]> {
  return (await get<{ items: Engagement[] }>('/engagements?limit=100', userId)).items;
}

export async function batches(state: 'open' | 'upcoming'): Promise<VoucherBatch[]> {
  const response = await fetch(`${API}/voucher-batches?state=${state}&limit=100`);
  return ((await response.json()) as { items: VoucherBatch[] }).items;
}

/** A wallet inside a `<smec-root>` signed in as `userId` (signed out without one), once it has loaded. */
export async function wallet(userId?: WalletUser, lang = 'zh-CN'): Promise<SmecVoucherWallet> {
  const token = userId ? await tokenOf(userId) : undefined;
  const root = await fixture(
    html`<smec-root api-base=${API} lang=${lang} .getToken=${token ? () => token : undefined}>
      <smec-voucher-wallet>
        <a slot="sign-in" href="#sign-in">企业用户登录</a>
      </smec-voucher-wallet>
    </smec-root>`,
  );
  const el = root.querySelector('smec-voucher-wallet')!;
  const loaded = () => part(el, 'sign-in') || part(el, 'wrong-account') || (part(el, 'vouchers') && part(el, 'batch'));
  await waitUntil(loaded, 'the wallet never loaded', {
    timeout: 10000,
  });
  return el;
}

export function voucherCard(el: Element, id: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="voucher"][data-voucher-id="${id}"]`);
}

export function batchCard(el: Element, id: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="batch"][data-batch-id="${id}"]`);
}

export function engagementCard(el: Element, id: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="engagement"][data-engagement-id="${id}"]`);
}

export function statusOf(el: Element): string {
  return part(el, 'status')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function useDialog(el: Element): HTMLDialogElement | null {
  return part<HTMLDialogElement>(el, 'use-dialog');
}

export function fieldErrors(el: Element): string[] {
  return parts(el, 'field-error')
    .map((p) => p.textContent?.trim() ?? '')
    .filter(Boolean);
}

/** Types into an input of the wallet as a visitor would (one input event). */
export function typeInto(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export function text(el: Element | null | undefined): string {
  return el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
