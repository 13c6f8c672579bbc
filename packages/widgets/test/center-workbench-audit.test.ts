import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { API, LAZY_VIEW, part, parts, shadow } from './helpers.js';
import { tokenOf, viewReady, workbench } from './center-workbench-helpers.js';

// Shantou's administrator invites accounts of its own, which puts more than a page of `staff.invite` on its log.
const ADMIN = 'usr-admin-440500';
const run = Math.random().toString(36).slice(2, 8);

before(async () => {
  const token = await tokenOf(ADMIN);
  for (let n = 0; n < 21; n++) {
    const response = await fetch(`${API}/staff`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ subject: `wtr|audit-${run}-${n}`, name: `日志测试${n}`, role: 'viewer' }),
    });
    expect(response.status).to.equal(201);
  }
});

describe('smec-center-workbench: audit log', () => {
  it('filters by action, loads more, and expands an entry to its changes by keyboard', async () => {
    const el = await workbench(ADMIN, { view: 'auditLog' });
    await viewReady(el, '[part~="audit-entry"]');
    await expect(el).to.be.accessible();

    shadow(el).querySelector<HTMLInputElement>('#smec-audit-action')!.focus();
    await sendKeys({ type: 'staff.invite' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () =>
        parts(el, 'audit-entry').length === 20 &&
        parts(el, 'audit-entry').every((entry) => entry.querySelector('h4')?.textContent?.trim() === 'staff.invite'),
      'the filter never applied',
      LAZY_VIEW,
    );
    expect(parts(el, 'audit-entry').length).to.equal(20);
    part<HTMLButtonElement>(el, 'more-button')!.click();
    await waitUntil(() => parts(el, 'audit-entry').length > 20, 'no more entries', LAZY_VIEW);

    const first = parts(el, 'audit-entry')[0]!;
    expect(first.textContent).to.contain('usr-admin-440500'.slice(-6)).and.contain('请求编号');
    const expand = first.querySelector<HTMLButtonElement>('[part~="audit-expand-button"]')!;
    expand.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => first.querySelector('[part~="audit-changes"]'), 'the entry never expanded');
    expect(expand.getAttribute('aria-expanded')).to.equal('true');
    expect(first.querySelector('[part~="audit-changes"]')!.textContent).to.contain('role').and.contain('viewer');
    await expect(el).to.be.accessible();
  });

  it('shows a staff member (业务员) that the log is for administrators, without filters', async () => {
    const el = await workbench('usr-staff-440500', { view: 'auditLog' });
    await viewReady(el, '[part~="notice"]');
    expect(part(el, 'audit-filters')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
