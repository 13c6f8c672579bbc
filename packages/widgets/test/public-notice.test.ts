// The public notice against the real platform: the seeded applicants under notice, paging, an objection filed with
// the keyboard alone, the error summary, the platform's 409 once a notice has ended and its 429, the Idempotency-Key
// kept across a retry, the loading, empty and error states, the languages, care mode and a 320 px column.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ObjectionInput, PublicNotice, PublicNoticePage } from '@smec/schemas';
import { OBJECTION_MESSAGES } from '@smec/schemas/rules';
import { createClient, SmecNetworkError, type ObjectOptions } from '@smec/sdk';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../src/define/smec-public-notice.js';
import { validationMessage } from '../src/i18n/validation-messages.js';
import type { SmecClient, SmecObjectionSubmitEvent, SmecPublicNotice } from '../src/index.js';
import { faintTexts, overflowing, smallTargets, smallTexts } from './care-measure.js';
import { API, CLOSED_API, LAZY_VIEW, LIMITED_API, part, parts, shadow, statusText } from './helpers.js';

const REASON = '该机构在申请材料中填报的专业人员人数与实际不符，其办公地址长期无人办公。';

async function inColumn(width: number, content: TemplateResult): Promise<SmecPublicNotice> {
  const column = await fixture(html`<div style=${`width: ${width}px`}>${content}</div>`);
  return column.querySelector<SmecPublicNotice>('smec-public-notice')!;
}

async function notices(el: SmecPublicNotice): Promise<void> {
  await waitUntil(() => parts(el, 'item').length > 0, `no notices (status: "${statusText(el)}")`, LAZY_VIEW);
}

async function seeded(): Promise<PublicNotice[]> {
  const response = await fetch(`${API}/public-notices?limit=100`);
  return ((await response.json()) as PublicNoticePage).items;
}

function names(el: Element): string[] {
  return parts(el, 'item-title').map((title) => title.textContent?.trim() ?? '');
}

function control(el: Element, name: string): HTMLInputElement | HTMLTextAreaElement {
  const found = shadow(el).querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
  if (!found) throw new Error(`no control named ${name}`);
  return found;
}

function fieldError(el: Element, name: string): string {
  const error = shadow(el).querySelector(`#smec-df-${name}-error`);
  return (
    error?.textContent
      ?.trim()
      .replace(/^(错误|錯誤)：|^Error: /, '')
      .trim() ?? ''
  );
}

async function set(el: SmecPublicNotice, name: string, value: string): Promise<void> {
  const target = control(el, name);
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function openForm(el: SmecPublicNotice, index = 0): Promise<void> {
  parts(el, 'object-button')[index]!.click();
  await waitUntil(() => part(el, 'form-heading'), 'the form did not open');
  await waitUntil(() => shadow(el).activeElement === part(el, 'form-heading'), 'the form heading has no focus');
}

async function fillValid(el: SmecPublicNotice): Promise<void> {
  await set(el, 'name', '陈先生');
  await set(el, 'mobile', '13900139001');
  await set(el, 'reason', REASON);
}

function submit(el: Element): void {
  part(el, 'submit-button')!.click();
}

async function confirmed(el: SmecPublicNotice): Promise<void> {
  await waitUntil(
    () => part(el, 'confirmation'),
    `no confirmation: "${shadow(el).textContent?.slice(0, 300)}"`,
    LAZY_VIEW,
  );
}

/** A real client whose list is `list`'s answer (an ended notice, an empty page, one that never arrives). */
function clientListing(list: (real: SmecClient) => Promise<PublicNoticePage>, base = API): SmecClient {
  const real = createClient({ baseUrl: base }) as unknown as SmecClient;
  const publicNotices = {
    list: () => list(real),
    object: (...args: Parameters<SmecClient['publicNotices']['object']>) => real.publicNotices.object(...args),
  };
  return new Proxy(real, {
    get: (target, key) => (key === 'publicNotices' ? publicNotices : Reflect.get(target, key)),
  });
}

describe('<smec-public-notice>', () => {
  it('lists the seeded applicants under notice, soonest end first, with their facts', async () => {
    const el = await inColumn(900, html`<smec-public-notice api-base=${API}></smec-public-notice>`);
    await notices(el);
    const expected = await seeded();
    expect(expected.length).to.be.greaterThan(1);
    expect(names(el)).to.deep.equal(expected.map((notice) => notice.name));
    expect(statusText(el)).to.equal(`共 ${expected.length} 家机构正在公示`);
    const first = parts(el, 'item')[0]!;
    expect(first.querySelector('[part~="uscc"]')?.textContent?.trim()).to.equal(expected[0]!.uscc);
    expect(first.querySelector('time')?.getAttribute('datetime')).to.equal(expected[0]!.endsOn);
    expect(first.textContent).to.contain(expected[0]!.region.name);
    expect(first.textContent).to.contain(expected[0]!.categories[0]!.name);
    expect(parts(el, 'objection-count').map((count) => count.textContent?.trim())).to.deep.equal(
      expected.map((notice) => `${notice.objectionCount} 件`),
    );
    expect(parts(el, 'object-button').map((button) => button.textContent?.trim())).to.deep.equal(
      expected.map(() => '提出异议'),
    );
    await expect(el).to.be.accessible();
  });

  it('pages with 加载更多, the first new applicant taking the focus', async () => {
    const expected = await seeded();
    const el = await inColumn(900, html`<smec-public-notice api-base=${API} page-size="2"></smec-public-notice>`);
    await notices(el);
    expect(names(el)).to.deep.equal(expected.slice(0, 2).map((notice) => notice.name));
    part(el, 'more-button')!.click();
    await waitUntil(() => parts(el, 'item').length === Math.min(4, expected.length), 'no second page', LAZY_VIEW);
    expect(names(el).slice(0, 3)).to.deep.equal(expected.slice(0, 3).map((notice) => notice.name));
    await waitUntil(
      () => shadow(el).activeElement?.id === `smec-pn-object-${expected[2]!.id}`,
      'the new applicant did not take the focus',
    );
  });

  it('files an objection with the keyboard alone and confirms it with its number', async () => {
    const el = await inColumn(900, html`<smec-public-notice api-base=${API}></smec-public-notice>`);
    await notices(el);
    const notice = (await seeded())[0]!;
    const focused = () => shadow(el).activeElement?.id ?? '';
    const tabTo = async (id: string) => {
      for (let presses = 0; presses < 20 && focused() !== id; presses++) await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(id);
    };
    parts(el, 'object-button')[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === 'smec-pn-form-title', 'the form heading did not take the focus');
    expect(part(el, 'form-heading')!.textContent).to.contain(notice.name);
    await tabTo('smec-df-name');
    await sendKeys({ type: '陈先生' });
    await tabTo('smec-df-mobile');
    await sendKeys({ type: '13900139002' });
    await tabTo('smec-df-reason');
    await sendKeys({ type: REASON });
    expect(part(el, 'counter')!.textContent?.trim()).to.equal(`已输入 ${REASON.length} / 500 字`);
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(part(el, 'submit-button'));
    const submitted = oneEvent(el, 'smec-objection-submit') as Promise<SmecObjectionSubmitEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await submitted;
    await confirmed(el);
    expect(event.detail.noticeId).to.equal(notice.id);
    expect(part(el, 'objection-no')!.textContent?.trim()).to.equal(event.detail.objectionId);
    expect(event.detail.objectionId).to.match(/^obj-/);
    await waitUntil(() => focused() === 'smec-pn-done-title', 'the confirmation did not take the focus');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(part(el, 'back-button'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === `smec-pn-object-${notice.id}`, 'the focus did not return to the applicant');
    await waitUntil(
      () => parts(el, 'objection-count')[0]?.textContent?.trim() === `${notice.objectionCount + 1} 件`,
      'the count did not follow',
      LAZY_VIEW,
    );
  });

  it('checks as the visitor goes, and lists the problems in an error summary that takes the focus', async () => {
    const el = await inColumn(900, html`<smec-public-notice api-base=${API}></smec-public-notice>`);
    await notices(el);
    await openForm(el);
    submit(el);
    await waitUntil(() => part(el, 'error-summary'), 'no error summary', LAZY_VIEW);
    const summary = part(el, 'error-summary')!;
    await waitUntil(() => shadow(el).activeElement === summary, 'the summary did not take the focus');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([
      '#smec-df-name',
      '#smec-df-mobile',
      '#smec-df-reason',
    ]);
    expect(fieldError(el, 'name')).to.equal(OBJECTION_MESSAGES['objection.name']['zh-CN']);
    expect(fieldError(el, 'reason')).to.equal(OBJECTION_MESSAGES['objection.reason']['zh-CN']);
    expect(fieldError(el, 'mobile')).to.not.equal('');
    expect(links[2]!.textContent?.trim()).to.equal(fieldError(el, 'reason'));
    await expect(el).to.be.accessible();
    links[2]!.click();
    expect(shadow(el).activeElement).to.equal(control(el, 'reason'));

    // A field in error is checked again as it is corrected; a short reason is wrong as soon as it is left.
    await set(el, 'name', '陈先生');
    expect(fieldError(el, 'name')).to.equal('');
    await set(el, 'reason', '太短了');
    expect(fieldError(el, 'reason')).to.equal(OBJECTION_MESSAGES['objection.reason']['zh-CN']);
    await set(el, 'reason', REASON);
    expect(fieldError(el, 'reason')).to.equal('');
    expect(control(el, 'reason').getAttribute('aria-invalid')).to.equal('false');
  });

  it('shows the platform’s refusals next to their fields, keeping what was typed', async () => {
    // A client that sends a mobile the platform refuses: its 400 names the field, in the platform's words.
    const real = createClient({ baseUrl: API }) as unknown as SmecClient;
    const publicNotices = {
      list: (...args: Parameters<SmecClient['publicNotices']['list']>) => real.publicNotices.list(...args),
      object: (id: string, input: ObjectionInput, options?: ObjectOptions) =>
        real.publicNotices.object(id, { ...input, mobile: '1234' }, options),
    };
    const client = new Proxy(real, {
      get: (target, key) => (key === 'publicNotices' ? publicNotices : Reflect.get(target, key)),
    });
    const el = await inColumn(900, html`<smec-public-notice .client=${client}></smec-public-notice>`);
    await notices(el);
    await openForm(el);
    await expect(el).to.be.accessible();
    await fillValid(el);
    submit(el);
    await waitUntil(() => fieldError(el, 'mobile') !== '', 'no refusal next to the mobile', LAZY_VIEW);
    expect(fieldError(el, 'mobile')).to.equal(validationMessage('contact.phone'));
    expect(fieldError(el, 'name')).to.equal('');
    await waitUntil(() => shadow(el).activeElement === part(el, 'error-summary'), 'the summary has no focus');
    expect(control(el, 'mobile').value).to.equal('13900139001');
    expect(control(el, 'reason').value).to.equal(REASON);
    await expect(el).to.be.accessible();
  });

  it('keeps one Idempotency-Key across the retries of one objection', async () => {
    const real = createClient({ baseUrl: API }) as unknown as SmecClient;
    const keys: string[] = [];
    let failNext = true;
    const publicNotices = {
      list: (...args: Parameters<SmecClient['publicNotices']['list']>) => real.publicNotices.list(...args),
      object: (...args: Parameters<SmecClient['publicNotices']['object']>) => {
        keys.push(args[2]?.idempotencyKey ?? '');
        if (failNext) {
          failNext = false;
          return Promise.reject(
            new SmecNetworkError('offline', undefined, { cause: new TypeError('Failed to fetch') }),
          );
        }
        return real.publicNotices.object(...args);
      },
    };
    const client = new Proxy(real, {
      get: (target, key) => (key === 'publicNotices' ? publicNotices : Reflect.get(target, key)),
    });
    const el = await inColumn(900, html`<smec-public-notice .client=${client}></smec-public-notice>`);
    await notices(el);
    await openForm(el, 1);
    await fillValid(el);
    submit(el);
    await waitUntil(() => part(el, 'retry-button'), 'no retry after the network failure', LAZY_VIEW);
    expect(control(el, 'reason').value).to.equal(REASON);
    await expect(el).to.be.accessible();
    part(el, 'retry-button')!.click();
    await confirmed(el);
    expect(keys.length).to.equal(2);
    expect(keys[0]).to.not.equal('');
    expect(keys[1]).to.equal(keys[0]);
  });

  it('explains a 409 when the notice has ended, and goes back to the list', async () => {
    // The admitted applicant's notice ended days ago: the platform refuses an objection to it with a 409.
    const client = clientListing(async (real) => {
      const page = await real.publicNotices.list({ limit: 10 });
      return { ...page, items: page.items.map((n, i) => (i === 0 ? { ...n, id: 'pap-demo-admit1' } : n)) };
    });
    const el = await inColumn(900, html`<smec-public-notice .client=${client}></smec-public-notice>`);
    await notices(el);
    await openForm(el);
    await fillValid(el);
    submit(el);
    await waitUntil(() => part(el, 'submit-error'), 'no explanation of the 409', LAZY_VIEW);
    expect(part(el, 'submit-error')!.textContent).to.contain('该机构的公示已结束，不能再提出异议');
    await waitUntil(() => shadow(el).activeElement?.id === 'smec-pn-ended-title', 'the explanation has no focus');
    expect(part(el, 'submit-button')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    part(el, 'submit-error')!.querySelector<HTMLElement>('[part~="back-button"]')!.click();
    await notices(el);
    await waitUntil(() => shadow(el).activeElement?.id === 'smec-pn-object-pap-demo-admit1', 'no focus back');
  });

  it('says when to try again on a 429, keeping what was typed', async () => {
    // That server takes one submission per address in 150 s: the second objection is refused by its real limiter.
    const el = await inColumn(900, html`<smec-public-notice api-base=${LIMITED_API}></smec-public-notice>`);
    await notices(el);
    await openForm(el);
    await fillValid(el);
    submit(el);
    await confirmed(el);
    part(el, 'back-button')!.click();
    await notices(el);
    await openForm(el, 1);
    await fillValid(el);
    submit(el);
    await waitUntil(() => part(el, 'submit-error'), 'no rate-limit message', LAZY_VIEW);
    expect(part(el, 'submit-error')!.textContent).to.match(/提交过于频繁，请在 \d+ 分钟后重试/);
    expect(control(el, 'name').value).to.equal('陈先生');
    expect(control(el, 'reason').value).to.equal(REASON);
    await expect(el).to.be.accessible();
  });

  it('reserves its room while it loads and says when loading is slow', async () => {
    const el = await inColumn(
      900,
      html`<smec-public-notice
        .client=${clientListing(() => new Promise(() => undefined))}
        stalled-after="50"
      ></smec-public-notice>`,
    );
    await el.updateComplete;
    const skeleton = shadow(el).querySelector('.skeleton');
    expect(skeleton).to.not.equal(null);
    expect(skeleton!.getBoundingClientRect().height).to.be.greaterThan(300);
    await waitUntil(() => statusText(el) === '加载较慢，请稍候…', `status: ${statusText(el)}`);
    await expect(el).to.be.accessible();
  });

  it('says when nobody is under notice', async () => {
    const el = await inColumn(
      900,
      html`<smec-public-notice
        .client=${clientListing(async () => ({ items: [], nextCursor: null, total: 0 }))}
      ></smec-public-notice>`,
    );
    await waitUntil(() => part(el, 'empty'), 'no empty state');
    expect(statusText(el)).to.equal('目前没有公示中的机构');
    await expect(el).to.be.accessible();
  });

  it('shows a failure with a retry', async () => {
    const el = await inColumn(900, html`<smec-public-notice api-base=${CLOSED_API}></smec-public-notice>`);
    await waitUntil(() => part(el, 'error'), 'no error', LAZY_VIEW);
    expect(part(el, 'error')!.textContent).to.contain('无法连接到服务平台');
    expect(part(el, 'retry-button')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks English and Traditional Chinese', async () => {
    const en = await inColumn(900, html`<smec-public-notice api-base=${API} lang="en"></smec-public-notice>`);
    await notices(en);
    await waitUntil(() => part(en, 'object-button')?.textContent?.trim() === 'Object', 'no English', LAZY_VIEW);
    expect(part(en, 'heading')!.textContent?.trim()).to.equal('Public notice of service providers joining the network');
    expect(statusText(en)).to.match(/^\d+ organisations under public notice$/);
    await openForm(en);
    submit(en);
    await waitUntil(() => fieldError(en, 'reason') !== '', 'no English error', LAZY_VIEW);
    expect(fieldError(en, 'reason')).to.equal(OBJECTION_MESSAGES['objection.reason'].en);
    await expect(en).to.be.accessible();

    const hk = await inColumn(900, html`<smec-public-notice api-base=${API} lang="zh-HK"></smec-public-notice>`);
    await notices(hk);
    await waitUntil(() => part(hk, 'heading')?.textContent?.trim() === '服務機構入駐公示', 'no zh-HK', LAZY_VIEW);
    expect(part(hk, 'object-button')!.textContent?.trim()).to.equal('提出異議');
    await openForm(hk);
    submit(hk);
    await waitUntil(() => fieldError(hk, 'name') !== '', 'no zh-HK error', LAZY_VIEW);
    expect(fieldError(hk, 'name')).to.equal(OBJECTION_MESSAGES['objection.name']['zh-HK']);
  });

  it('fits every width from 320 to 1280 px, the list and the form with its errors', async () => {
    for (const width of [320, 390, 768, 1280]) {
      const el = await inColumn(width, html`<smec-public-notice api-base=${API}></smec-public-notice>`);
      await notices(el);
      expect(overflowing(el), `the list at ${width} px`).to.deep.equal([]);
      await openForm(el);
      submit(el);
      await waitUntil(() => part(el, 'error-summary'), 'no error summary', LAZY_VIEW);
      expect(overflowing(el), `the form at ${width} px`).to.deep.equal([]);
    }
  });

  it('fits a 320 px column in care mode: the list, the form with errors and the confirmation', async () => {
    const el = await inColumn(320, html`<smec-public-notice api-base=${API} care></smec-public-notice>`);
    await notices(el);
    const expectCare = () => {
      expect(overflowing(el), 'wider than 320 px').to.deep.equal([]);
      expect(smallTexts(el), 'texts under 18 px').to.deep.equal([]);
      expect(faintTexts(el), 'texts under 7:1').to.deep.equal([]);
      expect(smallTargets(el), 'targets under 44 × 44 px').to.deep.equal([]);
    };
    expectCare();
    await openForm(el, 2);
    submit(el);
    await waitUntil(() => part(el, 'error-summary'), 'no error summary', LAZY_VIEW);
    expectCare();
    await fillValid(el);
    await set(el, 'mobile', '13900139003');
    submit(el);
    await confirmed(el);
    expectCare();
    await expect(el).to.be.accessible();
  });
});
