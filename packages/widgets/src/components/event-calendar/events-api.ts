import type { EventType, Region, Registration, ServiceEvent } from '@smec/schemas';
import { Events, Me, Regions as RegionsResource, isSmecUnauthorizedError } from '@smec/sdk/core';
import { useResources, type SmecClient } from '../../internal/client.js';
import { firstOfMonth, lastOfMonth } from './calendar-dates.js';

// The SDK calls this module makes (see internal/client.ts).
useResources({ events: Events, me: Me, regions: RegionsResource });

const PAGE_LIMIT = 100;
/** A month of one province's events fits in a few pages; the cap keeps a runaway cursor from looping. */
const MAX_PAGES = 10;

export interface MonthQuery {
  month: string;
  region: string | undefined;
  type: EventType | undefined;
}

/** Every event of a month (Asia/Shanghai dates), in start order. */
export async function loadMonth(client: SmecClient, query: MonthQuery, signal: AbortSignal): Promise<ServiceEvent[]> {
  const events: ServiceEvent[] = [];
  const params = {
    from: firstOfMonth(query.month),
    to: lastOfMonth(query.month),
    region: query.region,
    type: query.type,
    limit: PAGE_LIMIT,
  };
  let pages = 0;
  for await (const page of client.events.list(params, { signal }).pages()) {
    events.push(...page.items);
    if (++pages >= MAX_PAGES) break;
  }
  return events.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

export function loadEvent(client: SmecClient, id: string, signal: AbortSignal): Promise<ServiceEvent> {
  return client.events.get(id, { signal });
}

export interface Regions {
  cities: Region[];
  byCode: Map<string, Region>;
}

export async function loadRegions(client: SmecClient, signal: AbortSignal): Promise<Regions> {
  const { items } = await client.regions.list({}, { signal });
  return { cities: items.filter((region) => region.level === 'city'), byCode: new Map(items.map((r) => [r.code, r])) };
}

/**
 * The visitor's own registration for an event, or `null`; `undefined` when nobody is signed in (the platform
 * answers 401 without a token).
 */
export async function loadMyRegistration(
  client: SmecClient,
  eventId: string,
  signal: AbortSignal,
): Promise<Registration | null | undefined> {
  try {
    let pages = 0;
    for await (const page of client.me.registrations({ limit: PAGE_LIMIT }, { signal }).pages()) {
      const mine = page.items.find(
        (item) => item.eventId === eventId && (item.status === 'confirmed' || item.status === 'waitlisted'),
      );
      if (mine) {
        const { event: _event, ...registration } = mine;
        return registration;
      }
      if (++pages >= MAX_PAGES) break;
    }
    return null;
  } catch (error) {
    if (isSmecUnauthorizedError(error)) return undefined;
    throw error;
  }
}

export function register(client: SmecClient, eventId: string, signal: AbortSignal): Promise<Registration> {
  return client.events.register(eventId, {}, { signal });
}

export async function cancelRegistration(
  client: SmecClient,
  eventId: string,
  registrationId: string,
  signal: AbortSignal,
): Promise<void> {
  await client.events.cancelRegistration(eventId, registrationId, { signal });
}
