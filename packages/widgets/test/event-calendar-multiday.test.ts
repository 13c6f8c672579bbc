// An event of several days is on every day it runs, in the month grid and the list, and counted once: the test
// server has a training from the last day of this month (09:00) to the 2nd of the next (17:00),
// test-support/multi-day-event.ts.
import { expect, fixture, html } from '@open-wc/testing';
import type { ServiceEvent } from '@smec/schemas';
import '../src/define/smec-event-calendar.js';
import type { SmecEventCalendar } from '../src/index.js';
import { beijingDate, beijingMonth, cell, listEvents, loaded } from './event-helpers.js';
import { API, shadow, statusText } from './helpers.js';

const ID = 'evt-test-multiday';

async function multiDayEvent(): Promise<ServiceEvent> {
  const response = await fetch(`${API}/events/${ID}`);
  expect(response.status, 'the test server has the event of three days').to.equal(200);
  return (await response.json()) as ServiceEvent;
}

function chipIn(el: Element, date: string): HTMLElement | null {
  return cell(el, date).querySelector<HTMLElement>(`[data-event-id="${ID}"]`);
}

function listDay(el: Element, date: string): HTMLElement | undefined {
  const day = Number(date.slice(8));
  return [...shadow(el).querySelectorAll<HTMLElement>('.list-day')].find((item) =>
    item.querySelector('.list-date')?.textContent?.includes(`${day}日`),
  );
}

describe('smec-event-calendar: an event of several days', () => {
  it('is on each of its days in the next month’s grid, marked as continuing, and counted once', async () => {
    const event = await multiDayEvent();
    const next = beijingMonth(1);
    expect(beijingDate(event.startsAt)).to.equal(beijingMonth(0).last);
    expect(beijingDate(event.endsAt)).to.equal(`${next.key}-02`);

    const el = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar api-base=${API} view="month" region="440600" month=${next.key}></smec-event-calendar>`,
    );
    await loaded(el);
    for (const date of [`${next.key}-01`, `${next.key}-02`]) {
      const chip = chipIn(el, date);
      expect(chip, `on ${date}`).to.not.equal(null);
      expect(chip!.querySelector('.event-time')?.textContent?.trim()).to.equal('续');
    }
    expect(chipIn(el, `${next.key}-03`), 'not after its last day').to.equal(null);

    const listed = await listEvents({ from: next.first, to: next.last, region: '440600' });
    expect(listed.map((item) => item.id)).to.include(ID);
    expect(statusText(el)).to.include(`本月共 ${new Intl.NumberFormat('zh-CN').format(listed.length)} 个活动`);
    await expect(el).to.be.accessible();
  });

  it('starts on the last day of this month with its start time, and the list gives its first and last days', async () => {
    const event = await multiDayEvent();
    const month = beijingMonth(0);
    const grid = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar api-base=${API} view="month" region="440600" month=${month.key}></smec-event-calendar>`,
    );
    await loaded(grid);
    const days = [...shadow(grid).querySelectorAll<HTMLElement>('[role="gridcell"][data-date]')];
    const withChip = days.filter((day) => day.querySelector(`[data-event-id="${ID}"]`));
    // On the last day it may sit behind the day's "+N" when that day is busy; it is on no other day of this month.
    expect(withChip.map((day) => day.dataset['date']).filter((date) => date !== month.last)).to.deep.equal([]);

    const list = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar api-base=${API} view="list" region="440600" month=${month.key}></smec-event-calendar>`,
    );
    await loaded(list);
    const item = listDay(list, month.last)?.querySelector<HTMLElement>(`[data-event-id="${ID}"]`) ?? null;
    expect(item, `listed on ${month.last}`).to.not.equal(null);
    const time = item!.querySelector('.event-time')?.textContent ?? '';
    expect(time).to.include('09:00').and.to.include('17:00');
    expect(time)
      .to.include(`${Number(month.last.slice(8))}日`)
      .and.to.include('2日');
    expect(event.title).to.equal(item!.querySelector('.event-title')?.textContent?.trim());

    const nextList = await fixture<SmecEventCalendar>(
      html`<smec-event-calendar
        api-base=${API}
        view="list"
        region="440600"
        month=${beijingMonth(1).key}
      ></smec-event-calendar>`,
    );
    await loaded(nextList);
    for (const date of [`${beijingMonth(1).key}-01`, `${beijingMonth(1).key}-02`]) {
      expect(
        listDay(nextList, date)?.querySelector(`[data-event-id="${ID}"]`) ?? null,
        `listed on ${date}`,
      ).to.not.equal(null);
    }
  });
});
