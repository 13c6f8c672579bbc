import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Policy, PolicyPage } from '@smec/schemas';
import '../src/define/smec-policy-list.js';
import type { SmecPolicyList, SmecPolicyServicesEvent } from '../src/index.js';
import { API, CLOSED_API, part, parts, shadow, statusText } from './helpers.js';

async function apiPage(params: Record<string, string>): Promise<PolicyPage> {
  const response = await fetch(`${API}/policies?${new URLSearchParams({ limit: '10', ...params })}`);
  return (await response.json()) as PolicyPage;
}

const titles = (el: SmecPolicyList) => parts(el, 'item-title').map((title) => title.textContent?.trim() ?? '');

/** Waits for the list (or the empty state) whose status differs from `previous`. */
async function listed(el: SmecPolicyList, previous = ''): Promise<string> {
  await waitUntil(
    () => /^(共 [\d,]+ 项政策|没有找到符合条件的政策)$/.test(statusText(el)) && statusText(el) !== previous,
    `no list (status "${statusText(el)}")`,
    { timeout: 10000 },
  );
  // The category names load on their own.
  await waitUntil(() => shadow(el).querySelector('#smec-pl-category option[value="legal"]'), 'no categories');
  return statusText(el);
}

function search(el: SmecPolicyList, text: string): void {
  const input = part<HTMLInputElement>(el, 'search-input')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  part<HTMLButtonElement>(el, 'search-button')!.click();
}

function choose(el: SmecPolicyList, id: string, value: string): void {
  const select = shadow(el).querySelector<HTMLSelectElement | HTMLInputElement>(`#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

describe('smec-policy-list', () => {
  it("lists a county's policies and its parents', its own first, as the API does", async () => {
    const api = await apiPage({ region: '440604' });
    const el = await fixture<SmecPolicyList>(
      html`<smec-policy-list api-base=${API} region="440604"></smec-policy-list>`,
    );
    expect(await listed(el)).to.equal(`共 ${api.total.toLocaleString('zh-CN')} 项政策`);
    expect(titles(el)).to.deep.equal(api.items.map((policy) => policy.title));
    const badges = parts(el, 'badge').map((badge) => badge.textContent?.trim());
    expect(badges).to.deep.equal(
      api.items.map((policy) => ({ inForce: '现行有效', expired: '已失效', upcoming: '尚未施行' })[policy.status]),
    );
    await expect(el).to.be.accessible();
  });

  it('searches with one and two Chinese characters, and filters by validity', async () => {
    const el = await fixture<SmecPolicyList>(html`<smec-policy-list api-base=${API}></smec-policy-list>`);
    let status = await listed(el);
    search(el, '税');
    status = await listed(el, status);
    const one = await apiPage({ q: '税' });
    expect(status).to.equal(`共 ${one.total} 项政策`);
    expect(titles(el)).to.deep.equal(one.items.map((policy) => policy.title));

    search(el, '融资');
    status = await listed(el, status);
    const two = await apiPage({ q: '融资' });
    expect(status).to.equal(`共 ${two.total} 项政策`);

    choose(el, 'smec-pl-validity', 'inForce');
    status = await listed(el, status);
    const inForce = await apiPage({ q: '融资', validity: 'inForce' });
    expect(status).to.equal(`共 ${inForce.total} 项政策`);
    expect(parts(el, 'badge').every((badge) => badge.textContent?.trim() === '现行有效')).to.equal(true);
  });

  it('refuses a reversed date range next to the field and keeps what was typed', async () => {
    const el = await fixture<SmecPolicyList>(html`<smec-policy-list api-base=${API}></smec-policy-list>`);
    const status = await listed(el);
    choose(el, 'smec-pl-from', '2024-01-01');
    await listed(el, status);
    choose(el, 'smec-pl-to', '2020-01-01');
    await el.updateComplete;
    const to = shadow(el).querySelector<HTMLInputElement>('#smec-pl-to')!;
    expect(to.getAttribute('aria-invalid')).to.equal('true');
    expect(part(el, 'field-error')?.textContent?.trim()).to.equal('结束日期不能早于开始日期。');
    expect(to.value).to.equal('2020-01-01');
    await expect(el).to.be.accessible();
  });

  it('opens a policy: summary, full text, services linking into the catalog by category, and back', async () => {
    const api = await apiPage({ region: '440600' });
    const policy = api.items[0] as Policy;
    const el = await fixture<SmecPolicyList>(
      html`<smec-policy-list api-base=${API} region="440600" catalog-url="/catalog.html?x=1"></smec-policy-list>`,
    );
    await listed(el);
    part<HTMLButtonElement>(el, 'item-title')!.click();
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('smec-pl-detail-title');
    expect(part(el, 'summary')?.textContent?.trim()).to.equal(policy.summary);
    expect(part<HTMLAnchorElement>(el, 'full-text')?.href).to.equal(policy.url);
    expect(part(el, 'detail')?.textContent).to.contain(policy.docNumber);
    const links = parts<HTMLAnchorElement>(el, 'service-link').map((link) => new URL(link.href));
    expect(links.map((url) => url.searchParams.get('smec_cat'))).to.deep.equal(policy.categoryIds);
    expect(links.every((url) => url.pathname === '/catalog.html' && url.searchParams.get('x') === '1')).to.equal(true);
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'back-button')!.click();
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal(`smec-pl-item-${policy.id}`);
  });

  it('without catalog-url, fires smec-policy-services with the category', async () => {
    const api = await apiPage({ region: '440600' });
    const policy = api.items[0] as Policy;
    const el = await fixture<SmecPolicyList>(
      html`<smec-policy-list api-base=${API} region="440600"></smec-policy-list>`,
    );
    await listed(el);
    part<HTMLButtonElement>(el, 'item-title')!.click();
    await el.updateComplete;
    const button = part<HTMLButtonElement>(el, 'service-link')!;
    expect(button.localName).to.equal('button');
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'smec-policy-services')) as unknown as SmecPolicyServicesEvent;
    expect(event.categoryId).to.equal(policy.categoryIds[0]);
    expect(event.policyId).to.equal(policy.id);
  });

  it('pages on with 加载更多政策', async () => {
    const el = await fixture<SmecPolicyList>(html`<smec-policy-list api-base=${API}></smec-policy-list>`);
    await listed(el);
    expect(parts(el, 'item')).to.have.length(10);
    part<HTMLButtonElement>(el, 'more-button')!.click();
    await waitUntil(() => parts(el, 'item').length === 20, 'no second page');
    expect(new Set(parts(el, 'item').map((item) => item.dataset['policyId'])).size).to.equal(20);
  });

  it('shows an error with a retry button when the platform cannot be reached, and accessibly', async () => {
    const el = await fixture<SmecPolicyList>(html`<smec-policy-list api-base=${CLOSED_API}></smec-policy-list>`);
    await waitUntil(() => part(el, 'error'), 'no error', { timeout: 15000 });
    expect(part(el, 'retry-button')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});
