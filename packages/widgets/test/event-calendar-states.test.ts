import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createClient } from '@smec/sdk';
import '../src/define/smec-event-calendar.js';
import '../src/define/smec-root.js';
import type { SmecErrorEvent, SmecEventCalendar } from '../src/index.js';
import { beijingMonth, busyFoshanDay, detail, loaded } from './event-helpers.js';
import { API, CLOSED_API, part, shadow, statusText } from './helpers.js';

/** A client whose requests wait until `release()` is called, to hold the calendar in its loading state. */
function gatedClient() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const client = createClient({
    baseUrl: API,
    fetch: async (input, init) => {
      await gate;
      return fetch(input, init);
    },
  });
  return { client, release };
}

describe('smec-event-calendar states', () => {
  for (const view of ['month', 'list'] as const) {
    it(`${view} view: loading, then stalled, then the content, accessible in each`, async () => {
      const { client, release } = gatedClient();
      const root = await fixture(
        html`<smec-root .client=${client}
          ><smec-event-calendar
            view=${view}
            month=${beijingMonth(0).key}
            region="440600"
            stalled-after="300"
          ></smec-event-calendar
        ></smec-root>`,
      );
      const el = root.querySelector('smec-event-calendar')!;
      await el.updateComplete;
      expect(statusText(el)).to.equal('正在加载…');
      await expect(el).to.be.accessible();
      await waitUntil(() => statusText(el) === '加载较慢，请稍候…', 'never stalled', { timeout: 3000 });
      await expect(el).to.be.accessible();
      release();
      await loaded(el);
      expect(statusText(el)).to.match(/^本月共 \d+ 个活动$/);
      expect(part(el, view === 'month' ? 'grid' : 'list')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it(`${view} view: an error with a retry, accessible`, async () => {
      const el = await fixture<SmecEventCalendar>(
        html`<smec-event-calendar api-base=${CLOSED_API} view=${view} month="2026-12"></smec-event-calendar>`,
      );
      await waitUntil(() => part(el, 'error'), 'no error shown', { timeout: 15000 });
      expect(part(el, 'error')!.textContent).to.include('无法连接到服务平台');
      expect(part(el, 'error')!.closest('[role="alert"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
      // Pointing at the platform and retrying shows the month.
      el.apiBase = API;
      await loaded(el);
      expect(part(el, 'error')).to.equal(null);
    });

    it(`${view} view: an empty month, accessible`, async () => {
      const el = await fixture<SmecEventCalendar>(
        html`<smec-event-calendar api-base=${API} view=${view} month="2019-03"></smec-event-calendar>`,
      );
      await loaded(el);
      expect(statusText(el)).to.equal('本月暂无活动');
      await expect(el).to.be.accessible();
    });
  }

  it('fires smec-error when the month cannot be loaded, and retries from the button', async () => {
    const el = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar api-base=${CLOSED_API} view="month" month="2026-12"></smec-event-calendar>`,
    );
    await waitUntil(() => part(el, 'retry-button'), 'no retry button', { timeout: 15000 });
    const fired = oneEvent(el, 'smec-error');
    part(el, 'retry-button')!.click();
    const event = (await fired) as unknown as SmecErrorEvent;
    expect(event.operation).to.equal('events.list');
  });

  it('the detail is accessible, in the month and the list view', async () => {
    const busy = await busyFoshanDay();
    const event = busy.events[0]!;
    for (const view of ['month', 'list'] as const) {
      const el = await fixture<SmecEventCalendar>(
        html`<smec-event-calendar
          api-base=${API}
          view=${view}
          region="440600"
          month=${busy.date.slice(0, 7)}
        ></smec-event-calendar>`,
      );
      await loaded(el);
      shadow(el).querySelector<HTMLElement>(`[part~="event"][data-event-id="${event.id}"]`)!.click();
      await waitUntil(() => detail(el)?.open, 'the detail did not open');
      // The busy day may be past, when there is no action to offer (the registration tests check its prompt).
      await waitUntil(() => detail(el)!.querySelector('.facts'), 'no facts in the detail');
      await expect(el).to.be.accessible();
    }
  });
});
