// Answers the event calendar's calls (GET /events, /events/{id}, /me/registrations, POST and DELETE of
// registrations) from ServiceEvent-shaped fixtures of the current month in Foshan, on top of the catalog fixtures
// (regions), so that the static Storybook build needs no server.
import type { EventType, MyRegistration, Registration, ServiceEvent } from '@smec/schemas';
import { createClient, type SmecClient } from '@smec/sdk/core';
import { FIXTURE_BASE_URL, createFixtureFetch } from './fixture-fetch.js';

/** `normal` answers; `loading` never answers; `error` fails as an unreachable platform; `empty` has no events. */
export type EventMode = 'normal' | 'loading' | 'error' | 'empty';
export const EVENT_MODES: readonly EventMode[] = ['normal', 'loading', 'error', 'empty'];

/** Who looks: nobody signed in, an enterprise, or an enterprise already registered for the full event. */
export type Visitor = 'signedOut' | 'signedIn' | 'registered';
export const VISITORS: readonly Visitor[] = ['signedOut', 'signedIn', 'registered'];

/** The id of the fixture event that is full and has a waitlist. */
export const FULL_WITH_WAITLIST = 'evt-story-full-waitlist';

const pad = (n: number) => String(n).padStart(2, '0');

/** The current month in Beijing time, `YYYY-MM`. */
export function currentMonth(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
}

function at(day: number, hour: number, minute = 0): string {
  return `${currentMonth()}-${pad(day)}T${pad(hour)}:${pad(minute)}:00+08:00`;
}

interface Seed {
  id: string;
  day: number;
  hour: number;
  type: EventType;
  title: string;
  capacity: number;
  registered: number;
  waitlist: boolean;
  online?: boolean;
}

const SEEDS: Seed[] = [
  {
    id: 'evt-story-01',
    day: 3,
    hour: 9,
    type: 'policyBriefing',
    title: '2026 年研发费用加计扣除政策宣讲会',
    capacity: 120,
    registered: 64,
    waitlist: false,
  },
  {
    id: 'evt-story-02',
    day: 8,
    hour: 14,
    type: 'training',
    title: '中小企业数字化转型实务培训',
    capacity: 60,
    registered: 48,
    waitlist: true,
    online: true,
  },
  {
    id: 'evt-story-03',
    day: 12,
    hour: 9,
    type: 'matching',
    title: '佛山制造业供需对接会（上午场）',
    capacity: 80,
    registered: 20,
    waitlist: true,
  },
  {
    id: 'evt-story-04',
    day: 12,
    hour: 10,
    type: 'expertClinic',
    title: '知识产权专家问诊',
    capacity: 10,
    registered: 10,
    waitlist: false,
  },
  {
    id: FULL_WITH_WAITLIST,
    day: 12,
    hour: 14,
    type: 'matching',
    title: '佛山制造业供需对接会（下午场）',
    capacity: 50,
    registered: 50,
    waitlist: true,
  },
  {
    id: 'evt-story-06',
    day: 12,
    hour: 16,
    type: 'training',
    title: '出口退税申报实操',
    capacity: 40,
    registered: 12,
    waitlist: false,
  },
  {
    id: 'evt-story-07',
    day: 15,
    hour: 14,
    type: 'policyBriefing',
    title: '专精特新企业认定政策解读',
    capacity: 200,
    registered: 150,
    waitlist: true,
    online: true,
  },
  {
    id: 'evt-story-08',
    day: 20,
    hour: 9,
    type: 'expertClinic',
    title: '企业融资专家问诊',
    capacity: 12,
    registered: 3,
    waitlist: false,
  },
  {
    id: 'evt-story-09',
    day: 25,
    hour: 14,
    type: 'training',
    title: '劳动用工合规培训',
    capacity: 80,
    registered: 30,
    waitlist: true,
  },
];

export function storyEvents(): ServiceEvent[] {
  const now = Date.now();
  return SEEDS.map((seed) => {
    const seatsLeft = Math.max(0, seed.capacity - seed.registered);
    return {
      id: seed.id,
      type: seed.type,
      title: seed.title,
      description: '活动面向佛山市中小企业，由市中小企业服务中心联合服务机构举办。请提前 15 分钟签到。',
      organizer: { name: '佛山市中小企业服务中心', regionCode: '440600' },
      regionCode: seed.day % 2 === 0 ? '440604' : '440600',
      venue: seed.online ? null : '佛山市禅城区季华五路 22 号 企业服务大厅 3 楼',
      onlineUrl: seed.online ? 'https://meeting.example.cn/j/123456' : null,
      startsAt: at(seed.day, seed.hour),
      endsAt: at(seed.day, seed.hour + 2, 30),
      // Open for every story, whenever Storybook is looked at.
      registrationOpensAt: new Date(now - 30 * 86_400_000).toISOString(),
      registrationClosesAt: new Date(now + 60 * 86_400_000).toISOString(),
      capacity: seed.capacity,
      registeredCount: seed.registered,
      waitlistCount: seatsLeft === 0 && seed.waitlist ? 7 : 0,
      seatsLeft,
      waitlist: seed.waitlist,
      categoryIds: [],
      status: 'scheduled',
    } satisfies ServiceEvent;
  });
}

function json(body: unknown, status = 200): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: status === 204 ? {} : { 'content-type': type },
  });
}

function never(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

function registrationFor(
  event: ServiceEvent,
  status: 'confirmed' | 'waitlisted',
  position: number | null,
): Registration {
  const now = new Date().toISOString();
  return {
    id: `reg-${event.id}`,
    eventId: event.id,
    enterpriseId: 'ent-story',
    enterpriseName: '佛山市禅城区示例科技有限公司',
    attendeeName: null,
    status,
    waitlistPosition: position,
    createdAt: now,
    updatedAt: now,
  };
}

/** A `fetch` for the calendar's stories; registrations live as long as the story's page. */
export function createEventFetch(mode: EventMode = 'normal', visitor: Visitor = 'signedOut'): typeof fetch {
  const catalog = createFixtureFetch();
  const events = new Map(storyEvents().map((event) => [event.id, event]));
  const mine = new Map<string, Registration>();
  const full = events.get(FULL_WITH_WAITLIST);
  if (visitor === 'registered' && full) mine.set(full.id, registrationFor(full, 'waitlisted', 8));
  const unauthorized = () => json({ type: 'about:blank', title: '需要登录', status: 401, code: 'unauthorized' }, 401);
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^.*\/api\/v1/, '');
    const method = request.method.toUpperCase();
    const signedIn = visitor !== 'signedOut' && request.headers.has('authorization');
    if (path.startsWith('/events') || path.startsWith('/me/')) {
      if (mode === 'loading') return never(init?.signal ?? request.signal);
      if (mode === 'error') throw new TypeError('Failed to fetch');
    }
    if (path === '/events') {
      const items = mode === 'empty' ? [] : [...events.values()];
      return json({ items, nextCursor: null, total: items.length });
    }
    if (path === '/me/registrations') {
      if (!signedIn) return unauthorized();
      const items: MyRegistration[] = [...mine.values()].flatMap((registration) => {
        const event = events.get(registration.eventId);
        return event ? [{ ...registration, event }] : [];
      });
      return json({ items, nextCursor: null, total: items.length });
    }
    const registrations = /^\/events\/([^/]+)\/registrations(?:\/([^/]+))?$/.exec(path);
    if (registrations) {
      if (!signedIn) return unauthorized();
      const event = events.get(decodeURIComponent(registrations[1] ?? ''));
      if (!event) return json({ type: 'about:blank', title: '未找到', status: 404, code: 'not_found' }, 404);
      if (method === 'DELETE') {
        mine.delete(event.id);
        return json(null, 204);
      }
      if (mine.has(event.id)) {
        return json({ type: 'about:blank', title: '已报名', status: 409, code: 'already_registered' }, 409);
      }
      if (event.seatsLeft === 0 && !event.waitlist) {
        return json({ type: 'about:blank', title: '名额已满', status: 409, code: 'event_full' }, 409);
      }
      const registration =
        event.seatsLeft > 0
          ? registrationFor(event, 'confirmed', null)
          : registrationFor(event, 'waitlisted', event.waitlistCount + 1);
      mine.set(event.id, registration);
      return json(registration, 201);
    }
    const one = /^\/events\/([^/]+)$/.exec(path);
    if (one) {
      const event = events.get(decodeURIComponent(one[1] ?? ''));
      return event ? json(event) : json({ type: 'about:blank', title: '未找到', status: 404, code: 'not_found' }, 404);
    }
    return catalog(input, init);
  };
}

/** An SDK client on the event fixtures, signed in unless the visitor is `signedOut`; no retries. */
export function eventClient(mode: EventMode = 'normal', visitor: Visitor = 'signedOut'): SmecClient {
  return createClient({
    baseUrl: FIXTURE_BASE_URL,
    fetch: createEventFetch(mode, visitor),
    retry: 0,
    getToken: visitor === 'signedOut' ? undefined : () => 'story-token',
  });
}
