import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ServiceEvent } from '@smec/schemas';
import '../src/define/smec-event-calendar.js';
import type { SmecEventCalendar } from '../src/index.js';
import { detail, loaded, seededEvents } from './event-helpers.js';
import { API, LAZY_VIEW, shadow } from './helpers.js';

/** A seeded expert clinic of the seed's span, with the experts its own answer names. */
async function seededClinic(): Promise<{ event: ServiceEvent; names: string[] }> {
  const clinic = (await seededEvents()).find((event) => event.type === 'expertClinic');
  if (!clinic) throw new Error('the seed has no expert clinic');
  const event = (await (await fetch(`${API}/events/${clinic.id}`)).json()) as ServiceEvent;
  return { event, names: (event.experts ?? []).map((expert) => expert.name) };
}

function expertsHeading(el: SmecEventCalendar): string | undefined {
  return detail(el)?.querySelector('[part~="experts"]')?.previousElementSibling?.textContent?.trim();
}

/** The clinic's detail once its experts are shown under `heading` (the English texts arrive after the first paint). */
async function openClinic(lang: string, heading: string) {
  const { event, names } = await seededClinic();
  const el = await fixture<SmecEventCalendar>(
    html`<smec-event-calendar
      api-base=${API}
      lang=${lang}
      view="list"
      region=${event.regionCode}
      month=${event.startsAt.slice(0, 7)}
    ></smec-event-calendar>`,
  );
  await loaded(el);
  shadow(el).querySelector<HTMLElement>(`[part~="event"][data-event-id="${event.id}"]`)!.click();
  await waitUntil(() => expertsHeading(el) === heading, `the clinic shows no experts under ${heading}`, LAZY_VIEW);
  return { el, names, shown: detail(el)!.querySelector('[part~="experts"]')!.textContent!.trim() };
}

describe('smec-event-calendar: an expert clinic names its experts', () => {
  it('lists them in the detail, in the organiser’s order, with the Chinese enumeration comma', async () => {
    const { el, names, shown } = await openClinic('zh-CN', '坐诊专家');
    expect(names.length, 'a seeded clinic names two to four experts').to.be.within(2, 4);
    expect(shown).to.equal(names.join('、'));
    await expect(el).to.be.accessible();
  });

  it('in English, under an English heading and separated by commas', async () => {
    const { names, shown } = await openClinic('en', 'Experts');
    expect(shown).to.equal(names.join(', '));
  });
});
