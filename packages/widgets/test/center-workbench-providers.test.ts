import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ProviderAccountPage, ProviderApplication, ProviderApplicationInput } from '@smec/schemas';
import { PIXEL_PNG, operations } from '@smec/schemas/openapi';
import { usccCheckCharacter } from '@smec/schemas/rules';
import { overflowing } from './care-measure.js';
import { API, LAZY_VIEW, part, parts, shadow } from './helpers.js';
import { apiGet, apiSend, button, choose, fill, tokenOf, viewReady, workbench } from './center-workbench-helpers.js';

const REVIEWER = 'usr-admin-440604';
let serial = Math.floor(Math.random() * 900);

/** A partnership's credit code no test used before. */
function newUscc(): string {
  serial = (serial + 1) % 1000;
  const first17 = `31440000CW${String(Date.now() % 10_000).padStart(4, '0')}${String(serial).padStart(3, '0')}`;
  return `${first17}${usccCheckCharacter(first17) ?? ''}`;
}

async function post(path: string, body: unknown, userId?: typeof REVIEWER): Promise<Response> {
  return fetch(`${API}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
      ...(userId ? { authorization: `Bearer ${await tokenOf(userId)}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

/** A new application in 禅城区 (440604), as an applicant sends it. */
async function submitApplication(regionCode?: string): Promise<ProviderApplication> {
  const png = Uint8Array.from(atob(PIXEL_PNG), (char) => char.charCodeAt(0));
  const upload = await fetch(`${API}/files`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: png });
  const licence = (await upload.json()) as { id: string; key: string };
  const example = structuredClone(operations.createProviderApplication.example.body) as ProviderApplicationInput;
  const uscc = newUscc();
  const input = {
    ...example,
    organisation: {
      ...example.organisation,
      ...(regionCode ? { regionCode } : {}),
      uscc,
      name: `佛山市禅城区审核${uscc.slice(10, 17)}律师事务所`,
    },
    files: { licence: { id: licence.id, key: licence.key }, certificates: [] },
  };
  const response = await post('/provider-applications', input);
  if (response.status !== 201) throw new Error(`submit answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as ProviderApplication;
}

async function stored(
  id: string,
  userId: 'usr-admin-440604' | 'usr-admin-440500' = REVIEWER,
): Promise<ProviderApplication> {
  const page = await apiGet<{ items: ProviderApplication[] }>('/provider-applications?limit=100', userId);
  const found = page.items.find((each) => each.id === id);
  if (!found) throw new Error(`no application ${id}`);
  return found;
}

async function providersView(userId: Parameters<typeof workbench>[0] = REVIEWER) {
  const el = await workbench(userId, { view: 'providers' });
  await viewReady(el, '#smec-application-status');
  return el;
}

async function opened(el: Element, id: string): Promise<HTMLElement> {
  const card = `[data-application-id="${id}"]`;
  await viewReady(el, card);
  shadow(el).querySelector<HTMLButtonElement>(`${card} [part~="detail-button"]`)!.click();
  return viewReady(el, `${card} [part~="application-detail"]`);
}

async function confirmWith(el: Element, part: string): Promise<void> {
  const confirm = await viewReady(el, `[part~="${part}"]`);
  confirm.click();
}

describe('<smec-center-workbench> providers', () => {
  it('lists the applications to review, and shows one’s fields, files and timeline', async () => {
    const application = await submitApplication();
    const el = await providersView();
    const detail = await opened(el, application.id);
    expect(detail.textContent).to.contain(application.application.organisation.uscc);
    expect(detail.textContent).to.contain(application.application.contact.email);
    expect(detail.querySelector('[part~="file-button"]')?.getAttribute('data-file-id')).to.equal(
      application.application.files.licence.id,
    );
    expect(detail.querySelectorAll('.timeline li').length).to.equal(application.timeline.length);
    await expect(el).to.be.accessible();
  });

  it('approves an application after asking, and the platform puts it under notice', async () => {
    const application = await submitApplication();
    const el = await providersView();
    await opened(el, application.id);
    button(el, '通过并公示', `[data-application-id="${application.id}"]`).click();
    await viewReady(el, '[part~="confirm-dialog"]');
    await expect(el).to.be.accessible();
    await confirmWith(el, 'confirm-approve-button');
    await waitUntil(
      () =>
        shadow(el).querySelector(`[data-application-id="${application.id}"]`)?.getAttribute('data-status') ===
        'publicNotice',
      'not under notice',
      LAZY_VIEW,
    );
    expect((await stored(application.id)).status).to.equal('publicNotice');
    expect(part(el, 'status')?.textContent).to.contain('公示中');
  });

  it('asks for a reason before rejecting, and rejects with it', async () => {
    const application = await submitApplication();
    const el = await providersView();
    await opened(el, application.id);
    const reasonId = `#smec-reason-${application.id}`;
    button(el, '不予通过', `[data-application-id="${application.id}"]`).click();
    await waitUntil(() => shadow(el).querySelector(`${reasonId}-error`), 'no error next to the reason');
    expect(shadow(el).querySelector(reasonId)?.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => shadow(el).activeElement?.id === reasonId.slice(1), 'the focus is not on the reason');
    expect(part(el, 'confirm-dialog')).to.equal(null);
    await expect(el).to.be.accessible();
    fill(el, reasonId, '机构成立未满一年，不符合入驻条件。');
    button(el, '不予通过', `[data-application-id="${application.id}"]`).click();
    await confirmWith(el, 'confirm-reject-button');
    await waitUntil(async () => (await stored(application.id)).status === 'rejected', 'not rejected', LAZY_VIEW);
    const entry = (await stored(application.id)).timeline.at(-1);
    expect(entry?.note).to.equal('机构成立未满一年，不符合入驻条件。');
  });

  it('sends notes per field when asking for changes', async () => {
    const application = await submitApplication();
    const el = await providersView();
    await opened(el, application.id);
    shadow(el).querySelector<HTMLDetailsElement>(`[data-application-id="${application.id}"] details`)!.open = true;
    fill(el, `#smec-note-${application.id}-files-licence`, '营业执照照片不清晰，请重新上传。');
    button(el, '退回补正', `[data-application-id="${application.id}"] details`).click();
    await confirmWith(el, 'confirm-requestChanges-button');
    await waitUntil(
      async () => (await stored(application.id)).status === 'changesRequested',
      'changes not requested',
      LAZY_VIEW,
    );
    expect((await stored(application.id)).changeNotes).to.deep.equal([
      { field: 'files.licence', note: '营业执照照片不清晰，请重新上传。' },
    ]);
  });

  it('keeps what was typed and says why when another reviewer moved the application first (409)', async () => {
    const application = await submitApplication();
    const el = await providersView();
    await opened(el, application.id);
    const reasonId = `#smec-reason-${application.id}`;
    fill(el, reasonId, '材料与实际经营情况不符。');
    expect(
      (await post(`/provider-applications/${application.id}/transitions`, { action: 'approve' }, REVIEWER)).status,
    ).to.equal(200);
    button(el, '不予通过', `[data-application-id="${application.id}"]`).click();
    await confirmWith(el, 'confirm-reject-button');
    await waitUntil(
      () => shadow(el).querySelector(`#smec-application-error-${application.id} [part~="error"]`),
      'no error',
      LAZY_VIEW,
    );
    expect(shadow(el).querySelector<HTMLTextAreaElement>(reasonId)?.value).to.equal('材料与实际经营情况不符。');
    await expect(el).to.be.accessible();
  });

  it('decides an objection of an application under notice', async () => {
    const application = await submitApplication();
    expect(
      (await post(`/provider-applications/${application.id}/transitions`, { action: 'approve' }, REVIEWER)).status,
    ).to.equal(200);
    const objection = await post(`/public-notices/${application.id}/objections`, {
      name: '赵先生',
      mobile: '13900139100',
      reason: '该所曾承诺胜诉后收费，败诉后仍要求支付全额律师费。',
    });
    expect(objection.status).to.equal(201);
    const el = await providersView();
    choose(el, '#smec-application-status', 'publicNotice');
    const detail = await opened(el, application.id);
    const card = detail.querySelector<HTMLElement>('[part~="objection"]')!;
    fill(el, `#smec-objection-${card.dataset.objectionId}`, '经实地核查，异议不成立。');
    await expect(el).to.be.accessible();
    button(el, '异议不成立', `[data-objection-id="${card.dataset.objectionId}"]`).click();
    await confirmWith(el, 'confirm-dismissObjection-button');
    await waitUntil(
      async () => (await stored(application.id)).objections?.every((each) => each.status === 'dismissed') === true,
      'not dismissed',
      LAZY_VIEW,
    );
  });

  it('shows a viewer (只读) no button that writes, and staff of the same center the review', async () => {
    // In 濠江区 (440512), a county of Shantou, whose center has a 业务员 and a 只读 account.
    const application = await submitApplication('440512');
    const viewer = await providersView('usr-viewer-440500');
    const detail = await opened(viewer, application.id);
    expect(detail.textContent).to.contain(application.application.organisation.uscc);
    for (const name of ['approve-button', 'reject-button', 'changes-button'])
      expect(part(viewer, name), name).to.equal(null);
    expect(shadow(viewer).querySelector('textarea')).to.equal(null);
    await expect(viewer).to.be.accessible();
    const staff = await providersView('usr-staff-440500');
    await opened(staff, application.id);
    expect(part(staff, 'approve-button')).to.not.equal(null);
    expect(part(staff, 'reject-button')).to.not.equal(null);
  });

  it('shows a viewer no button that writes though the host page says nothing of its level', async () => {
    const application = await submitApplication('440512');
    const el = await providersView('usr-viewer-440500');
    const detail = await opened(el, application.id);
    expect(detail.querySelector('[part~="approve-button"]')).to.equal(null);
    expect(detail.querySelector('[part~="reject-button"]')).to.equal(null);
    expect((await stored(application.id, 'usr-admin-440500')).status).to.equal('submitted');
  });
});

/**
 * Providers of Shantou's 南澳县 that only these tests move (no other test names them or searches that county): one
 * to suspend, one whose removal is asked and not confirmed.
 */
const TO_SUSPEND = { id: 'prv-02378', uscc: '91440523930T136608' };
const NOT_REMOVED = { id: 'prv-02021', uscc: '914405230236M4158C' };
/** One another center member suspends while the list shows it admitted. */
const MOVED_MEANWHILE = { id: 'prv-00093', uscc: '9144052348X7L9528R' };

async function accountOf(uscc: string) {
  const page = await apiGet<ProviderAccountPage>(`/provider-accounts?admission=current&q=${uscc}`, 'usr-admin-440500');
  const [account] = page.items;
  if (!account) throw new Error(`no provider ${uscc}`);
  return account;
}

async function accountsReady(el: Element): Promise<void> {
  await waitUntil(() => parts(el, 'provider-account').length > 0, 'no provider listed', LAZY_VIEW);
}

/** Finds a provider of 「已入驻机构」 by its credit code, typed and sent from the keyboard. */
async function findByKeyboard(el: Element, uscc: string): Promise<HTMLElement> {
  await accountsReady(el);
  shadow(el).querySelector<HTMLInputElement>('#smec-account-q')!.focus();
  await sendKeys({ type: uscc });
  await sendKeys({ press: 'Enter' });
  await waitUntil(
    () => parts(el, 'provider-account').length === 1 && part(el, 'provider-account')?.dataset['providerId'],
    `${uscc} not found alone`,
    LAZY_VIEW,
  );
  return part(el, 'provider-account')!;
}

describe('<smec-center-workbench> providers: 已入驻机构', () => {
  it('lists the admitted and suspended providers of the center’s region, as the platform counts them', async () => {
    const el = await providersView('usr-staff-440500');
    await accountsReady(el);
    const listed = parts(el, 'provider-account');
    const first = await apiGet<ProviderAccountPage>('/provider-accounts?limit=20', 'usr-staff-440500');
    expect(listed.map((card) => card.dataset['providerId'])).to.deep.equal(first.items.map((each) => each.profile.id));
    expect(part(el, 'provider-account-total')?.textContent).to.contain(String(first.total));
    for (const card of listed) expect(['admitted', 'suspended']).to.include(card.dataset['admission']);
    const [account] = first.items;
    expect(listed[0]?.textContent).to.contain(account!.profile.uscc);
    expect(listed[0]?.querySelector('[part~="badge"]')?.textContent?.trim()).to.equal(
      account!.profile.admission === 'admitted' ? '已入驻' : '已暂停',
    );
    await expect(el).to.be.accessible();
  });

  it('suspends from the keyboard with a reason: badge 已暂停, its record, and the catalog no longer lists it', async () => {
    const el = await providersView('usr-staff-440500');
    const card = await findByKeyboard(el, TO_SUSPEND.uscc);
    expect(card.textContent).to.contain('南澳县');
    const reasonId = `#smec-df-providerReason-${TO_SUSPEND.id}`;
    shadow(el).querySelector<HTMLTextAreaElement>(reasonId)!.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.getAttribute('part')).to.equal('suspend-button');
    await sendKeys({ press: 'Enter' });
    // Without a reason nothing is sent: the error stands next to the field, which takes the focus.
    await waitUntil(() => shadow(el).querySelector(`${reasonId}-error`), 'no error next to the reason');
    await waitUntil(() => shadow(el).activeElement?.id === reasonId.slice(1), 'the reason took no focus');
    expect(shadow(el).querySelector(reasonId)?.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    expect((await accountOf(TO_SUSPEND.uscc)).profile.admission).to.equal('admitted');

    await sendKeys({ type: '年度服务质量考核不合格，暂停服务限期整改' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const selector = `[data-provider-id="${TO_SUSPEND.id}"]`;
    await waitUntil(
      () => shadow(el).querySelector<HTMLElement>(selector)?.dataset['admission'] === 'suspended',
      'not suspended',
      LAZY_VIEW,
    );
    const suspended = shadow(el).querySelector<HTMLElement>(selector)!;
    expect(suspended.querySelector('[part~="badge"]')?.textContent?.trim()).to.equal('已暂停');
    expect(suspended.querySelector('[part~="provider-history"]')?.textContent).to.contain(
      '年度服务质量考核不合格，暂停服务限期整改',
    );
    expect(suspended.querySelector('[part~="reinstate-button"]')).to.not.equal(null);
    expect(part(el, 'status')?.textContent).to.contain('已暂停');
    await waitUntil(() => shadow(el).activeElement?.closest(selector), 'the focus left the provider');

    expect((await fetch(`${API}/providers/${TO_SUSPEND.id}`)).status).to.equal(404);
    const catalog = (await (await fetch(`${API}/providers?q=${encodeURIComponent('乐阳税务师')}`)).json()) as {
      items: { id: string }[];
    };
    expect(catalog.items.map((each) => each.id)).to.not.include(TO_SUSPEND.id);
    const account = await accountOf(TO_SUSPEND.uscc);
    expect(account.timeline.at(-1)?.reason).to.equal('年度服务质量考核不合格，暂停服务限期整改');
    await expect(el).to.be.accessible();
  });

  it('asks before removing, as a removal is final; 返回 sends nothing', async () => {
    const el = await providersView('usr-staff-440500');
    const card = await findByKeyboard(el, NOT_REMOVED.uscc);
    fill(el, `#smec-df-providerReason-${NOT_REMOVED.id}`, '多次违规收费，经核查属实');
    card.querySelector<HTMLButtonElement>('[part~="remove-button"]')!.click();
    const dialog = await viewReady(el, '[part~="confirm-dialog"]');
    expect(dialog.textContent).to.contain('不能恢复');
    expect(part(el, 'confirm-remove-button')).to.not.equal(null);
    await expect(el).to.be.accessible();
    part(el, 'dismiss-button')!.click();
    await waitUntil(() => !part(el, 'confirm-remove-button'), 'the question stayed');
    expect((await accountOf(NOT_REMOVED.uscc)).profile.admission).to.equal('admitted');
    // What was typed stays for another try.
    expect(shadow(el).querySelector<HTMLTextAreaElement>(`#smec-df-providerReason-${NOT_REMOVED.id}`)?.value).to.equal(
      '多次违规收费，经核查属实',
    );
  });

  it('says why and keeps the reason typed when someone suspended the provider first (409)', async () => {
    const el = await providersView('usr-staff-440500');
    const card = await findByKeyboard(el, MOVED_MEANWHILE.uscc);
    const reasonId = `#smec-df-providerReason-${MOVED_MEANWHILE.id}`;
    fill(el, reasonId, '投诉较多，暂停服务待核查');
    await apiSend('POST', `/providers/${MOVED_MEANWHILE.id}/transitions`, 'usr-admin-440500', {
      action: 'suspend',
      reason: '另一位工作人员先行暂停',
    });
    card.querySelector<HTMLButtonElement>('[part~="suspend-button"]')!.click();
    const errorBox = `#smec-provider-error-${MOVED_MEANWHILE.id}`;
    await waitUntil(() => shadow(el).querySelector(`${errorBox} [part~="error"]`), 'no error', LAZY_VIEW);
    await waitUntil(() => shadow(el).activeElement?.id === errorBox.slice(1), 'the error took no focus');
    expect(shadow(el).querySelector<HTMLTextAreaElement>(reasonId)?.value).to.equal('投诉较多，暂停服务待核查');
    await expect(el).to.be.accessible();
  });

  it('shows a viewer (只读) the list without a button that moves a provider', async () => {
    const el = await providersView('usr-viewer-440500');
    await accountsReady(el);
    for (const name of ['suspend-button', 'reinstate-button', 'remove-button'])
      expect(part(el, name), name).to.equal(null);
    expect(part(el, 'provider-accounts')?.querySelector('textarea')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps the list within a 320 px column', async () => {
    const token = await tokenOf('usr-staff-440500');
    const root = await fixture(
      html`<div style="width: 320px">
        <smec-root api-base=${API} .getToken=${() => token}>
          <smec-center-workbench view="providers"></smec-center-workbench>
        </smec-root>
      </div>`,
    );
    const el = root.querySelector('smec-center-workbench')!;
    await accountsReady(el);
    expect(overflowing(el), 'the list is wider than 320 px').to.deep.equal([]);
  });
});
