// Helpers of the application widget's tests: a valid organisation (a fresh credit code each time), filling the steps
// as an applicant does, a PNG for the licence, and the demo's signed-in reviewer.
import { waitUntil } from '@open-wc/testing';
import { usccCheckCharacter } from '@smec/schemas/rules';
import type { SmecProviderApplication } from '../src/index.js';
import { API, LAZY_VIEW, part, shadow } from './helpers.js';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

let serial = Math.floor(Math.random() * 90_000);

/** A law firm's credit code (31…, a partnership) with its check character, new for each call. */
export function freshUscc(): string {
  serial = (serial + 1) % 100_000;
  const first17 = `314406${String(Date.now() % 1_000_000).padStart(6, '0')}${String(serial).padStart(5, '0')}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

export function validOrganisation() {
  return {
    name: '佛山市禅城区测试律师事务所',
    uscc: freshUscc(),
    legalRepresentative: '陈明理',
    foundedOn: '2015-03-18',
    address: '佛山市禅城区季华五路 22 号 8 楼',
    city: '440600',
    county: '440604',
    staff: '26',
    professionalStaff: '18',
    description: '专注企业合同审查、劳动用工合规和知识产权保护，服务佛山制造业企业三百余家。',
    contactName: '李女士',
    mobile: '13800138123',
    email: 'service@mingli-law.example.cn',
  };
}

/** The smallest bytes the platform takes for a PNG: it tells the type from the first bytes. */
export function pngFile(name = '营业执照.png'): File {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);
  return new File([bytes], name, { type: 'image/png' });
}

export function control(el: Element, name: string): Control {
  const found = shadow(el).querySelector<Control>(`[name="${name}"]`);
  if (!found) throw new Error(`no control named ${name}`);
  return found;
}

/** Types a value as an applicant would: the value, then an input event. */
export async function set(el: SmecProviderApplication, name: string, value: string): Promise<void> {
  const target = control(el, name);
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Ticks the checkbox of a group whose value is `value`. */
export async function tick(el: SmecProviderApplication, name: string, value: string): Promise<void> {
  const box = shadow(el).querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
  if (!box) throw new Error(`no ${name} checkbox ${value}`);
  box.click();
  await el.updateComplete;
}

/** What the file chooser does once the applicant picked files: the input holds them and says it changed. */
export function choose(input: HTMLInputElement, files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The error shown next to a field, without the screen readers' 「错误：」 prefix; '' when none. */
export function fieldError(el: Element, name: string): string {
  const error = shadow(el).querySelector(`#smec-df-${name}-error`);
  if (!error) return '';
  const clone = error.cloneNode(true) as HTMLElement;
  clone.querySelector('.sr-only')?.remove();
  return clone.textContent?.trim() ?? '';
}

export function stepTitle(el: Element): string {
  return shadow(el).querySelector('#smec-pa-step-title')?.textContent?.trim() ?? '';
}

export function currentStep(el: Element): string {
  return shadow(el).querySelector('[part~="step"][aria-current="step"]')?.textContent?.replace(/\s+/g, '') ?? '';
}

/** Waits for a step's fields (the later steps arrive with their module). */
export async function stepShown(el: Element, title: string, field?: string): Promise<void> {
  await waitUntil(
    () => stepTitle(el) === title && (!field || shadow(el).querySelector(`[name="${field}"]`)),
    `step ${title} did not show (it shows ${stepTitle(el)})`,
    LAZY_VIEW,
  );
}

export async function next(el: SmecProviderApplication): Promise<void> {
  (part(el, 'next-button') ?? part(el, 'submit-button'))!.click();
  await el.updateComplete;
}

/** Waits until the categories and regions have loaded (the checkboxes and selects need them). */
export async function referenceLoaded(el: Element): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('#smec-df-city option[value="440600"]'), 'no regions', LAZY_VIEW);
}

/** Fills the first three steps with `values` and moves on to the files. */
export async function fillToFiles(el: SmecProviderApplication, values = validOrganisation()): Promise<void> {
  await referenceLoaded(el);
  for (const name of ['name', 'uscc', 'legalRepresentative', 'foundedOn', 'address'] as const) {
    await set(el, name, values[name]);
  }
  await set(el, 'orgType', 'partnership');
  await set(el, 'city', values.city);
  await set(el, 'county', values.county);
  await next(el);
  await stepShown(el, '服务范围', 'categoryIds');
  await tick(el, 'categoryIds', 'legal');
  await tick(el, 'regionsServed', '440600');
  for (const name of ['staff', 'professionalStaff', 'description'] as const) await set(el, name, values[name]);
  await next(el);
  await stepShown(el, '联系人', 'contactName');
  for (const name of ['contactName', 'mobile', 'email'] as const) await set(el, name, values[name]);
  await next(el);
  await stepShown(el, '材料', 'licence');
}

/** Waits until every chosen file has been uploaded. */
export async function uploaded(el: Element, count = 1): Promise<void> {
  await waitUntil(
    () =>
      [...shadow(el).querySelectorAll('[part~="file-state"]')].filter((s) => s.textContent?.trim() === '已上传')
        .length >= count,
    'the files were not uploaded',
    LAZY_VIEW,
  );
}

const tokens = new Map<string, Promise<string>>();

/** A bearer token of a seeded user, from the demo issuer. */
export function tokenOf(userId: string): Promise<string> {
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
