// The application to join in its three languages, in care mode, in a narrow column and while it loads.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/define/smec-provider-application.js';
import type { SmecProviderApplication } from '../src/index.js';
import { faintTexts, measuredCounts, overflowing, smallTargets, smallTexts } from './care-measure.js';
import { API, LAZY_VIEW, part, parts, shadow } from './helpers.js';
import {
  choose,
  control,
  fieldError,
  fillToFiles,
  next,
  pngFile,
  referenceLoaded,
  stepShown,
  uploaded,
} from './provider-application-helpers.js';

async function inColumn(width: number, content: TemplateResult): Promise<SmecProviderApplication> {
  const column = await fixture(html`<div style=${`width: ${width}px`}>${content}</div>`);
  return column.querySelector<SmecProviderApplication>('smec-provider-application')!;
}

function stepNames(el: Element): string[] {
  return parts(el, 'step').map((step) => step.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

function expectCare(el: Element): void {
  expect(el.hasAttribute('care')).to.equal(true);
  const measured = measuredCounts(el);
  expect(measured.texts, 'texts measured').to.be.greaterThan(0);
  expect(measured.targets, 'targets measured').to.be.greaterThan(0);
  expect(smallTexts(el), 'texts under 18 px').to.deep.equal([]);
  expect(faintTexts(el), 'texts under 7:1').to.deep.equal([]);
  expect(smallTargets(el), 'targets under 44 × 44 px').to.deep.equal([]);
  expect(overflowing(el), 'wider than 320 px').to.deep.equal([]);
}

describe('<smec-provider-application> languages and display', () => {
  it('speaks English: the steps, the labels and the rules’ words', async () => {
    const el = await inColumn(
      800,
      html`<smec-provider-application api-base=${API} lang="en" no-draft></smec-provider-application>`,
    );
    await waitUntil(() => stepNames(el)[0] === '1 Organisation', `steps: ${stepNames(el).join(', ')}`, LAZY_VIEW);
    expect(stepNames(el)).to.deep.equal([
      '1 Organisation',
      '2 Services',
      '3 Contact',
      '4 Documents',
      '5 Check and submit',
    ]);
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('Apply to join as a service provider');
    await referenceLoaded(el);
    await next(el);
    await waitUntil(() => fieldError(el, 'name') !== '' && fieldError(el, 'name') !== ' ', 'no error', LAZY_VIEW);
    expect(fieldError(el, 'name')).to.equal('The name must be 2 to 100 characters, as on the business licence');
    expect(fieldError(el, 'uscc')).to.match(/^[\x20-\x7e’]+$/);
    await expect(el).to.be.accessible();
  });

  it('speaks zh-HK', async () => {
    const el = await inColumn(
      800,
      html`<smec-provider-application api-base=${API} lang="zh-HK" no-draft></smec-provider-application>`,
    );
    await waitUntil(() => stepNames(el)[0] === '1 機構資料', `steps: ${stepNames(el).join(', ')}`, LAZY_VIEW);
    expect(part(el, 'save-button')!.textContent!.trim()).to.equal('儲存，稍後繼續');
    await referenceLoaded(el);
    await next(el);
    await waitUntil(() => fieldError(el, 'name').startsWith('機構名稱'), 'no error', LAZY_VIEW);
    await expect(el).to.be.accessible();
  });

  it('in care mode: large text and targets, 7:1, within 320 px, on the first and the files step', async () => {
    const el = await inColumn(
      320,
      html`<smec-provider-application api-base=${API} care no-draft></smec-provider-application>`,
    );
    await referenceLoaded(el);
    expectCare(el);
    await fillToFiles(el);
    choose(control(el, 'licence') as HTMLInputElement, [
      pngFile('a-rather-long-file-name-of-the-business-licence.png'),
    ]);
    await uploaded(el);
    expectCare(el);
  });

  it('stays within the column at 320 and 1280 px in every step', async () => {
    for (const width of [320, 1280]) {
      const el = await inColumn(
        width,
        html`<smec-provider-application api-base=${API} no-draft></smec-provider-application>`,
      );
      await referenceLoaded(el);
      expect(overflowing(el), `${width} px, first step`).to.deep.equal([]);
      await fillToFiles(el);
      choose(control(el, 'licence') as HTMLInputElement, [pngFile()]);
      await uploaded(el);
      expect(overflowing(el), `${width} px, files`).to.deep.equal([]);
      await next(el);
      await stepShown(el, '确认提交');
      expect(overflowing(el), `${width} px, review`).to.deep.equal([]);
    }
  });

  it('reserves the size of the form while a saved application loads', async () => {
    history.replaceState(null, '', '#smec-resume=RZ20261101APPLY2.demo-draft-resume-key-shown-in-the-README00');
    try {
      const el = await inColumn(
        800,
        html`<smec-provider-application api-base=${API} no-draft></smec-provider-application>`,
      );
      const skeleton = shadow(el).querySelector('.skeleton-block');
      expect(skeleton, 'a skeleton while the draft loads').to.not.equal(null);
      expect(el.getBoundingClientRect().height).to.be.greaterThan(400);
      await waitUntil(() => shadow(el).querySelector('[name="name"]'), 'the draft did not open', LAZY_VIEW);
      expect(control(el, 'name').value).to.equal('佛山市顺德区明达律师事务所');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });
});
