import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { isSmecRateLimitError, type SmecRateLimitError } from '@smec/sdk';
import { MESSAGES, messageText } from '@smec/schemas';
import { USCC_CASES } from '../../../test-support/uscc-cases.js';
import '../src/define/smec-demand-form.js';
import type { SmecDemandForm, SmecErrorEvent } from '../src/index.js';
import {
  control,
  fieldError,
  fill,
  gatedPostClient,
  leave,
  offlinePostClient,
  referenceLoaded,
  set,
  submit,
  summaryLinks,
  validDemand,
  lookupReady,
  errorWords,
} from './demand-helpers.js';
import { API, CLOSED_API, LIMITED_API, part, shadow } from './helpers.js';

let draftKeys = 0;
/** Each test keeps its draft under a key of its own, so tests never see each other's drafts. */
function draftKey(): string {
  draftKeys += 1;
  return `smec-test-draft-${Date.now()}-${draftKeys}`;
}

function form(key = draftKey()) {
  return fixture<SmecDemandForm>(html`<smec-demand-form api-base=${API} draft-key=${key}></smec-demand-form>`);
}

function activeId(el: Element): string | undefined {
  return shadow(el).activeElement?.id;
}

describe('smec-demand-form: fields and checks', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('smec-test-draft-')) localStorage.removeItem(key);
  });

  it('groups the fields in fieldsets with legends, real labels and autocomplete', async () => {
    const el = await form();
    await referenceLoaded(el);
    const legends = [...shadow(el).querySelectorAll('legend')].map((legend) => legend.textContent?.trim());
    expect(legends).to.deep.equal(['企业信息', '需求内容', '联系人']);
    for (const name of ['uscc', 'enterpriseName', 'categoryId', 'title', 'description', 'contactName', 'phone']) {
      const id = control(el, name).id;
      expect(shadow(el).querySelector(`label[for="${id}"]`), name).to.not.equal(null);
    }
    expect(control(el, 'enterpriseName').getAttribute('autocomplete')).to.equal('organization');
    expect(control(el, 'contactName').getAttribute('autocomplete')).to.equal('name');
    expect(control(el, 'phone').getAttribute('autocomplete')).to.equal('tel');
    expect(control(el, 'phone').getAttribute('inputmode')).to.equal('numeric');
    expect(control(el, 'expectedBy').getAttribute('min')).to.match(/^\d{4}-\d{2}-\d{2}$/);
    await expect(el).to.be.accessible();
  });

  it('judges every code of the USCC table as the schema does, when the field is left', async () => {
    const el = await form();
    for (const testCase of USCC_CASES) {
      await set(el, 'uscc', testCase.code);
      await leave(el, 'uscc');
      const shown = fieldError(el, 'uscc');
      if (testCase.valid) {
        expect(shown, `${testCase.code} (${testCase.why})`).to.equal('');
        expect(control(el, 'uscc').getAttribute('aria-invalid')).to.equal('false');
      } else {
        expect(shown, `${testCase.code} (${testCase.why})`).to.equal(messageText(testCase.message!, 'zh-CN'));
        expect(control(el, 'uscc').getAttribute('aria-invalid')).to.equal('true');
        expect(control(el, 'uscc').getAttribute('aria-describedby')).to.contain('smec-df-uscc-error');
      }
    }
  });

  it('clears a field’s error as soon as it is corrected', async () => {
    const el = await form();
    await set(el, 'phone', '1381234');
    await leave(el, 'phone');
    expect(fieldError(el, 'phone')).to.equal(MESSAGES['contact.phone']['zh-CN']);
    await set(el, 'phone', '13812341234');
    expect(fieldError(el, 'phone')).to.equal('');
  });

  it('counts the description’s characters as a person does', async () => {
    const el = await form();
    await set(el, 'description', '需求描述😀');
    expect(part(el, 'counter')?.textContent?.trim()).to.equal('已输入 5 / 1,000 字');
  });

  it('on submit shows the error summary, focuses it, and each link focuses its field', async () => {
    const el = await form();
    await referenceLoaded(el);
    submit(el);
    await el.updateComplete;
    await errorWords(el, 'title');
    const summary = part(el, 'error-summary')!;
    expect(summary).to.not.equal(null);
    expect(summary.querySelector('h2')?.textContent?.trim()).to.equal('提交前请修改以下问题');
    await waitUntil(() => shadow(el).activeElement === summary, 'the summary did not take the focus');
    const links = summaryLinks(el);
    expect(links.map((link) => link.textContent?.trim())).to.deep.equal([
      messageText('uscc.format'),
      messageText('enterprise.name'),
      messageText('category'),
      messageText('region'),
      messageText('title'),
      messageText('description'),
      messageText('money.required'),
      messageText('contact.name'),
      messageText('contact.phone'),
      messageText('consent'),
    ]);
    // The same words next to the field.
    expect(fieldError(el, 'title')).to.equal(messageText('title'));
    expect(control(el, 'title').getAttribute('aria-invalid')).to.equal('true');
    links[4]!.click();
    expect(activeId(el)).to.equal('smec-df-title');
    links[3]!.click();
    expect(activeId(el)).to.equal('smec-df-city');
    await expect(el).to.be.accessible();
  });

  it('refuses a budget that is not an amount, and takes 面议 instead of one', async () => {
    const el = await form();
    await set(el, 'budgetAmount', 'abc');
    await leave(el, 'budgetAmount');
    expect(fieldError(el, 'budgetAmount')).to.equal(messageText('money.format'));
    await set(el, 'budgetAmount', '0');
    await leave(el, 'budgetAmount');
    expect(fieldError(el, 'budgetAmount')).to.equal(messageText('budget'));
    await set(el, 'negotiable', true);
    expect(fieldError(el, 'budgetAmount')).to.equal('');
    expect((control(el, 'budgetAmount') as HTMLInputElement).disabled).to.equal(true);
  });

  it('takes a full-width budget, and refuses a bad one with the words the wallet shows for it', async () => {
    const el = await form();
    await set(el, 'budgetAmount', '１，２３４．５');
    await leave(el, 'budgetAmount');
    expect(fieldError(el, 'budgetAmount')).to.equal('');
    expect(control(el, 'budgetAmount').getAttribute('aria-invalid')).to.equal('false');
    // The wallet shows the same words for the same text (voucher-wallet.test.ts).
    await set(el, 'budgetAmount', '１．２３４');
    await leave(el, 'budgetAmount');
    expect(fieldError(el, 'budgetAmount')).to.equal(messageText('money.decimals'));
    await set(el, 'budgetAmount', '-1');
    await leave(el, 'budgetAmount');
    expect(fieldError(el, 'budgetAmount')).to.equal(messageText('money.negative'));
  });

  it('keeps a draft that survives a reload, without the consent tick', async () => {
    const key = draftKey();
    const first = await form(key);
    const values = validDemand('草稿测试需求标题');
    await fill(first, values);
    first.remove(); // leaving the page saves at once
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as { values: Record<string, unknown> };
    expect(stored.values['title']).to.equal('草稿测试需求标题');
    expect(stored.values).to.not.have.property('consent');

    const second = await form(key);
    await referenceLoaded(second);
    expect(control(second, 'uscc').value).to.equal(values.uscc);
    expect(control(second, 'title').value).to.equal(values.title);
    expect(control(second, 'description').value).to.equal(values.description);
    expect(control(second, 'city').value).to.equal('440600');
    expect(control(second, 'county').value).to.equal('440604');
    expect((control(second, 'consent') as HTMLInputElement).checked).to.equal(false);
    await expect(second).to.be.accessible();
  });

  it('writes the draft while the visitor types (debounced)', async () => {
    const key = draftKey();
    const el = await form(key);
    await set(el, 'enterpriseName', '广州某某有限公司');
    expect(localStorage.getItem(key)).to.equal(null);
    await waitUntil(() => localStorage.getItem(key)?.includes('广州某某有限公司'), 'no draft written', {
      timeout: 2000,
    });
  });

  it('keeps no draft with no-draft', async () => {
    const key = draftKey();
    const el = await fixture<SmecDemandForm>(
      html`<smec-demand-form api-base=${API} draft-key=${key} no-draft></smec-demand-form>`,
    );
    await set(el, 'title', '不保存草稿的需求');
    el.remove();
    expect(localStorage.getItem(key)).to.equal(null);
  });

  it('prefills category, region and product from attributes', async () => {
    const el = await fixture<SmecDemandForm>(
      html`<smec-demand-form api-base=${API} no-draft category="legal" region="440604"></smec-demand-form>`,
    );
    await referenceLoaded(el);
    expect(control(el, 'categoryId').value).to.equal('legal');
    expect(control(el, 'city').value).to.equal('440600');
    expect(control(el, 'county').value).to.equal('440604');
  });

  it('disables the submit button while sending', async () => {
    const { client, release } = gatedPostClient();
    const el = await fixture<SmecDemandForm>(
      html`<smec-demand-form .client=${client} draft-key=${draftKey()}></smec-demand-form>`,
    );
    await fill(el);
    submit(el);
    await el.updateComplete;
    expect(part(el, 'submit-button')?.getAttribute('aria-disabled')).to.equal('true');
    expect(part(el, 'submit-button')?.textContent?.trim()).to.equal('正在提交…');
    await expect(el).to.be.accessible();
    el.remove();
    release();
  });

  it('keeps everything after a network failure and offers 重试', async () => {
    const el = await fixture<SmecDemandForm>(
      html`<smec-demand-form .client=${offlinePostClient()} draft-key=${draftKey()}></smec-demand-form>`,
    );
    const values = validDemand();
    await fill(el, values);
    submit(el);
    await waitUntil(() => part(el, 'retry-button'), 'no retry button');
    expect(part(el, 'submit-error')?.textContent).to.contain('无法连接到服务平台');
    expect(control(el, 'title').value).to.equal(values.title);
    expect((control(el, 'consent') as HTMLInputElement).checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says when to try again after the real limiter refuses a second demand, keeping the data', async () => {
    // LIMITED_API's server takes one demand per address in 150 s: the first goes through, the second is refused by
    // the limiter itself, with its Retry-After.
    const first = await fixture<SmecDemandForm>(
      html`<smec-demand-form api-base=${LIMITED_API} draft-key=${draftKey()}></smec-demand-form>`,
    );
    await fill(first, validDemand());
    submit(first);
    await waitUntil(() => part(first, 'tracking-no'), 'the first demand did not go through', { timeout: 10000 });
    const el = await fixture<SmecDemandForm>(
      html`<smec-demand-form api-base=${LIMITED_API} draft-key=${draftKey()}></smec-demand-form>`,
    );
    const values = validDemand();
    await fill(el, values);
    const refused = new Promise<SmecErrorEvent>((resolve) =>
      el.addEventListener('smec-error', resolve, { once: true }),
    );
    submit(el);
    const { error } = await refused;
    expect(isSmecRateLimitError(error)).to.equal(true);
    expect((error as SmecRateLimitError).code).to.equal('rate_limited');
    // What is left of the window when the second one arrives: more than two minutes on any machine the tests run on.
    expect((error as SmecRateLimitError).retryAfter).to.be.within(121, 150);
    await waitUntil(() => part(el, 'submit-error'), 'no rate-limit message');
    expect(part(el, 'submit-error')?.textContent).to.contain('提交过于频繁，请在 3 分钟后重试');
    expect(control(el, 'description').value).to.equal(values.description);
    await expect(el).to.be.accessible();
  });

  it('says when categories and regions cannot be loaded, and retries', async () => {
    const el = await fixture<SmecDemandForm>(
      html`<smec-demand-form api-base=${CLOSED_API} no-draft></smec-demand-form>`,
    );
    await waitUntil(() => part(el, 'error'), 'no load error', { timeout: 15000 });
    expect(part(el, 'error')?.textContent).to.contain('服务类别和地区加载失败');
    await expect(el).to.be.accessible();
    el.apiBase = API;
    part(el, 'retry-button')!.click();
    await referenceLoaded(el);
    expect(part(el, 'error')).to.equal(null);
  });

  it('speaks English', async () => {
    const el = await fixture<SmecDemandForm>(
      html`<smec-demand-form api-base=${API} no-draft lang="en"></smec-demand-form>`,
    );
    await referenceLoaded(el);
    await waitUntil(() => part(el, 'heading')?.textContent?.trim() === 'Submit a service demand', 'not in English');
    await set(el, 'uscc', '91440604MA51K8QX3R');
    await leave(el, 'uscc');
    expect(fieldError(el, 'uscc')).to.equal(messageText('uscc.checksum', 'en'));
    submit(el);
    await el.updateComplete;
    expect(part(el, 'error-summary')?.querySelector('h2')?.textContent?.trim()).to.equal(
      'Fix the following before submitting',
    );
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'zh-CN');
  });

  it('checks the lookup fields the same way', async () => {
    const el = await fixture<SmecDemandForm>(html`<smec-demand-form api-base=${API} mode="lookup"></smec-demand-form>`);
    await lookupReady(el);
    await set(el, 'trackingNo', 'XQ123');
    await leave(el, 'trackingNo');
    expect(fieldError(el, 'trackingNo')).to.equal(messageText('trackingNo.format'));
    submit(el);
    await el.updateComplete;
    expect(summaryLinks(el).map((link) => link.textContent?.trim())).to.deep.equal([
      messageText('trackingNo.format'),
      messageText('contact.phone'),
    ]);
    await expect(el).to.be.accessible();
  });
});
