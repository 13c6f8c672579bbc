// Where notifications' e-mails go: a sender interface, the log sender by default (one structured line per message,
// so a server with no mail set up still shows what it would have sent), SMTP when configured (`sender-smtp.ts`).
import type { Clock } from '../clock.js';
import type { MailMessage } from './mail.js';

export interface MailSender {
  /** Hands the message on; throws when it was not accepted (the delivery is retried later). */
  send(message: MailMessage): Promise<void>;
  close?(): void;
}

/**
 * Writes one JSON line per message: to whom, which kind, the subject. Never the body: the facts in it (a reason, a
 * contact) are for the recipient, not for whoever reads the server's logs.
 */
export class LogSender implements MailSender {
  readonly #write: (line: string) => unknown;
  readonly #clock: Clock;

  constructor(stream: { write(line: string): unknown }, clock: Clock) {
    this.#write = (line) => stream.write(line);
    this.#clock = clock;
  }

  async send(message: MailMessage): Promise<void> {
    this.#write(
      `${JSON.stringify({
        level: 30,
        time: this.#clock.now(),
        msg: 'notification mail',
        sender: 'log',
        to: message.to,
        kind: message.kind,
        subject: message.subject,
      })}\n`,
    );
  }
}
