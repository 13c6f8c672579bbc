// Delivering notifications by e-mail, after the commit of what they tell (never inside its transaction: a mail
// cannot be rolled back) and again on the clock's sweep for the retries. Each row is claimed by a conditional UPDATE
// before it is sent, so two servers sweeping at once send it once; a failed attempt waits longer each time, and after
// the last one the row is marked failed, kept with its error.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import { composeMail, factsOf, mailLocale } from './mail.js';
import type { MailSender } from './sender.js';

/** Attempts before a delivery is marked failed. */
export const MAX_ATTEMPTS = 4;
/** The wait after the 1st, 2nd, 3rd failed attempt. */
export const RETRY_DELAYS_MS = [60_000, 10 * 60_000, 60 * 60_000] as const;
/** How long a claim holds: longer than a send may take (the SMTP sender's timeouts), so no claim runs out mid-send. */
export const CLAIM_MS = 10 * 60_000;
/** Rows per sweep; the next sweep takes the rest. */
const BATCH = 50;

type Source = 'notifications' | 'mail_notices';

interface Recipient {
  readonly id: string;
  readonly kind: string;
  readonly data: string;
  readonly to: string | null;
  readonly locale: string | null;
}

export interface DeliveryOutcome {
  readonly sent: number;
  readonly failed: number;
  readonly retried: number;
  readonly skipped: number;
}

function dueRows(db: Kysely<Database>, source: Source, now: number) {
  // Both tables carry the same delivery columns: one query serves them.
  return db
    .selectFrom(source as 'notifications')
    .select('id')
    .where('delivery', '=', 'pending')
    .where((eb) => eb.or([eb('next_attempt_ts', 'is', null), eb('next_attempt_ts', '<=', now)]))
    .where((eb) => eb.or([eb('claimed_until_ts', 'is', null), eb('claimed_until_ts', '<=', now)]))
    .orderBy('seq')
    .limit(BATCH)
    .execute();
}

/** Takes `id` for this sweep; false when another sweep has it (or it was delivered meanwhile). */
async function claim(db: Kysely<Database>, source: Source, id: string, now: number, token: string): Promise<boolean> {
  const result = await db
    .updateTable(source as 'notifications')
    .set((eb) => ({ claimed_until_ts: now + CLAIM_MS, claim_token: token, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('delivery', '=', 'pending')
    .where((eb) => eb.or([eb('next_attempt_ts', 'is', null), eb('next_attempt_ts', '<=', now)]))
    .where((eb) => eb.or([eb('claimed_until_ts', 'is', null), eb('claimed_until_ts', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function recipientOf(db: Kysely<Database>, source: Source, id: string): Promise<Recipient | undefined> {
  if (source === 'mail_notices') {
    return db
      .selectFrom('mail_notices')
      .select(['id', 'kind', 'data', 'to_address as to', 'locale'])
      .where('id', '=', id)
      .executeTakeFirst();
  }
  return db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['notifications.id', 'notifications.kind', 'notifications.data', 'users.email as to', 'users.locale'])
    .where('notifications.id', '=', id)
    .executeTakeFirst();
}

async function settle(
  db: Kysely<Database>,
  source: Source,
  id: string,
  token: string,
  values: Record<string, string | number | null>,
): Promise<void> {
  await db
    .updateTable(source as 'notifications')
    .set({ ...values, claimed_until_ts: null, claim_token: null })
    .where('id', '=', id)
    .where('claim_token', '=', token)
    .execute();
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}

async function deliverOne(
  db: Kysely<Database>,
  sender: MailSender,
  source: Source,
  id: string,
  now: number,
): Promise<keyof DeliveryOutcome | undefined> {
  const token = randomBytes(8).toString('hex');
  if (!(await claim(db, source, id, now, token))) return undefined;
  const row = await recipientOf(db, source, id);
  if (!row?.to) {
    await settle(db, source, id, token, { delivery: 'skipped', last_error: 'no e-mail address' });
    return 'skipped';
  }
  const attempts = await db
    .selectFrom(source as 'notifications')
    .select('attempts')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  try {
    await sender.send(composeMail(row.to, row.kind, factsOf(row.data), mailLocale(row.locale)));
  } catch (error) {
    const attempt = Number(attempts.attempts);
    if (attempt >= MAX_ATTEMPTS) {
      await settle(db, source, id, token, { delivery: 'failed', last_error: errorText(error) });
      return 'failed';
    }
    const wait = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0];
    await settle(db, source, id, token, { next_attempt_ts: now + wait, last_error: errorText(error) });
    return 'retried';
  }
  await settle(db, source, id, token, { delivery: 'sent', sent_at: shanghaiDateTime(now), last_error: null });
  return 'sent';
}

/** Sends what is due by `now` through `sender`: every pending notification and addressed notice not claimed. */
export async function deliverDue(db: Kysely<Database>, sender: MailSender, now: number): Promise<DeliveryOutcome> {
  const outcome = { sent: 0, failed: 0, retried: 0, skipped: 0 };
  for (const source of ['notifications', 'mail_notices'] as const) {
    for (const { id } of await dueRows(db, source, now)) {
      const result = await deliverOne(db, sender, source, id, now);
      if (result) outcome[result] += 1;
    }
  }
  return outcome;
}

/**
 * The sender's sweep of one server: kicked after every write that may have told someone (once its transaction has
 * committed), and on a timer for the retries. One run at a time; a kick during a run queues one more, shared.
 */
export class DeliverySweep {
  readonly #db: Kysely<Database>;
  readonly #sender: MailSender;
  readonly #clock: Clock;
  #tail: Promise<unknown> = Promise.resolve();
  #queued: Promise<DeliveryOutcome | undefined> | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(db: Kysely<Database>, sender: MailSender, clock: Clock) {
    this.#db = db;
    this.#sender = sender;
    this.#clock = clock;
  }

  /** Delivers what is due by the clock's now, after any run under way; a failure is left to the next run. */
  run(): Promise<DeliveryOutcome | undefined> {
    this.#queued ??= this.#tail.then(async () => {
      this.#queued = undefined;
      return deliverDue(this.#db, this.#sender, this.#clock.now()).catch(() => undefined);
    });
    this.#tail = this.#queued;
    return this.#queued;
  }

  start(intervalMs = 60_000): this {
    void this.run();
    this.#timer = setInterval(() => void this.run(), intervalMs);
    this.#timer.unref();
    return this;
  }

  /** Stops the timer and waits for a run under way (the database closes after it). */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#tail;
    this.#sender.close?.();
  }
}
