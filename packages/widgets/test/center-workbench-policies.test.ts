// The Policies view (政策) of the center workbench against the real server, signed in as Guangzhou's administrator.
// The policies published here are Guangzhou's and their texts hold none of the words the policy list's tests search
// (税, 融资), so that those tests, which read the province's and Foshan's lists, count the same at any moment.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Policy } from '@smec/schemas';
import type { SmecCenterWorkbench } from '../src/index.js';
import { LAZY_VIEW, part, parts, shadow } from './helpers.js';
import { apiSend, fill, viewReady, workbench, type CenterUser } from './center-workbench-helpers.js';

function query<T extends HTMLElement = HTMLElement>(el: Element, selector: string): T {
  const found = shadow(el).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

function type(el: Element, selector: string, value: string): void {
  fill(el, selector, value);
  query(el, selector).dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

async function policiesView(userId: CenterUser): Promise<SmecCenterWorkbench> {
  const el = await workbench(userId, { view: 'policies' });
  await viewReady(el, '#smec-policies-title');
  await waitUntil(() => parts(el, 'policy').length > 0, 'no policy listed', LAZY_VIEW);
  return el;
}

function cardOf(el: Element, title: string): HTMLElement | undefined {
  return parts(el, 'policy').find((card) => card.querySelector('h4')?.textContent === title);
}

/** A document number no earlier run used. */
function docNumber(): string {
  return `穗中小服〔2027〕${Date.now() % 1_000_000}号`;
}

function fillPolicy(el: Element, title: string, number: string): void {
  type(el, '#smec-df-title', title);
  type(el, '#smec-df-issuer', '广州市中小企业服务中心');
  type(el, '#smec-df-docNumber', number);
  type(el, '#smec-df-effectiveFrom', '2027-01-01');
  type(el, '#smec-df-summary', '明确服务券申领、使用和结算的办理流程。');
  type(el, '#smec-df-url', 'https://gz.example.gov.cn/policies/voucher-guide.html');
}

async function saved(el: Element): Promise<void> {
  await waitUntil(() => !part(el, 'policy-form'), 'not saved', LAZY_VIEW).catch(() => {
    throw new Error(`not saved: ${part(el, 'policy-form')?.textContent?.replace(/\s+/g, ' ')}`);
  });
}

describe('center workbench: policies', () => {
  it('lists the center’s policies with document number, issuer and status, axe clean', async () => {
    const el = await policiesView('usr-admin-440100');
    const first = parts(el, 'policy')[0]!;
    expect(first.querySelector('[part~="doc-number"]')!.textContent!.trim()).to.not.equal('');
    expect(first.querySelector('[part~="badge"]')!.textContent!.trim()).to.match(/有效|尚未生效|已失效/);
    expect(first.textContent).to.contain('发布于');
    expect(part(el, 'add-policy-button') !== null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows a viewer (只读) no write control', async () => {
    const el = await policiesView('usr-viewer-440500');
    for (const name of ['add-policy-button', 'edit-policy-button', 'withdraw-open-button'])
      expect(part(el, name) === null, name).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('publishes by keyboard; a document number the issuer has is refused next to its field, the form kept', async () => {
    const el = await policiesView('usr-admin-440100');
    part(el, 'add-policy-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).activeElement?.id === 'smec-df-title', 'the focus never reached the title');
    const title = `广州市服务券办理指引 ${Date.now() % 100000}`;
    await sendKeys({ type: title });
    part(el, 'save-policy-button')!.click();
    await waitUntil(() => shadow(el).activeElement === part(el, 'error-summary'), 'the summary never took the focus');
    expect(query(el, '#smec-df-issuer-error').textContent).to.contain('发文机关');
    expect(query(el, '#smec-df-url-error').textContent).to.contain('https://');
    expect(query<HTMLInputElement>(el, '#smec-df-title').value).to.equal(title);
    await expect(el).to.be.accessible();

    const number = docNumber();
    fillPolicy(el, title, number);
    part(el, 'save-policy-button')!.click();
    await saved(el);
    await waitUntil(() => cardOf(el, title), 'the policy is not listed');
    expect(cardOf(el, title)!.querySelector('[part~="doc-number"]')!.textContent!.trim()).to.equal(number);

    // The same issuer's number again: the 409 stands by the document number, what was typed stays.
    part(el, 'add-policy-button')!.click();
    await waitUntil(() => part(el, 'policy-form'));
    fillPolicy(el, `${title}（重复）`, number);
    part(el, 'save-policy-button')!.click();
    await waitUntil(
      () => shadow(el).querySelector('#smec-df-docNumber-error'),
      'no error by the document number',
      LAZY_VIEW,
    );
    expect(query(el, '#smec-df-docNumber-error').textContent).to.contain(number);
    expect(query<HTMLInputElement>(el, '#smec-df-title').value).to.equal(`${title}（重复）`);
    expect(query<HTMLInputElement>(el, '#smec-df-docNumber').value).to.equal(number);
    expect(query<HTMLTextAreaElement>(el, '#smec-df-summary').value).to.equal('明确服务券申领、使用和结算的办理流程。');
    await expect(el).to.be.accessible();
  });

  it('edits with If-Match: a change made meanwhile is a 412 offering the latest version; then withdraws it', async () => {
    const created = await apiSend<Policy>('POST', '/policies', 'usr-admin-440100', {
      title: `广州市服务机构星级评定办法 ${Date.now() % 100000}`,
      issuer: '广州市中小企业服务中心',
      docNumber: docNumber(),
      effectiveFrom: '2027-02-01',
      regionCode: '440100',
      summary: '规定服务机构星级评定的条件和程序。',
      url: 'https://gz.example.gov.cn/policies/stars.html',
    });
    const el = await policiesView('usr-admin-440100');
    await waitUntil(() => cardOf(el, created.title), 'the policy is not listed', LAZY_VIEW);
    cardOf(el, created.title)!.querySelector<HTMLButtonElement>('[part~="edit-policy-button"]')!.click();
    await waitUntil(() => part(el, 'policy-form'));
    // Someone else changes it meanwhile.
    await apiSend(
      'PATCH',
      `/policies/${created.id}`,
      'usr-admin-440100',
      { summary: '规定服务机构星级评定的条件、程序和复核。' },
      `${created.id}.r${created.revision}`,
    );
    const title = `${created.title}（修订）`;
    type(el, '#smec-df-title', title);
    part(el, 'save-policy-button')!.click();
    await waitUntil(() => part(el, 'reload-policy-button'), 'no 412 notice', LAZY_VIEW);
    expect(part(el, 'policy-form')!.textContent).to.contain('此政策已被他人修改');
    expect(query<HTMLInputElement>(el, '#smec-df-title').value).to.equal(title);
    await expect(el).to.be.accessible();
    part(el, 'reload-policy-button')!.click();
    await waitUntil(() => !part(el, 'reload-policy-button'), 'the latest version never came');
    part(el, 'save-policy-button')!.click();
    await saved(el);
    await waitUntil(() => cardOf(el, title), 'the edit is not listed', LAZY_VIEW);

    cardOf(el, title)!.querySelector<HTMLButtonElement>('[part~="withdraw-open-button"]')!.click();
    await waitUntil(() => shadow(el).activeElement?.id === 'smec-df-withdrawReason', 'the reason never took the focus');
    await sendKeys({ type: '已被新办法取代' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'confirm-withdraw-button'), 'no confirmation asked');
    await expect(el).to.be.accessible();
    part(el, 'confirm-withdraw-button')!.click();
    await waitUntil(() => !cardOf(el, title), 'the policy is still listed', LAZY_VIEW);
  });
});
