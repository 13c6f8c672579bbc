// Events with few seats and many enterprises registering at once: the fixtures, the registrations and the check,
// read from the database, that no event holds more confirmed registrations than seats nor an enterprise twice.
// Written with Kysely, so it runs on SQLite and PostgreSQL alike.
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@smec/server';
import { httpClient } from './http.js';
import { insertChunked } from './vouchers.js';

const HOUR = 3_600_000;

function shanghai(ms: number): string {
  return `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
}

/** `count` matching events a month from now, registration open, `capacity` seats; every other one keeps a waitlist. */
export async function insertEvents(db: Kysely<Database>, prefix: string, count: number, capacity: number) {
  const now = Date.now();
  const starts = now + 30 * 24 * HOUR;
  const events = Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${String(index + 1).padStart(3, '0')}`,
    type: 'matching' as const,
    title: `压测对接会（第${index + 1}场）`,
    description: '压测',
    organizer_name: '佛山市中小企业服务中心',
    organizer_region_code: '440600',
    region_code: '440604',
    city_code: '440600',
    venue: '禅城区',
    online_url: null,
    starts_at: shanghai(starts),
    starts_ts: starts,
    ends_at: shanghai(starts + 2 * HOUR),
    ends_ts: starts + 2 * HOUR,
    registration_opens_at: shanghai(now - HOUR),
    opens_ts: now - HOUR,
    registration_closes_at: shanghai(starts - HOUR),
    closes_ts: starts - HOUR,
    capacity,
    registered_count: 0,
    waitlist_count: 0,
    waitlist_seq: 0,
    waitlist: index % 2,
    category_ids: '["financing"]',
    status: 'scheduled' as const,
    updated_at: shanghai(now),
  }));
  await insertChunked(db, 'events', events);
  return events.map((event) => ({ id: event.id, waitlist: event.waitlist === 1 }));
}

export interface Attempt {
  readonly eventId: string;
  readonly token: string;
}

export interface RegistrationRun {
  readonly requests: number;
  readonly seconds: number;
  readonly latencies: number[];
  readonly answers: Record<string, number>;
}

const EXPECTED = new Set(['confirmed', 'waitlisted', '409 event_full', '409 already_registered']);

/** Sends every attempt, `concurrency` at a time over as many connections; any other answer fails the run. */
export async function registerAll(
  apiUrl: string,
  attempts: readonly Attempt[],
  concurrency: number,
): Promise<RegistrationRun> {
  const client = httpClient(concurrency);
  const latencies: number[] = [];
  const answers = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  const loop = async () => {
    while (next < attempts.length) {
      const attempt = attempts[next++] as Attempt;
      const begin = performance.now();
      const response = await client.post(
        `${apiUrl}/events/${attempt.eventId}/registrations`,
        {
          'content-type': 'application/json',
          authorization: `Bearer ${attempt.token}`,
          'idempotency-key': crypto.randomUUID(),
        },
        '{}',
      );
      latencies.push(performance.now() - begin);
      const body = JSON.parse(response.body) as { status?: string; code?: string };
      const answer = response.status === 201 ? String(body.status) : `${response.status} ${String(body.code)}`;
      if (!EXPECTED.has(answer)) throw new Error(`Unexpected answer ${answer}: ${response.body}`);
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, attempts.length) }, loop));
  } finally {
    client.close();
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, seconds, latencies, answers: Object.fromEntries(answers) };
}

interface EventCount {
  id: string;
  capacity: number;
  registered: number;
  waitlisted: number;
  waitlist: number;
  confirmed_rows: number;
  waitlisted_rows: number;
  active_rows: number;
  registrants: number;
}

/**
 * Fails unless, on every event, confirmed registrations = the counter ≤ capacity (= capacity when more enterprises
 * wanted a seat), waitlisted ones = their counter (none without a waitlist), no enterprise holds two, and the
 * answers add up to the rows.
 */
export async function checkEvents(
  db: Kysely<Database>,
  events: readonly { id: string; waitlist: boolean }[],
  wanted: ReadonlyMap<string, number>,
  answers: Record<string, number>,
): Promise<string> {
  const ids = events.map((event) => event.id);
  const { rows } = await sql<EventCount>`
    select e.id, e.capacity, e.registered_count as registered, e.waitlist_count as waitlisted, e.waitlist,
      (select count(*) from registrations r where r.event_seq = e.seq and r.status = 'confirmed') as confirmed_rows,
      (select count(*) from registrations r where r.event_seq = e.seq and r.status = 'waitlisted') as waitlisted_rows,
      (select count(*) from registrations r where r.event_seq = e.seq and r.status <> 'cancelled') as active_rows,
      (select count(distinct r.enterprise_id) from registrations r where r.event_seq = e.seq and r.status <> 'cancelled')
        as registrants
    from events e where e.id in (${sql.join(ids)}) order by e.id`.execute(db);
  let confirmed = 0;
  let waitlisted = 0;
  for (const raw of rows) {
    const row = Object.fromEntries(
      Object.entries(raw).map(([key, value]) => [key, key === 'id' ? value : Number(value)]),
    ) as unknown as EventCount;
    const seats = Math.min(row.capacity, wanted.get(row.id) ?? 0);
    if (
      row.confirmed_rows !== row.registered ||
      row.registered > row.capacity ||
      row.confirmed_rows !== seats ||
      row.waitlisted_rows !== row.waitlisted ||
      (row.waitlist === 0 && row.waitlisted_rows !== 0) ||
      row.active_rows !== row.registrants
    ) {
      throw new Error(`Invariant broken for ${row.id}: ${JSON.stringify(row)}`);
    }
    confirmed += row.confirmed_rows;
    waitlisted += row.waitlisted_rows;
  }
  if (
    rows.length !== events.length ||
    (answers['confirmed'] ?? 0) !== confirmed ||
    (answers['waitlisted'] ?? 0) !== waitlisted
  ) {
    throw new Error(`Answers and rows disagree: ${JSON.stringify({ answers, confirmed, waitlisted })}`);
  }
  return `held: confirmed = counter = capacity on all ${rows.length} events, waitlists = their counters, no enterprise twice, answers = rows`;
}
