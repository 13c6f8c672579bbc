// The application to join against the real platform: the steps, the error summary, the rules of the application,
// the uploads, and a whole application made with the keyboard alone.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createClient } from '@smec/sdk';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/smec-provider-application.js';
import type { SmecApplicationSubmitEvent, SmecProviderApplication } from '../src/index.js';
import { API, LAZY_VIEW, part, parts, shadow } from './helpers.js';
import {
  choose,
  control,
  currentStep,
  fieldError,
  fillToFiles,
  next,
  pngFile,
  referenceLoaded,
  set,
  stepShown,
  uploaded,
  validOrganisation,
} from './provider-application-helpers.js';

async function form(): Promise<SmecProviderApplication> {
  return fixture<SmecProviderApplication>(
    html`<smec-provider-application api-base=${API} no-draft></smec-provider-application>`,
  );
}

async function summaryShown(el: SmecProviderApplication): Promise<HTMLElement> {
  await waitUntil(() => part(el, 'error-summary'), 'no error summary', LAZY_VIEW);
  return part(el, 'error-summary')!;
}

describe('<smec-provider-application>', () => {
  it('shows the five steps, the current one marked, and its fields with visible labels', async () => {
    const el = await form();
    await referenceLoaded(el);
    expect(parts(el, 'step').map((step) => step.textContent?.replace(/\s+/g, ''))).to.deep.equal([
      '1机构信息',
      '2服务范围',
      '3联系人',
      '4材料',
      '5确认提交',
    ]);
    expect(currentStep(el)).to.equal('1机构信息');
    expect(parts(el, 'step').filter((step) => step.getAttribute('aria-current')).length).to.equal(1);
    for (const name of ['name', 'uscc', 'orgType', 'legalRepresentative', 'foundedOn', 'address', 'city']) {
      const label = shadow(el).querySelector(`label[for="smec-df-${name}"]`);
      expect(label?.textContent?.trim(), name).to.not.equal('');
    }
    await expect(el).to.be.accessible();
  });

  it('lists the problems of a step in the error summary, which takes the focus; each link focuses its field', async () => {
    const el = await form();
    await referenceLoaded(el);
    await next(el);
    const summary = await summaryShown(el);
    await waitUntil(() => shadow(el).activeElement === summary, 'the summary did not take the focus', LAZY_VIEW);
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([
      '#smec-df-name',
      '#smec-df-uscc',
      '#smec-df-orgType',
      '#smec-df-legalRepresentative',
      '#smec-df-foundedOn',
      '#smec-df-address',
      '#smec-df-city',
    ]);
    expect(fieldError(el, 'name')).to.equal('机构名称应为 2 至 100 个字，与营业执照一致');
    expect(links[0]!.textContent!.trim()).to.equal(fieldError(el, 'name'));
    links[1]!.click();
    expect(shadow(el).activeElement).to.equal(control(el, 'uscc'));
    expect(currentStep(el)).to.equal('1机构信息');
    await expect(el).to.be.accessible();
  });

  it("checks the application's rules as the applicant goes: the credit code's type, two years since founding", async () => {
    const el = await form();
    await referenceLoaded(el);
    await set(el, 'uscc', '92440101MA5CXXXX1');
    control(el, 'uscc').dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await el.updateComplete;
    await waitUntil(() => fieldError(el, 'uscc') !== '', 'no error on the credit code', LAZY_VIEW);
    expect(fieldError(el, 'uscc')).to.match(/^统一社会信用代码/);

    const individual = validOrganisation().uscc.replace(/^31/, '92');
    await set(el, 'orgType', 'company');
    await set(el, 'uscc', individual);
    control(el, 'uscc').dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await el.updateComplete;
    // A wrong check character first, whatever the type: the code was made for 31.
    expect(fieldError(el, 'uscc')).to.not.equal('');

    await set(el, 'uscc', validOrganisation().uscc);
    control(el, 'uscc').dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(fieldError(el, 'uscc')).to.equal('统一社会信用代码与所选机构类型不符，请核对机构类型或代码');
    await set(el, 'orgType', 'partnership');
    expect(fieldError(el, 'uscc')).to.equal('');

    const lastYear = `${new Date().getFullYear() - 1}-01-01`;
    await set(el, 'foundedOn', lastYear);
    control(el, 'foundedOn').dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(fieldError(el, 'foundedOn')).to.equal('入驻要求机构成立满两年，请在成立满两年后再申请');
    await expect(el).to.be.accessible();
  });

  it('uploads the licence as soon as it is chosen, showing its name, size and state, and removes it', async () => {
    const el = await form();
    await fillToFiles(el);
    await next(el);
    await summaryShown(el);
    expect(fieldError(el, 'licence')).to.equal('请上传营业执照（或登记证书）');

    choose(control(el, 'licence') as HTMLInputElement, [pngFile()]);
    await uploaded(el);
    const file = part(el, 'file')!;
    expect(file.textContent).to.contain('营业执照.png');
    expect(file.textContent).to.contain('KB');
    expect(fieldError(el, 'licence')).to.equal('');
    await expect(el).to.be.accessible();

    part(el, 'remove-button')!.click();
    await el.updateComplete;
    expect(part(el, 'file')).to.equal(null);

    choose(control(el, 'certificates') as HTMLInputElement, [new File(['MZ not a picture'], '证书.png')]);
    await waitUntil(() => /上传失败/.test(part(el, 'file-state')?.textContent ?? ''), 'no failed upload', LAZY_VIEW);
    await expect(el).to.be.accessible();
  });

  it('puts the platform’s refusal next to its field, on its step, and keeps what was typed', async () => {
    // A client that sends a founding date of last month whatever was typed: only the platform can refuse it then.
    const client = createClient({
      baseUrl: API,
      fetch: (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (init?.method === 'POST' && url.endsWith('/provider-applications') && typeof init.body === 'string') {
          const body = JSON.parse(init.body) as { organisation: { foundedOn: string } };
          body.organisation.foundedOn = `${new Date().getFullYear()}-01-01`;
          return fetch(input, { ...init, body: JSON.stringify(body) });
        }
        return fetch(input, init);
      },
    });
    const el = await fixture<SmecProviderApplication>(
      html`<smec-provider-application .client=${client} no-draft></smec-provider-application>`,
    );
    const values = validOrganisation();
    await fillToFiles(el, values);
    choose(control(el, 'licence') as HTMLInputElement, [pngFile()]);
    await uploaded(el);
    await next(el);
    await stepShown(el, '确认提交');
    part(el, 'submit-button')!.click();
    await summaryShown(el);
    await stepShown(el, '机构信息', 'foundedOn');
    expect(fieldError(el, 'foundedOn')).to.equal('入驻要求机构成立满两年，请在成立满两年后再申请');
    expect(control(el, 'name').value).to.equal(values.name);
    expect(control(el, 'foundedOn').value).to.equal(values.foundedOn);
    await expect(el).to.be.accessible();
  });

  it('can be filled, uploaded to and submitted with the keyboard alone', async () => {
    const el = await form();
    await referenceLoaded(el);
    const values = validOrganisation();
    const focused = () => shadow(el).activeElement?.id ?? '';
    /** Tab until `id` has the focus (a date input has a stop per part, so the count is not fixed). */
    const tabTo = async (id: string) => {
      for (let presses = 0; presses < 40 && focused() !== id; presses++) await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(id);
    };
    const tabToPart = async (name: string) => {
      for (let presses = 0; presses < 40 && shadow(el).activeElement !== part(el, name); presses++) {
        await sendKeys({ press: 'Tab' });
      }
      expect(shadow(el).activeElement).to.equal(part(el, name));
    };
    const typeInto = async (name: string, text: string) => {
      await tabTo(`smec-df-${name}`);
      await sendKeys({ type: text });
    };
    await typeInto('name', values.name);
    await typeInto('uscc', values.uscc);
    await tabTo('smec-df-orgType');
    // 合伙企业 is the second type.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await typeInto('legalRepresentative', values.legalRepresentative);
    await tabTo('smec-df-foundedOn');
    await sendKeys({ type: '03182015' });
    await typeInto('address', values.address);
    await tabTo('smec-df-city');
    await sendKeys({ press: 'ArrowDown' });
    await tabToPart('next-button');
    await sendKeys({ press: 'Enter' });
    await stepShown(el, '服务范围', 'categoryIds');
    await tabTo('smec-df-categoryIds');
    await sendKeys({ press: 'Space' });
    await tabTo('smec-df-regionsServed');
    await sendKeys({ press: 'Space' });
    await typeInto('staff', values.staff);
    await typeInto('professionalStaff', values.professionalStaff);
    await typeInto('description', values.description);
    await tabToPart('next-button');
    await sendKeys({ press: 'Enter' });
    await stepShown(el, '联系人', 'contactName');
    await typeInto('contactName', values.contactName);
    await typeInto('mobile', values.mobile);
    await typeInto('email', values.email);
    await sendKeys({ press: 'Enter' });
    await stepShown(el, '材料', 'licence');
    await tabTo('smec-df-licence');
    // The file chooser is the system's; what it gives back is what the input receives.
    choose(shadow(el).activeElement as HTMLInputElement, [pngFile()]);
    await uploaded(el);
    await tabToPart('next-button');
    await sendKeys({ press: 'Enter' });
    await stepShown(el, '确认提交');
    expect(shadow(el).textContent).to.contain(values.name);
    await tabToPart('submit-button');
    const submitted = oneEvent(el, 'smec-application-submit') as Promise<SmecApplicationSubmitEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await submitted;
    await waitUntil(() => part(el, 'application-no'), 'no success view', LAZY_VIEW);
    expect(part(el, 'application-no')!.textContent!.trim()).to.equal(event.detail.applicationNo);
    expect(part(el, 'success')!.textContent).to.contain('公示 7 天');
    expect(part(el, 'resume-link')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});
