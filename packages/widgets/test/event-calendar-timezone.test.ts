// Runs in the `timezone` group of web-test-runner.config.mjs: a Chromium launched with TZ=America/New_York.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/smec-event-calendar.js';
import type { SmecEventCalendar } from '../src/index.js';
import { beijingDate, beijingTime, detail, loaded, seededEvents } from './event-helpers.js';
import { API, shadow } from './helpers.js';

describe('smec-event-calendar in another time zone', () => {
  it('runs in America/New_York', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/New_York');
  });

  it('shows an event at 14:00 Beijing time as 14:00, on its Beijing date', async () => {
    const events = await seededEvents('440600');
    // On a quiet day (three events or fewer) the grid shows every event of the day, none behind its '+N' button.
    const onDay = (date: string) =>
      events.filter((e) => beijingDate(e.startsAt) <= date && beijingDate(e.endsAt) >= date).length;
    const event = events.find((e) => beijingTime(e.startsAt) === '14:00' && onDay(beijingDate(e.startsAt)) <= 3);
    if (!event) throw new Error('the seed has no event at 14:00 Beijing time on a quiet day');
    // 14:00 in Beijing is 01:00 (or 00:00 in summer) in New York: the visitor's zone would show another hour.
    const local = new Date(event.startsAt);
    expect(`${String(local.getHours()).padStart(2, '0')}:00`).to.not.equal('14:00');

    const date = beijingDate(event.startsAt);
    const el = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar
        api-base=${API}
        view="month"
        region="440600"
        month=${date.slice(0, 7)}
      ></smec-event-calendar>`,
    );
    await loaded(el);
    const day = shadow(el).querySelector<HTMLElement>(`[role="gridcell"][data-date="${date}"]`)!;
    const inGrid = day.querySelector<HTMLElement>(`[data-event-id="${event.id}"]`);
    expect(inGrid, 'the event in its day of the grid').to.not.equal(null);
    expect(inGrid!.textContent).to.include('14:00');

    el.view = 'list';
    await el.updateComplete;
    const listed = shadow(el).querySelector<HTMLElement>(`[part~="list"] [data-event-id="${event.id}"]`)!;
    expect(listed.textContent).to.include(`14:00–${beijingTime(event.endsAt)}`);
    expect(listed.closest('.list-day')?.querySelector('h3')?.textContent).to.include(
      `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`,
    );

    listed.click();
    await waitUntil(() => detail(el)?.open, 'the detail did not open');
    const time = [...detail(el)!.querySelectorAll('dt')].find((dt) => dt.textContent?.trim() === '时间');
    expect(time?.nextElementSibling?.textContent).to.include(`14:00–${beijingTime(event.endsAt)}`);
    expect(time?.nextElementSibling?.textContent).to.include('北京时间');
  });
});
