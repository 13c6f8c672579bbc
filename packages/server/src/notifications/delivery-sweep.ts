// The server's delivery sweep: which sender (a test's, SMTP when configured, else the log), kicked after each write
// the API answered (its transaction has committed by then) and on a timer for retries.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { DeliverySweep } from './delivery.js';
import { remindDue } from './reminders.js';
import { LogSender, type MailSender } from './sender.js';
import { SmtpSender, type SmtpSettings } from './sender-smtp.js';

export interface DeliveryOptions {
  readonly mail?: SmtpSettings;
  readonly mailSender?: MailSender;
  readonly logger?: boolean;
  readonly logStream?: { write(line: string): unknown };
}

const NOWHERE = { write: () => true };

export function mailSenderOf(options: DeliveryOptions, clock: Clock): MailSender {
  if (options.mailSender) return options.mailSender;
  if (options.mail) return new SmtpSender(options.mail);
  // The log sender's lines are the log's: a server embedded with its log off (a test's, a benchmark's) prints none,
  // so its standard output stays what its parent reads.
  return new LogSender(options.logger ? (options.logStream ?? process.stdout) : NOWHERE, clock);
}

const REMIND_EVERY_MS = 10 * 60_000;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function startDeliverySweep(
  app: FastifyInstance,
  db: Kysely<Database>,
  clock: Clock,
  options: DeliveryOptions,
  prefix: string,
): DeliverySweep {
  const sweep = new DeliverySweep(db, mailSenderOf(options, clock), clock).start();
  app.addHook('onResponse', async (request, reply) => {
    if (WRITES.has(request.method) && reply.statusCode < 400 && request.url.startsWith(prefix)) void sweep.run();
  });
  // The clock's reminders (vouchers expiring, follow-ups due), then their mails, every ten minutes. Not at startup:
  // a server that starts and answers at once (a test's, a demo's) shows the notifications its data holds.
  let reminding: Promise<unknown> = Promise.resolve();
  const reminders = setInterval(() => {
    reminding = remindDue(db, clock.now())
      .then(() => sweep.run())
      .catch(() => undefined);
  }, REMIND_EVERY_MS);
  reminders.unref();
  app.addHook('onClose', async () => {
    clearInterval(reminders);
    await reminding;
    await sweep.stop();
  });
  return sweep;
}
