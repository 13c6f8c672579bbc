// The demand form against the real platform: submissions, idempotent retries, server errors and the lookup.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { messageText } from '@smec/schemas';
import { createClient } from '@smec/sdk';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/smec-demand-form.js';
import type { SmecDemandForm, SmecDemandSubmitEvent } from '../src/index.js';
import {
  droppingClient,
  fieldError,
  fill,
  referenceLoaded,
  set,
  submit,
  validDemand,
  lookupReady,
} from './demand-helpers.js';
import { API, part, shadow } from './helpers.js';

let keys = 0;
function draftKey(): string {
  keys += 1;
  return `smec-test-server-draft-${Date.now()}-${keys}`;
}

async function success(el: SmecDemandForm): Promise<string> {
  await waitUntil(() => part(el, 'tracking-no'), 'no success view', { timeout: 10000 });
  return part(el, 'tracking-no')!.textContent!.trim();
}

/** Counts the POSTs a client sends to the platform. */
function countingClient() {
  let posts = 0;
  const client = createClient({
    baseUrl: API,
    fetch: (input, init) => {
      if ((init?.method ?? 'GET').toUpperCase() === 'POST') posts += 1;
      return fetch(input, init);
    },
  });
  return { client, posts: () => posts };
}

async function lookupForm(trackingNo: string, phone: string): Promise<SmecDemandForm> {
  const el = await fixture<SmecDemandForm>(html`<smec-demand-form api-base=${API} mode="lookup"></smec-demand-form>`);
  await lookupReady(el);
  await set(el, 'trackingNo', trackingNo);
  await set(el, 'phone', phone);
  submit(el);
  return el;
}

describe('smec-demand-form against the platform', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage))
      if (key.startsWith('smec-test-server-draft-')) localStorage.removeItem(key);
  });

  it('submits, shows the tracking number with what happens next, focuses the heading, and deletes the draft', async () => {
    const key = draftKey();
    const el = await fixture<SmecDemandForm>(
      html`<smec-demand-form api-base=${API} draft-key=${key}></smec-demand-form>`,
    );
    await fill(el);
    await waitUntil(() => localStorage.getItem(key), 'no draft');
    const submitted = oneEvent(el, 'smec-demand-submit') as Promise<SmecDemandSubmitEvent>;
    submit(el);
    const event = await submitted;
    const trackingNo = await success(el);
    expect(event.detail.trackingNo).to.equal(trackingNo);
    expect(event.detail.demandId).to.be.a('string').and.not.equal('');
    expect(trackingNo).to.match(/^XQ\d{8}[0-9A-Z]{6}$/);
    expect(shadow(el).activeElement?.id).to.equal('smec-df-success-title');
    expect(part(el, 'success')?.textContent).to.contain('3 个工作日内受理');
    expect(localStorage.getItem(key)).to.equal(null);
    await expect(el).to.be.accessible();

    // The copy button: the clipboard when allowed, else the number is selected for Ctrl+C.
    part(el, 'copy-button')!.click();
    await waitUntil(
      () => shadow(el).querySelector('.success [role="status"]')?.textContent?.trim(),
      'no copy feedback',
    );
    const feedback = shadow(el).querySelector('.success [role="status"]')!.textContent!.trim();
    expect(['已复制查询编号', '已选中查询编号，请按 Ctrl+C 复制']).to.include(feedback);
  });

  it('sends a budget in yuan as fen: 「1,500.5」 is 150050', async () => {
    const bodies: unknown[] = [];
    const client = createClient({
      baseUrl: API,
      fetch: (input, init) => {
        if ((init?.method ?? 'GET').toUpperCase() === 'POST') bodies.push(JSON.parse(String(init?.body)));
        return fetch(input, init);
      },
    });
    const el = await fixture<SmecDemandForm>(
      html`<smec-demand-form .client=${client} draft-key=${draftKey()}></smec-demand-form>`,
    );
    await fill(el, { ...validDemand(), budgetAmount: '1,500.5' });
    submit(el);
    await success(el);
    expect(bodies).to.have.length(1);
    expect((bodies[0] as { budget: unknown }).budget).to.equal(150050);
  });

  it('sends a full-width budget as fen: 「￥１２，３４５．６ 元」 is 1234560', async () => {
    const bodies: unknown[] = [];
    const client = createClient({
      baseUrl: API,
      fetch: (input, init) => {
        if ((init?.method ?? 'GET').toUpperCase() === 'POST') bodies.push(JSON.parse(String(init?.body)));
        return fetch(input, init);
      },
    });
    const el = await fixture<SmecDemandForm>(
      html`<smec-demand-form .client=${client} draft-key=${draftKey()}></smec-demand-form>`,
    );
    await fill(el, { ...validDemand(), budgetAmount: '￥１２，３４５．６ 元' });
    submit(el);
    await success(el);
    expect(bodies).to.have.length(1);
    expect((bodies[0] as { budget: unknown }).budget).to.equal(1234560);
  });

  it('makes one demand from two quick clicks', async () => {
    const { client, posts } = countingClient();
    const el = await fixture<SmecDemandForm>(
      html`<smec-demand-form .client=${client} draft-key=${draftKey()}></smec-demand-form>`,
    );
    await fill(el);
    let events = 0;
    el.addEventListener('smec-demand-submit', () => (events += 1));
    submit(el);
    submit(el);
    await success(el);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posts()).to.equal(1);
    expect(events).to.equal(1);
  });

  it('makes one demand when 重试 follows a dropped answer: the same key, the same tracking number', async () => {
    const { client, posts, lostTrackingNo } = droppingClient();
    const values = validDemand();
    const el = await fixture<SmecDemandForm>(
      html`<smec-demand-form .client=${client} draft-key=${draftKey()}></smec-demand-form>`,
    );
    await fill(el, values);
    submit(el);
    await waitUntil(() => part(el, 'retry-button'), 'no retry after the dropped answer', { timeout: 10000 });
    await expect(el).to.be.accessible();
    part(el, 'retry-button')!.click();
    const trackingNo = await success(el);
    // The answer the visitor never saw named the same demand: the retry carried the first attempt's key.
    expect(posts()).to.equal(2);
    expect(lostTrackingNo()).to.equal(trackingNo);

    // The platform stored that very demand, once: its lookup shows this title and one submission step.
    const lookup = await lookupForm(trackingNo, values.phone);
    await waitUntil(() => part(lookup, 'timeline'), 'lookup found nothing', { timeout: 10000 });
    expect(shadow(lookup).querySelector('#smec-df-status-title')?.textContent?.trim()).to.equal(values.title);
    expect(part(lookup, 'timeline')!.querySelectorAll('li').length).to.equal(1);
  });

  it('puts the platform’s 400 errors on the fields they name, with the same words', async () => {
    // A fault injector: the body leaves the browser with a code whose check character is wrong.
    const client = createClient({
      baseUrl: API,
      retry: 0,
      fetch: (input, init) => {
        if ((init?.method ?? 'GET').toUpperCase() !== 'POST') return fetch(input, init);
        const body = JSON.parse(String(init?.body)) as { enterprise: { uscc: string } };
        body.enterprise.uscc = '91440604MA51K8QX3R';
        return fetch(input, { ...init, body: JSON.stringify(body) });
      },
    });
    const el = await fixture<SmecDemandForm>(
      html`<smec-demand-form .client=${client} draft-key=${draftKey()}></smec-demand-form>`,
    );
    await fill(el);
    submit(el);
    await waitUntil(() => part(el, 'error-summary'), 'no error summary', { timeout: 10000 });
    // The form's own words for a rule it knows (its texts follow the mark by a moment on an untouched form).
    await waitUntil(() => fieldError(el, 'uscc') === messageText('uscc.checksum'), fieldError(el, 'uscc'));
    expect(part(el, 'error-summary')?.textContent).to.contain(messageText('uscc.checksum'));
    await waitUntil(() => shadow(el).activeElement === part(el, 'error-summary'), 'the summary did not take the focus');
  });

  it('looks a demand up and shows its status and timeline; a wrong phone finds nothing', async () => {
    const values = validDemand();
    const el = await fixture<SmecDemandForm>(html`<smec-demand-form api-base=${API} no-draft></smec-demand-form>`);
    await fill(el, values);
    submit(el);
    const trackingNo = await success(el);

    const found = await lookupForm(trackingNo, values.phone);
    await waitUntil(() => part(found, 'timeline'), 'lookup found nothing', { timeout: 10000 });
    expect(part(found, 'current-status')?.textContent?.trim()).to.equal('已提交，待受理');
    expect(part(found, 'status-view')?.textContent).to.contain('138****1234');
    expect(part(found, 'status-view')?.textContent).to.not.contain(values.phone);
    await waitUntil(() => shadow(found).activeElement?.id === 'smec-df-status-title', 'status heading not focused');
    await expect(found).to.be.accessible();

    const wrongPhone = await lookupForm(trackingNo, '13900000000');
    await waitUntil(() => part(wrongPhone, 'submit-error'), 'no not-found message', { timeout: 10000 });
    const text = part(wrongPhone, 'submit-error')!.textContent!.trim();
    expect(text).to.equal('未找到该需求，请核对查询编号和手机号码');
    await expect(wrongPhone).to.be.accessible();

    const wrongNumber = await lookupForm('XQ20000101AAAAAA', values.phone);
    await waitUntil(() => part(wrongNumber, 'submit-error'), 'no not-found message', { timeout: 10000 });
    expect(part(wrongNumber, 'submit-error')!.textContent!.trim()).to.equal(text);
  });

  it('can be filled and submitted with the keyboard alone', async () => {
    const el = await fixture<SmecDemandForm>(html`<smec-demand-form api-base=${API} no-draft></smec-demand-form>`);
    await referenceLoaded(el);
    const focused = () => shadow(el).activeElement?.id ?? '';
    /** Tab until `id` has the focus (a date input has a stop per part, so the count is not fixed). */
    const tabTo = async (id: string) => {
      for (let presses = 0; presses < 8 && focused() !== `smec-df-${id}`; presses++) await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(`smec-df-${id}`);
    };
    const values = validDemand();
    await tabTo('uscc');
    await sendKeys({ type: values.uscc });
    await tabTo('enterpriseName');
    await sendKeys({ type: values.enterpriseName });
    await tabTo('categoryId');
    await sendKeys({ press: 'ArrowDown' });
    await tabTo('city');
    await sendKeys({ press: 'ArrowDown' });
    await tabTo('county');
    await tabTo('title');
    await sendKeys({ type: values.title });
    await tabTo('description');
    await sendKeys({ type: values.description });
    await tabTo('budgetAmount');
    await tabTo('negotiable');
    await sendKeys({ press: 'Space' });
    await tabTo('contactName');
    await sendKeys({ type: values.contactName });
    await tabTo('phone');
    await sendKeys({ type: values.phone });
    await tabTo('consent');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(part(el, 'submit-button'));
    await sendKeys({ press: 'Enter' });
    await success(el);
  });
});
