import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/smec-event-calendar.js';
import type { SmecEventCalendar } from '../src/index.js';
import {
  beijingMonth,
  beijingTime,
  beijingToday,
  busyFoshanDay,
  button,
  cell,
  detail,
  focusedDate,
  loaded,
  monthTitle,
  seededEvents,
  shownInMonth,
} from './event-helpers.js';
import { API, part, parts, shadow, statusText } from './helpers.js';

describe('smec-event-calendar', () => {
  it('shows a month grid from Monday with Chinese weekday names and today marked', async () => {
    const el = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar api-base=${API} view="month"></smec-event-calendar>`,
    );
    await loaded(el);
    const grid = part(el, 'grid')!;
    expect(grid.getAttribute('role')).to.equal('grid');
    const headers = [...grid.querySelectorAll('[role="columnheader"]')];
    expect(headers.map((h) => h.textContent?.trim())).to.deep.equal(['一', '二', '三', '四', '五', '六', '日']);
    expect(headers.map((h) => h.getAttribute('aria-label'))).to.deep.equal([
      '星期一',
      '星期二',
      '星期三',
      '星期四',
      '星期五',
      '星期六',
      '星期日',
    ]);
    // The first of the month sits under its own weekday, Monday first.
    const today = beijingToday();
    const first = `${today.slice(0, 7)}-01`;
    const firstWeekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
    const firstRow = grid.querySelectorAll('[role="row"]')[1]!;
    expect(firstRow.querySelectorAll('[role="gridcell"]')[firstWeekday]?.getAttribute('data-date')).to.equal(first);

    const todayCell = cell(el, today);
    expect(todayCell.getAttribute('aria-current')).to.equal('date');
    expect(todayCell.getAttribute('part')).to.include('today');
    expect(todayCell.textContent).to.include('今天');
    expect(parts(el, 'today')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('moves between months with previous / next / today and announces each month', async () => {
    const el = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar api-base=${API} view="month" month=${beijingMonth(1).key}></smec-event-calendar>`,
    );
    await loaded(el);
    const title = part(el, 'month-title')!;
    expect(title.getAttribute('aria-live')).to.equal('polite');
    expect(monthTitle(el)).to.equal(beijingMonth(1).zh);

    button(el, '上个月').click();
    await el.updateComplete;
    expect(monthTitle(el)).to.equal(beijingMonth(0).zh);
    expect(shadow(el).querySelector(`[data-date="${beijingMonth(0).last}"]`)).to.not.equal(null);
    await loaded(el);

    button(el, '下个月').click();
    button(el, '下个月').click();
    await el.updateComplete;
    expect(monthTitle(el)).to.equal(beijingMonth(2).zh);

    button(el, '今天').click();
    await el.updateComplete;
    const [y, m] = beijingToday().split('-');
    expect(monthTitle(el)).to.equal(`${y}年${Number(m)}月`);
    expect(part(el, 'today')).to.not.equal(null);
  });

  it("opens every event of a busy Foshan day from its '+N' button", async () => {
    const busy = await busyFoshanDay();
    const el = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar
        api-base=${API}
        view="month"
        region="440600"
        month=${busy.date.slice(0, 7)}
      ></smec-event-calendar>`,
    );
    await loaded(el);
    const day = cell(el, busy.date);
    const shown = day.querySelectorAll('[part~="event"]').length;
    expect(shown).to.be.within(2, 3);
    const more = day.querySelector<HTMLButtonElement>('[part~="more-button"]')!;
    expect(more.textContent?.trim().startsWith(`+${busy.events.length - shown}，`)).to.equal(true);
    // Every target of the day is at least 24 px high (WCAG 2.2, 2.5.8), the '+N' button too.
    for (const target of day.querySelectorAll<HTMLElement>('[part~="event"], [part~="more-button"]')) {
      expect(target.getBoundingClientRect().height).to.be.at.least(24);
    }
    more.focus();
    more.click();
    await el.updateComplete;
    const dialog = shadow(el).querySelector<HTMLDialogElement>('dialog[part~="day-dialog"]')!;
    expect(dialog.open).to.equal(true);
    const ids = [...dialog.querySelectorAll<HTMLElement>('[part~="event"]')].map((b) => b.dataset['eventId']);
    expect(ids.sort()).to.deep.equal(busy.events.map((event) => event.id).sort());
    await expect(el).to.be.accessible();

    // Escape closes the dialog and gives the focus back to the '+N' button.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(el).querySelector('dialog'), 'the dialog stayed open');
    await waitUntil(() => shadow(el).activeElement === more, 'the focus did not go back to +N');
  });

  it('moves through the month with the arrow keys and opens an event with Enter', async () => {
    const busy = await busyFoshanDay();
    const month = busy.date.slice(0, 7);
    const el = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar api-base=${API} view="month" region="440600" month=${month}></smec-event-calendar>`,
    );
    await loaded(el);
    // One tab stop in the grid: the focused day.
    const stops = [...shadow(el).querySelectorAll('[role="gridcell"][tabindex="0"]')];
    expect(stops).to.have.length(1);
    const start = `${month}-01`;
    cell(el, start).focus();
    expect(focusedDate(el)).to.equal(start);

    await sendKeys({ press: 'ArrowRight' });
    expect(focusedDate(el)).to.equal(`${month}-02`);
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedDate(el)).to.equal(`${month}-09`);
    await sendKeys({ press: 'ArrowLeft' });
    expect(focusedDate(el)).to.equal(`${month}-08`);
    await sendKeys({ press: 'ArrowUp' });
    expect(focusedDate(el)).to.equal(`${month}-01`);
    // Home and End go to the Monday and the Sunday of the week (the 8th's week lies inside the month).
    await sendKeys({ press: 'ArrowDown' });
    const eighth = `${month}-08`;
    expect(focusedDate(el)).to.equal(eighth);
    const weekday = (new Date(`${eighth}T00:00:00Z`).getUTCDay() + 6) % 7;
    const dayOf = (n: number) => `${month}-${String(n).padStart(2, '0')}`;
    await sendKeys({ press: 'Home' });
    expect(focusedDate(el)).to.equal(dayOf(8 - weekday));
    await sendKeys({ press: 'End' });
    expect(focusedDate(el)).to.equal(dayOf(8 - weekday + 6));
    cell(el, start).focus();
    expect(shadow(el).querySelectorAll('[role="gridcell"][tabindex="0"]')).to.have.length(1);

    // Walk to the busy day with the arrow keys alone, crossing weeks.
    const target = Number(busy.date.slice(8));
    for (let day = 1; day + 7 <= target; day += 7) await sendKeys({ press: 'ArrowDown' });
    while (focusedDate(el) !== busy.date) await sendKeys({ press: 'ArrowRight' });
    expect(focusedDate(el)).to.equal(busy.date);

    // Enter on the day lists its events; Enter on one opens its detail.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = shadow(el).querySelector<HTMLDialogElement>('dialog[part~="day-dialog"]')!;
    expect(dialog.open).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const focused = shadow(el).activeElement as HTMLElement;
    expect(focused.getAttribute('part')).to.equal('event');
    const eventId = focused.dataset['eventId']!;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => detail(el)?.open, 'the detail did not open');
    const event = busy.events.find((candidate) => candidate.id === eventId)!;
    expect(detail(el)!.querySelector('h2')?.textContent?.trim()).to.equal(event.title);
    expect(shadow(el).activeElement?.id).to.equal('smec-detail-title');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !detail(el), 'the detail stayed open');
    await waitUntil(() => focusedDate(el) === busy.date, 'the focus did not return to the day');
  });

  it('crosses into the next month with the arrow keys', async () => {
    const [current, next] = [beijingMonth(0), beijingMonth(1)];
    const el = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar api-base=${API} view="month" month=${current.key}></smec-event-calendar>`,
    );
    await loaded(el);
    cell(el, current.last).focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(monthTitle(el)).to.equal(next.zh);
    await waitUntil(() => focusedDate(el) === next.first, 'the focus did not follow into the next month');
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(monthTitle(el)).to.equal(current.zh);
    await waitUntil(() => focusedDate(el) === current.first, 'PageUp did not move a month back');
  });

  it('lists the events by day, in order, in the list view', async () => {
    const month = beijingMonth(0).key;
    const el = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar api-base=${API} view="list" region="440600" month=${month}></smec-event-calendar>`,
    );
    await loaded(el);
    // An event of several days is listed under each of them and counted once.
    const { events: expected, entries } = shownInMonth(await seededEvents('440600'), month);
    const list = part(el, 'list')!;
    const buttons = [...list.querySelectorAll<HTMLElement>('[part~="event"]')];
    expect(buttons.length).to.equal(entries);
    expect(statusText(el)).to.equal(`本月共 ${expected.length} 个活动`);
    for (const day of list.querySelectorAll('.list-day')) {
      const starts = [...day.querySelectorAll<HTMLElement>('[part~="event"]')].map(
        (b) => expected.find((event) => event.id === b.dataset['eventId'])!.startsAt,
      );
      expect([...starts].sort((a, b) => Date.parse(a) - Date.parse(b))).to.deep.equal(starts);
    }
    const first = expected.find((event) => event.id === buttons[0]!.dataset['eventId'])!;
    expect(buttons[0]!.textContent).to.include(beijingTime(first.startsAt));
    const headings = [...list.querySelectorAll('h3')].map((h) => h.textContent?.trim() ?? '');
    expect(new Set(headings).size).to.equal(headings.length);
    await expect(el).to.be.accessible();
  });

  it('defaults to the list view when narrower than 40rem', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 360px">
        <smec-event-calendar api-base=${API} month=${beijingMonth(0).key}></smec-event-calendar>
      </div>`,
    );
    const el = wrapper.querySelector('smec-event-calendar')!;
    await loaded(el);
    await waitUntil(() => part(el, 'list') || statusText(el).includes('暂无'), 'no list view on a narrow screen');
    expect(part(el, 'grid')).to.equal(null);
    wrapper.style.width = '900px';
    await waitUntil(() => part(el, 'grid'), 'no month view on a wide screen');
  });

  it('filters by type and by region (city, then county)', async () => {
    const month = beijingMonth(0).key;
    const el = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar api-base=${API} view="list" month=${month}></smec-event-calendar>`,
    );
    await loaded(el);
    const selects = () => [...shadow(el).querySelectorAll('select')];
    const [typeSelect, citySelect] = selects();
    expect([...typeSelect!.options].map((o) => o.textContent?.trim())).to.deep.equal([
      '全部类型',
      '服务对接',
      '培训',
      '政策宣讲',
      '专家问诊',
    ]);
    await waitUntil(() => citySelect!.options.length > 20, 'no cities');
    expect([...citySelect!.options].map((o) => o.textContent?.trim())).to.include('佛山市');

    typeSelect!.value = 'training';
    typeSelect!.dispatchEvent(new Event('change'));
    citySelect!.value = '440600';
    citySelect!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await waitUntil(() => selects().length === 3, 'no county select');
    await loaded(el);
    const { entries: expected } = shownInMonth(
      (await seededEvents('440600')).filter((event) => event.type === 'training'),
      month,
    );
    await waitUntil(
      () => parts(el, 'event').length === expected && el.region === '440600' && el.type === 'training',
      `the filtered list never matched (${parts(el, 'event').length} vs ${expected})`,
    );
    const county = selects()[2]!;
    expect([...county.options].map((o) => o.textContent?.trim())).to.include('禅城区');
  });

  it('shows 「本月暂无活动」 for a month without events', async () => {
    const el = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar api-base=${API} view="month" month="2019-03"></smec-event-calendar>`,
    );
    await loaded(el);
    expect(statusText(el)).to.equal('本月暂无活动');
    await expect(el).to.be.accessible();
    el.view = 'list';
    await el.updateComplete;
    expect(shadow(el).querySelector('.empty')?.textContent?.trim()).to.equal('本月暂无活动');
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar
        api-base=${API}
        view="month"
        month=${beijingMonth(0).key}
        lang="en"
      ></smec-event-calendar>`,
    );
    await waitUntil(() => monthTitle(el) === beijingMonth(0).en, `title: ${monthTitle(el)}`);
    await loaded(el);
    const headers = [...shadow(el).querySelectorAll('[role="columnheader"]')].map((h) => h.textContent?.trim());
    expect(headers[0]).to.equal('Mon');
    expect(headers[6]).to.equal('Sun');
  });
});
