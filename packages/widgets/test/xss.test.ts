// Every text a widget shows comes from the platform, and the platform takes text from anyone: a demand's submitter,
// an enterprise's comment, a provider's answer, a center's data entry. These tests run against a second server
// whose seeded texts are hostile (test-support/hostile-data.ts) and send more through the real API, then check that
// each widget shows them as text: nothing runs, no element comes out of the data, no link gets a javascript: href.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type {
  Demand,
  DemandStatusView,
  Engagement,
  PolicyPage,
  PublicNoticePage,
  Rating,
  Registration,
  ServiceEvent,
  ServiceProductDetail,
} from '@smec/schemas';
import { createClient } from '@smec/sdk';
import { HOSTILE_TEXT, JAVASCRIPT_URLS, PAYLOADS } from '../../../test-support/hostile-data.js';
import '../src/define/smec-catalog.js';
import '../src/define/smec-center-scorecard.js';
import '../src/define/smec-demand-form.js';
import '../src/define/smec-event-calendar.js';
import '../src/define/smec-feedback-rating.js';
import '../src/define/smec-policy-list.js';
import '../src/define/smec-provider-application.js';
import '../src/define/smec-public-notice.js';
import '../src/define/smec-root.js';
import '../src/define/smec-voucher-wallet.js';
import type { SmecCatalog, SmecDemandForm, SmecProviderApplication } from '../src/index.js';
import { lookupReady, set } from './demand-helpers.js';
import { pngFile, set as setControl, validOrganisation } from './provider-application-helpers.js';
import { beijingDate, detail, loaded, registrationOpen, shownInMonth } from './event-helpers.js';
import { LAZY_VIEW, part, parts, results, shadow, statusText } from './helpers.js';

const API = (window as unknown as { SMEC_TEST_HOSTILE_API_URL: string }).SMEC_TEST_HOSTILE_API_URL;

/** What the user-writable fields get: each within its field's limits, together every payload. */
const WRITTEN = {
  title: `${PAYLOADS[1]}${PAYLOADS[7]}`,
  enterpriseName: `${PAYLOADS[3]}${PAYLOADS[6]}`,
  contactName: '<svg onload=window.__xss=1>',
  acceptNote: `${PAYLOADS[0]} ${PAYLOADS[4]}`,
  matchNote: `${PAYLOADS[2]} ${PAYLOADS[5]}`,
  attendeeName: '<img src=x onerror=__xss=1>',
  comment: [PAYLOADS[0], PAYLOADS[1], PAYLOADS[4], PAYLOADS[5], PAYLOADS[6], PAYLOADS[7]].join(' '),
  answer: HOSTILE_TEXT,
} as const;

// ---------------------------------------------------------------------------------------------------------------
// The platform, asked directly

interface Answer<T> {
  status: number;
  body: T;
}

async function call<T>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['idempotency-key'] = crypto.randomUUID();
  }
  const response = await fetch(`${API}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function get<T>(path: string, token?: string): Promise<T> {
  const answer = await call<T>('GET', path, token ? { token } : {});
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Every item of a list, page after page. */
async function all<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await get(
      `${path}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const tokens = new Map<string, Promise<string>>();

function tokenOf(userId: string): Promise<string> {
  let token = tokens.get(userId);
  if (!token) {
    token = call<{ token: string }>('POST', '/demo/token', { body: { userId } }).then((answer) => answer.body.token);
    tokens.set(userId, token);
  }
  return token;
}

// ---------------------------------------------------------------------------------------------------------------
// What a widget rendered

/** Every node under a widget's shadow root, into the shadow roots of the elements inside it (nested widgets). */
function* nodesOf(root: ShadowRoot): Generator<Node> {
  const walker = document.createTreeWalker(
    root,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_TEXT,
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    yield node;
    if (node instanceof Element && node.shadowRoot) yield* nodesOf(node.shadowRoot);
  }
}

/** The text a widget shows, nested widgets included (a shadow root's textContent stops at the next shadow root). */
function shownText(el: Element): string {
  let text = '';
  for (const node of nodesOf(shadow(el))) {
    if (node.nodeType === Node.TEXT_NODE && node.parentElement?.localName !== 'style') text += node.nodeValue ?? '';
  }
  return text;
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

const EXECUTABLE = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link']);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcset'];

/** A URL as a browser reads its scheme: leading controls and spaces, and tabs and newlines anywhere, do not count. */
function schemeOf(value: string): string {
  let start = 0;
  while (start < value.length && value.charCodeAt(start) <= 0x20) start += 1;
  return value
    .slice(start)
    .replace(/[\t\n\r]/g, '')
    .toLowerCase();
}

/** What of the data became markup, one line per finding: empty when every node is inert. */
function markupFound(nodes: readonly Node[]): string[] {
  const found: string[] = [];
  for (const node of nodes) {
    if (node.nodeType === Node.COMMENT_NODE && (node as Comment).data.includes('lit$123$')) {
      found.push('a payload became a comment');
    }
    if (!(node instanceof Element)) continue;
    const where = `<${node.localName}>`;
    if (EXECUTABLE.has(node.localName)) found.push(`${where}: executable element`);
    for (const attribute of node.getAttributeNames()) {
      if (attribute.startsWith('on') || attribute === 'srcdoc') found.push(`${where} has ${attribute}`);
    }
    if (node.localName === 'img' && node.getAttribute('src') === 'x') found.push(`a payload's <img>`);
    if (node.localName === 'circle' && node.getAttribute('r') === '9') found.push(`a payload's <svg>`);
    for (const name of URL_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value !== null && /^(javascript|data|vbscript):/.test(schemeOf(value)))
        found.push(`${where} ${name}="${value}"`);
    }
    if (node instanceof HTMLAnchorElement && node.hasAttribute('href') && node.protocol === 'javascript:') {
      found.push(`${where} href="${node.getAttribute('href')}"`);
    }
  }
  return found;
}

/**
 * Nothing of the data became markup: no script or frame, no event handler attribute, no payload's <img>, <svg> or
 * lit-html marker, no javascript: URL; nothing ran. Returns the widget's text, to look for the payloads in.
 */
function expectInert(el: Element): string {
  expect('__xss' in window, 'a payload ran').to.equal(false);
  const nodes = [...nodesOf(shadow(el))];
  expect(nodes.length, `${el.localName} rendered nothing to check`).to.be.greaterThan(0);
  expect(markupFound(nodes), `markup made of data in ${el.localName}`).to.deep.equal([]);
  return shownText(el);
}

/** Every payload is there as text, `times` times at least (one per hostile field shown). */
function expectShown(text: string, times: number, what: string): void {
  expect(count(text, HOSTILE_TEXT), `${what}: the hostile text as text`).to.be.at.least(times);
}

/** Lets a payload that got in but acts late (an <img>'s error, a frame's load) act, then checks that none ran. */
async function nothingRan(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect('__xss' in window, 'a payload ran').to.equal(false);
}

// Each test on its own: a payload that ran in one must not fail the next.
beforeEach(() => {
  delete (window as { __xss?: unknown }).__xss;
});

// ---------------------------------------------------------------------------------------------------------------

describe('hostile texts stay text in every widget', () => {
  it('smec-catalog in smec-root: cards, facets and the detail with its five publics and contacts', async () => {
    const root = await fixture(html`<smec-root api-base=${API}><smec-catalog no-url-state></smec-catalog></smec-root>`);
    const el = root.querySelector<SmecCatalog>('smec-catalog')!;
    await results(el);
    expect(shadow(root).querySelectorAll('*').length, 'smec-root shows only its slot').to.equal(1);
    const cards = parts(el, 'card');
    expect(cards).to.have.length(12);
    for (const card of cards) {
      expect(card.querySelector('[part~="card-title"]')?.textContent?.trim()).to.equal(HOSTILE_TEXT);
      expect(card.querySelector('.card-provider')?.textContent?.trim()).to.equal(HOSTILE_TEXT);
      expect(card.querySelector('.tag')?.textContent).to.include(HOSTILE_TEXT);
    }
    const city = shadow(el).querySelector('#smec-city option[value="440600"]');
    expect(city?.textContent).to.include(`佛山市 ${HOSTILE_TEXT}`);
    // Titles, providers and category tags of 12 cards, the category facet's 12 names, the city.
    expectShown(expectInert(el), 12 * 3 + 12 + 1, 'catalog list');

    // One detail per spelling of the javascript: scheme in the providers' websites.
    const products = (await get<{ items: { id: string }[] }>('/products?limit=40')).items;
    const seen = new Set<string>();
    for (const { id } of products) {
      const product = await get<ServiceProductDetail>(`/products/${id}`);
      const website = product.providerDetail.website ?? '';
      if (seen.has(website)) continue;
      seen.add(website);
      // Back to the list first: every provider's texts are alike, so only a fresh detail tells that it loaded.
      el.product = undefined;
      await waitUntil(() => !part(el, 'detail'), 'the detail did not close');
      el.product = id;
      await waitUntil(
        () => part(el, 'detail')?.querySelector('a[href^="mailto:"]'),
        `the detail of ${id} never loaded`,
        LAZY_VIEW,
      );
      const shown = part(el, 'detail')!;
      expect(shown.querySelector('h2')?.textContent?.trim()).to.equal(HOSTILE_TEXT);
      // Title, provider, category, summary, function, a process step's title and description, standard, fee note,
      // suitable for, and the provider's name, contact, address, phone and e-mail.
      expectShown(expectInert(el), 15, `detail of ${id}`);
      const steps = [...shown.querySelectorAll('ol.steps li')].map((step) => step.textContent);
      expect(steps[1]).to.include(PAYLOADS[6]).and.include(PAYLOADS[1]);
      expect(shown.querySelector('a[href^="mailto:"]')?.textContent).to.equal(product.providerDetail.email);
      expect(shown.querySelector('a[target="_blank"]')?.getAttribute('href') ?? null, 'the website link').to.equal(
        null,
      );
    }
    expect([...seen].sort()).to.deep.equal([...JAVASCRIPT_URLS].sort());
    await nothingRan();
  });

  it('smec-demand-form: what anyone submits is stored as sent, and its lookup shows title, matches and notes', async () => {
    const phone = '13912345678';
    const input = {
      enterprise: { uscc: '91440604MA51K8QX3Q', name: WRITTEN.enterpriseName },
      contact: { name: WRITTEN.contactName, phone },
      regionCode: '440604',
      categoryId: 'legal',
      title: WRITTEN.title,
      description: HOSTILE_TEXT,
      budget: 'negotiable',
      consent: true,
    };
    const submitted = await call<Demand>('POST', '/demands', { body: input });
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
    const admin = await tokenOf('usr-admin-440600');
    const provider = (await get<{ items: { id: string }[] }>('/providers?region=440600&limit=1')).items[0]!;
    const { id, trackingNo } = submitted.body;
    for (const move of [
      { action: 'accept', note: WRITTEN.acceptNote },
      {
        action: 'match',
        matches: [{ providerId: provider.id, note: WRITTEN.matchNote }],
        note: HOSTILE_TEXT.slice(0, 200),
      },
    ]) {
      const moved = await call<Demand>('POST', `/demands/${id}/transitions`, { token: admin, body: move });
      expect(moved.status, JSON.stringify(moved.body)).to.equal(200);
    }
    // Byte for byte, as stored: neither cleaned nor escaped.
    const stored = await get<Demand>(`/demands/${id}`, admin);
    expect(stored.title).to.equal(WRITTEN.title);
    expect(stored.description).to.equal(HOSTILE_TEXT);
    expect(stored.enterprise.name).to.equal(WRITTEN.enterpriseName);
    expect(stored.contact.name).to.equal(WRITTEN.contactName);
    expect(stored.timeline.map((entry) => entry.note)).to.deep.equal([
      null,
      WRITTEN.acceptNote,
      HOSTILE_TEXT.slice(0, 200),
    ]);
    expect(stored.matches[0]).to.include({ providerName: HOSTILE_TEXT, note: WRITTEN.matchNote });
    const view = await get<DemandStatusView>(`/demands/lookup?${new URLSearchParams({ trackingNo, phone })}`);
    expect(view.title).to.equal(WRITTEN.title);

    const el = await fixture<SmecDemandForm>(
      html`<smec-demand-form api-base=${API} mode="lookup" no-draft></smec-demand-form>`,
    );
    await lookupReady(el);
    await set(el, 'trackingNo', trackingNo);
    await set(el, 'phone', phone);
    part(el, 'submit-button')!.click();
    await waitUntil(() => part(el, 'status-view'), 'the demand was not found', LAZY_VIEW);
    const status = part(el, 'status-view')!;
    await waitUntil(() => status.textContent?.includes(`法律服务 ${HOSTILE_TEXT}`), 'no category name', LAZY_VIEW);
    expect(status.querySelector('h2')?.textContent?.trim()).to.equal(WRITTEN.title);
    const text = expectInert(el);
    for (const written of [WRITTEN.acceptNote, WRITTEN.matchNote, HOSTILE_TEXT.slice(0, 200)]) {
      expect(text).to.include(written);
    }
    // The provider's name, the category and the district.
    expectShown(text, 3, 'demand lookup');
    await nothingRan();
  });

  it('smec-event-calendar: titles, organizers, venues, descriptions; online addresses never become links', async () => {
    const token = await tokenOf('usr-ent-07');
    const day = (offset: number) => beijingDate(new Date(Date.now() + offset * 86_400_000).toISOString());
    const upcoming = await all<ServiceEvent>(`/events?from=${day(0)}&to=${day(42)}`);
    const venue = upcoming.find((event) => event.venue !== null && registrationOpen(event) && event.seatsLeft > 0);
    if (!venue) throw new Error('the seed has no event with a venue open for registration in the coming six weeks');
    const registered = await call<Registration>('POST', `/events/${venue.id}/registrations`, {
      token,
      body: { attendeeName: WRITTEN.attendeeName },
    });
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    expect(registered.body.attendeeName).to.equal(WRITTEN.attendeeName);

    const month = beijingDate(venue.startsAt).slice(0, 7);
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
    const events = await all<ServiceEvent>(`/events?from=${month}-01&to=${last}`);
    const root = await fixture(
      html`<smec-root api-base=${API} .getToken=${() => token}>
        <smec-event-calendar view="list" month=${month}></smec-event-calendar>
      </smec-root>`,
    );
    const el = root.querySelector('smec-event-calendar')!;
    await loaded(el);
    const listed = parts(el, 'event');
    // An event of several days is listed under each of them.
    expect(listed.length).to.equal(shownInMonth(events, month).entries);
    for (const item of listed) expect(item.querySelector('.event-title')?.textContent).to.equal(HOSTILE_TEXT);
    expectShown(expectInert(el), listed.length, 'event list');

    // The event registered for, and one online event per spelling of the javascript: scheme.
    const online = new Map(events.flatMap((event) => (event.onlineUrl === null ? [] : [[event.onlineUrl, event]])));
    expect([...online.keys()].sort()).to.deep.equal([...JAVASCRIPT_URLS].sort());
    for (const event of [venue, ...online.values()]) {
      shadow(el).querySelector<HTMLElement>(`[part~="event"][data-event-id="${event.id}"]`)!.click();
      await waitUntil(() => detail(el)?.querySelector('.description'), `${event.id} did not open`, LAZY_VIEW);
      const shown = detail(el)!;
      expect(shown.querySelector('h2')?.textContent).to.equal(HOSTILE_TEXT);
      // Title, organizer, description, and the venue when it has one.
      expectShown(expectInert(el), event.venue === null ? 3 : 4, `detail of ${event.id}`);
      // The online fact shows the URL as text exactly when the event has one (and none for the venue's event).
      const onlineTerm = [...shown.querySelectorAll('dt')].find((term) => term.textContent?.includes('线上参与'));
      expect(onlineTerm === undefined, 'an online fact without an online URL').to.equal(event.onlineUrl === null);
      expect(onlineTerm?.nextElementSibling?.textContent ?? '').to.include(event.onlineUrl ?? '');
      if (event === venue) {
        await waitUntil(() => shown.querySelector('.registered'), 'the registration was not recognised', LAZY_VIEW);
        expectInert(el);
      }
      shown.querySelector<HTMLButtonElement>('.dialog-head button')!.click();
      await waitUntil(() => !detail(el), 'the detail did not close');
    }
    await nothingRan();
  });

  it('smec-voucher-wallet in smec-root: batches, vouchers, histories, engagements, and the products to use one on', async () => {
    const token = await tokenOf('usr-ent-02');
    const root = await fixture(
      html`<smec-root api-base=${API} .getToken=${() => token}><smec-voucher-wallet></smec-voucher-wallet></smec-root>`,
    );
    const el = root.querySelector('smec-voucher-wallet')!;
    await waitUntil(
      () => part(el, 'vouchers') && part(el, 'batch') && part(el, 'engagement'),
      'the wallet never loaded',
      { timeout: 10000 },
    );
    const vouchers = parts(el, 'voucher');
    const batches = parts(el, 'batch');
    const engagements = parts(el, 'engagement');
    expect(vouchers.length).to.be.greaterThan(0);
    for (const card of [...vouchers, ...batches]) expect(card.querySelector('h4')?.textContent).to.equal(HOSTILE_TEXT);
    for (const card of engagements) expect(card.querySelector('h4')?.textContent).to.equal(HOSTILE_TEXT);
    const history = (await get<{ items: { history: unknown[] }[] }>('/me/vouchers?limit=100', token)).items;
    const entries = history.reduce((sum, voucher) => sum + voucher.history.length, 0);
    // Each voucher: batch name, issuer, and a note and an actor per history entry; each batch: name and issuer; each
    // engagement: product and provider.
    expectShown(
      expectInert(el),
      vouchers.length * 2 + entries * 2 + batches.length * 2 + engagements.length * 2,
      'wallet',
    );

    const issued = vouchers.find((card) => card.querySelector('[part~="use-button"]'));
    if (!issued) throw new Error('usr-ent-02 has no voucher to use in the seed');
    issued.querySelector<HTMLButtonElement>('[part~="use-button"]')!.click();
    await waitUntil(() => shadow(el).querySelector('input[name="smec-product"]'), 'no product to choose', LAZY_VIEW);
    const choices = [...shadow(el).querySelectorAll('input[name="smec-product"]')].map((input) =>
      input.closest('label'),
    );
    expect(choices.length).to.be.greaterThan(0);
    for (const choice of choices) expect(choice?.textContent).to.include(HOSTILE_TEXT);
    expectInert(el);
    expect(shadow(root).querySelectorAll('*').length, 'smec-root shows only its slot').to.equal(1);
    await nothingRan();
  });

  it('smec-feedback-rating: a comment and the provider’s answer are stored as sent and shown as text', async () => {
    const [enterprise, provider] = await Promise.all([tokenOf('usr-ent-07'), tokenOf('usr-prv-03')]);
    const [providerId] = (await get<{ items: Engagement[] }>('/engagements?limit=1', provider)).items.map(
      (e) => e.providerId,
    );
    const mine = [
      ...(await get<{ items: Engagement[] }>('/engagements?status=delivered&limit=100', enterprise)).items,
      ...(await get<{ items: Engagement[] }>('/engagements?status=closed&limit=100', enterprise)).items,
    ];
    const engagement = mine.find((e) => e.providerId === providerId && e.acceptedAt !== null && e.ratingId === null);
    if (!engagement) throw new Error('usr-ent-07 has no unrated engagement with usr-prv-03 in the seed');
    const scores = {
      attitude: 2,
      expertise: 2,
      conduct: 2,
      fulfilment: 2,
      quality: 2,
      value: 2,
      usefulness: 2,
      afterSales: 2,
    };
    const rated = await call<Rating>('POST', `/engagements/${engagement.id}/rating`, {
      token: enterprise,
      body: { scores, level: 'veryDissatisfied', solved: false, comment: WRITTEN.comment },
    });
    expect(rated.status, JSON.stringify(rated.body)).to.equal(201);
    expect(rated.body.comment).to.equal(WRITTEN.comment);
    const answered = await call<Rating>('POST', `/ratings/${rated.body.id}/follow-up/answers`, {
      token: provider,
      body: { text: WRITTEN.answer },
    });
    expect(answered.status, JSON.stringify(answered.body)).to.equal(200);
    const stored = await get<Rating>(`/engagements/${engagement.id}/rating`, enterprise);
    expect(stored.comment).to.equal(WRITTEN.comment);
    expect(stored.followUp?.answers.map((answer) => answer.text)).to.deep.equal([WRITTEN.answer]);

    const result = await fixture(
      html`<smec-feedback-rating
        api-base=${API}
        engagement-id=${engagement.id}
        .getToken=${() => enterprise}
      ></smec-feedback-rating>`,
    );
    await waitUntil(() => shownText(result).includes(WRITTEN.answer), 'the rating never showed', LAZY_VIEW);
    const own = expectInert(result);
    expect(own).to.include(WRITTEN.comment);

    const show = await fixture(
      html`<smec-feedback-rating api-base=${API} provider-id=${providerId!}></smec-feedback-rating>`,
    );
    await waitUntil(() => part(show, 'rating'), 'the ratings never showed', LAZY_VIEW);
    const first = part(show, 'rating')!;
    expect(first.dataset['ratingId']).to.equal(rated.body.id);
    expect(first.querySelector('.comment')?.textContent).to.equal(WRITTEN.comment);
    expect(first.querySelector('[part~="answer"]')?.textContent).to.include(WRITTEN.answer);
    // Each rating: the product, the comment and the enterprise's label (seeded) or the answer (ours).
    expectShown(expectInert(show), parts(show, 'rating').length * 2, 'public ratings');
    await nothingRan();
  });

  it('smec-policy-list: titles, issuers, numbers, summaries; a javascript: address never becomes the full-text link', async () => {
    const page = await get<PolicyPage>('/policies?region=440604&limit=10');
    const el = await fixture(html`<smec-policy-list api-base=${API} region="440604"></smec-policy-list>`);
    await waitUntil(() => /^共 [\d,]+ 项政策$/.test(statusText(el)), `no list (status "${statusText(el)}")`, {
      timeout: 10000,
    });
    const titles = parts(el, 'item-title');
    expect(titles.map((title) => title.textContent?.trim())).to.deep.equal(page.items.map(() => HOSTILE_TEXT));
    // Each: title, number, issuer, and the region (the district's, Foshan's or the province's: all three hostile).
    expectShown(expectInert(el), titles.length * 4, 'policy list');

    const seen = new Set<string>();
    for (const policy of page.items) {
      if (seen.has(policy.url)) continue;
      seen.add(policy.url);
      shadow(el).querySelector<HTMLButtonElement>(`#smec-pl-item-${policy.id}`)!.click();
      await waitUntil(() => part(el, 'summary'), 'the policy did not open', LAZY_VIEW);
      expect(part(el, 'summary')?.textContent?.trim()).to.equal(HOSTILE_TEXT);
      // An element in a failed assertion would be serialised whole: compare its address instead.
      expect(part(el, 'full-text')?.getAttribute('href') ?? null, 'the full-text link').to.equal(null);
      // Title, number, issuer, region, summary, and a category name per button to its services.
      expectShown(expectInert(el), 5 + policy.categoryIds.length, `policy ${policy.id}`);
      part<HTMLButtonElement>(el, 'back-button')!.click();
      await waitUntil(() => !part(el, 'summary'), 'the policy did not close');
    }
    expect([...seen].sort()).to.deep.equal([...JAVASCRIPT_URLS].sort());
    await nothingRan();
  });

  it('smec-public-notice: the applicants’ names and categories, in the list, the objection form and its confirmation', async () => {
    const page = await get<PublicNoticePage>('/public-notices?limit=10');
    expect(page.items.length).to.be.greaterThan(0);
    const el = await fixture(html`<smec-public-notice api-base=${API}></smec-public-notice>`);
    await waitUntil(() => parts(el, 'item').length === page.items.length, 'no notices', LAZY_VIEW);
    expect(parts(el, 'item-title').map((title) => title.textContent?.trim())).to.deep.equal(
      page.items.map(() => HOSTILE_TEXT),
    );
    // Each: its name and every category's name.
    const shown = page.items.reduce((sum, notice) => sum + 1 + notice.categories.length, 0);
    expectShown(expectInert(el), shown, 'public notice');

    parts<HTMLButtonElement>(el, 'object-button')[0]!.click();
    await waitUntil(() => part(el, 'form-heading'), 'the form did not open', LAZY_VIEW);
    expectShown(expectInert(el), 1, 'objection form');
    for (const [name, value] of [
      ['name', '陈先生'],
      ['mobile', '13900139004'],
      ['reason', `${PAYLOADS[0]} ${PAYLOADS[1]}`],
    ] as const) {
      const field = shadow(el).querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await waitUntil(() => part(el, 'confirmation'), 'no confirmation', LAZY_VIEW);
    expectShown(expectInert(el), 1, 'objection confirmation');
    await nothingRan();
  });

  it('smec-center-scorecard: the region names in the heading and the comparison', async () => {
    const el = await fixture(
      html`<smec-center-scorecard api-base=${API} region="440604" year="2026"></smec-center-scorecard>`,
    );
    await waitUntil(() => part(el, 'figures') || part(el, 'error'), 'nothing shown', { timeout: 10000 });
    expect(part(el, 'heading')?.textContent).to.include(HOSTILE_TEXT);
    expect(part<HTMLTableElement>(el, 'comparison')?.caption?.textContent).to.include(HOSTILE_TEXT);
    // The heading, the caption, both column heads and the share's.
    expectShown(expectInert(el), 5, 'scorecard');
    await nothingRan();
  });

  it('smec-provider-application: its own texts, the reviewer’s note, the categories and regions, and the lookup', async () => {
    const client = createClient({ baseUrl: API });
    const licence = await client.files.upload(pngFile());
    const values = validOrganisation();
    const application = await client.providerApplications.create({
      organisation: {
        name: `测试${PAYLOADS[3]}`,
        uscc: values.uscc,
        orgType: 'partnership',
        legalRepresentative: '<svg onload=__xss=1>',
        foundedOn: values.foundedOn,
        address: `${PAYLOADS[1]}${PAYLOADS[2]}`,
        regionCode: '440604',
      },
      scope: {
        categoryIds: ['legal'],
        regionsServed: ['440600'],
        acceptsVouchers: true,
        staff: 26,
        professionalStaff: 18,
        description: HOSTILE_TEXT,
      },
      contact: { name: '<img src=x onerror=__xss=1>', mobile: values.mobile, email: values.email },
      files: { licence: { id: licence.id, key: licence.key }, certificates: [] },
    });
    const token = await tokenOf('usr-admin-440000');
    const note = `${PAYLOADS[0]} ${PAYLOADS[4]} ${PAYLOADS[5]} ${PAYLOADS[6]}`;
    const admin = createClient({ baseUrl: API, getToken: () => token });
    await admin.providerApplications.transition(application.id, {
      action: 'requestChanges',
      notes: [{ field: 'scope.description', note }],
    });
    history.replaceState(null, '', `#smec-resume=${application.applicationNo}.${application.resumeKey}`);
    try {
      const el = await fixture(html`<smec-provider-application api-base=${API} no-draft></smec-provider-application>`);
      await waitUntil(
        () => shadow(el).querySelector('[name="description"]'),
        'the application did not open',
        LAZY_VIEW,
      );
      expect(shadow(el).querySelector('#smec-df-description-hint')?.textContent).to.include(note);
      expectInert(el);
      for (let step = 0; step < 3; step++) {
        part(el, 'next-button')!.click();
        await waitUntil(() => !part(el, 'error-summary'), 'a step was refused');
      }
      await waitUntil(() => part(el, 'review-section'), 'no review', LAZY_VIEW);
      // The description, its category, its region and the region served.
      expectShown(expectInert(el), 4, 'application review');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
    const lookup = await fixture<SmecProviderApplication>(
      html`<smec-provider-application api-base=${API} mode="lookup" no-draft></smec-provider-application>`,
    );
    await waitUntil(() => shadow(lookup).querySelector('[name="phone"]'), 'no lookup', LAZY_VIEW);
    await setControl(lookup, 'applicationNo', application.applicationNo);
    await setControl(lookup, 'phone', values.mobile);
    part(lookup, 'submit-button')!.click();
    await waitUntil(() => part(lookup, 'status-view'), 'no status', LAZY_VIEW);
    expect(part(lookup, 'notes')?.textContent).to.include(note);
    // Its category and its region.
    expectShown(expectInert(lookup), 2, 'application status');
    await nothingRan();
  });
});
