// The server's delivery sweep: which sender (a test's, SMTP when configured, else the log), kicked after each write
// the API answered (its transaction has committed by then) and on a timer for retries.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { DeliverySweep } from './delivery.js';
import { LogSender, type MailSender } from './sender.js';
import { SmtpSender, type SmtpSettings } from './sender-smtp.js';

export interface DeliveryOptions {
  readonly mail?: SmtpSettings;
  readonly mailSender?: MailSender;
  readonly logStream?: { write(line: string): unknown };
}

export function mailSenderOf(options: DeliveryOptions, clock: Clock): MailSender {
  if (options.mailSender) return options.mailSender;
  if (options.mail) return new SmtpSender(options.mail);
  return new LogSender(options.logStream ?? process.stdout, clock);
}

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
  app.addHook('onClose', async () => sweep.stop());
  return sweep;
}
