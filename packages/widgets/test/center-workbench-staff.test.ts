import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { StaffPage } from '@smec/schemas';
import { LAZY_VIEW, part, parts, shadow } from './helpers.js';
import { apiGet, viewReady, workbench } from './center-workbench-helpers.js';

// Guangzhou's administrator invites accounts of its own for these tests, each with a subject no other test uses.
const ADMIN = 'usr-admin-440100';
const run = Math.random().toString(36).slice(2, 8);

function member(el: Element, name: string): HTMLElement | undefined {
  return parts(el, 'staff-member').find((item) => item.querySelector('h4')?.textContent?.trim() === name);
}

describe('smec-center-workbench: staff', () => {
  it('lists the center’s accounts and invites one by keyboard, errors next to the fields and the input kept', async () => {
    const el = await workbench(ADMIN, { view: 'staff' });
    await viewReady(el, '[part~="staff-member"]');
    expect(parts(el, 'staff-member')[0]!.textContent).to.contain('管理员');
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'staff-invite-button')!.click();
    await waitUntil(() => shadow(el).querySelector('#smec-staff-identity-error'), 'no error next to the subject');
    expect(shadow(el).querySelector('#smec-staff-name-error')).to.not.equal(null);
    expect(shadow(el).querySelector('#smec-staff-identity')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    // By mobile, a number too short: refused next to the field, the digits kept.
    shadow(el).querySelector<HTMLInputElement>('input[name="smec-staff-by"][value="mobile"]')!.click();
    shadow(el).querySelector<HTMLInputElement>('#smec-staff-identity')!.focus();
    await sendKeys({ type: '1381234' });
    part<HTMLButtonElement>(el, 'staff-invite-button')!.click();
    await waitUntil(
      () => shadow(el).querySelector('#smec-staff-identity-error')?.textContent?.includes('11 位手机号'),
      'no error for the mobile',
    );
    expect(shadow(el).querySelector<HTMLInputElement>('#smec-staff-identity')!.value).to.equal('1381234');

    shadow(el).querySelector<HTMLInputElement>('input[name="smec-staff-by"][value="subject"]')!.click();
    const identity = shadow(el).querySelector<HTMLInputElement>('#smec-staff-identity')!;
    identity.focus();
    identity.select();
    await sendKeys({ type: `wtr|staff-${run}` });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: `测试业务员${run}` });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => member(el, `测试业务员${run}`), 'the invited account never showed', LAZY_VIEW);
    expect(member(el, `测试业务员${run}`)!.textContent)
      .to.contain('业务员')
      .and.contain('统一身份认证账号');
  });

  it('changes an account’s role, and deactivates it once confirmed', async () => {
    const el = await workbench(ADMIN, { view: 'staff' });
    await viewReady(el, '[part~="staff-invite"]');
    const name = `测试只读${run}`;
    shadow(el).querySelector<HTMLInputElement>('#smec-staff-identity')!.focus();
    await sendKeys({ type: `wtr|viewer-${run}` });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: name });
    part<HTMLButtonElement>(el, 'staff-invite-button')!.click();
    await waitUntil(() => member(el, name), 'the invited account never showed', LAZY_VIEW);

    const select = member(el, name)!.querySelector<HTMLSelectElement>('[part~="staff-role-select"]')!;
    select.value = 'viewer';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => !member(el, name)!.querySelector<HTMLButtonElement>('[part~="staff-role-button"]')!.disabled);
    member(el, name)!.querySelector<HTMLButtonElement>('[part~="staff-role-button"]')!.click();
    await waitUntil(
      () => member(el, name)?.querySelector('.badge')?.textContent?.trim() === '只读',
      'role unchanged',
      LAZY_VIEW,
    );

    member(el, name)!.querySelector<HTMLButtonElement>('[part~="staff-active-button"]')!.click();
    await waitUntil(() => part(el, 'confirm-dialog'), 'no confirmation asked');
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'confirm-staff-button')!.click();
    await waitUntil(() => member(el, name)?.dataset['active'] === 'false', 'the account stayed active', LAZY_VIEW);
    const page = await apiGet<StaffPage>('/staff?limit=100&active=false', ADMIN);
    expect(page.items.some((item) => item.name === name && item.role === 'viewer')).to.equal(true);
  });

  for (const user of ['usr-staff-440100', 'usr-viewer-440100'] as const) {
    it(`shows ${user} no account and no write control`, async () => {
      const el = await workbench(user, { view: 'staff' });
      await viewReady(el, '[part~="notice"]');
      expect(part(el, 'staff-invite')).to.equal(null);
      expect(parts(el, 'staff-member').length).to.equal(0);
      await expect(el).to.be.accessible();
    });
  }
});
