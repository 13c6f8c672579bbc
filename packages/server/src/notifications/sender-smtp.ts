// The SMTP sender: a maintained mail library (nodemailer) talking to the platform's mail relay; the platform runs
// no mail server of its own.
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailMessage } from './mail.js';
import type { MailSender } from './sender.js';

export interface SmtpSettings {
  /** `smtp://user:pass@host:port` or `smtps://…` (`SMEC_SMTP_URL`). */
  readonly url: string;
  /** The From address (`SMEC_MAIL_FROM`). */
  readonly from: string;
}

/** Seconds a relay may take at each step: well inside the delivery's claim, so a hung relay is retried, not doubled. */
const TIMEOUT_MS = 30_000;

export class SmtpSender implements MailSender {
  readonly #transport: Transporter;
  readonly #from: string;

  constructor(settings: SmtpSettings) {
    const url = new URL(settings.url);
    this.#transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
      // A relay on loopback (tests, a local relay) speaks plain SMTP; elsewhere STARTTLS is taken when offered.
      ignoreTLS: url.hostname === '127.0.0.1' || url.hostname === 'localhost',
    });
    this.#from = settings.from;
  }

  async send(message: MailMessage): Promise<void> {
    await this.#transport.sendMail({
      from: this.#from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      textEncoding: 'base64',
      headers: { 'X-Smec-Notification-Kind': message.kind },
    });
  }

  close(): void {
    this.#transport.close();
  }
}
