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

async function openClinic(lang: string) {
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
  await waitUntil(() => detail(el)?.querySelector('[part~="experts"]'), 'the clinic shows no experts', LAZY_VIEW);
  return { el, names, shown: detail(el)!.querySelector('[part~="experts"]')!.textContent!.trim() };
}

describe('smec-event-calendar: an expert clinic names its experts', () => {
  it('lists them in the detail, in the organiser’s order, with the Chinese enumeration comma', async () => {
    const { el, names, shown } = await openClinic('zh-CN');
    expect(names.length, 'a seeded clinic names two to four experts').to.be.within(2, 4);
    expect(shown).to.equal(names.join('、'));
    await expect(el).to.be.accessible();
  });

  it('in English, under an English heading and separated by commas', async () => {
    const { names, shown, el } = await openClinic('en');
    expect(shown).to.equal(names.join(', '));
    const term = detail(el)!.querySelector('[part~="experts"]')!.previousElementSibling!;
    expect(term.textContent!.trim()).to.equal('Experts');
  });
});
