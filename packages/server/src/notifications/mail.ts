// A notification as an e-mail: its words (`texts.ts`) in the recipient's language, as plain text and as simple HTML
// with every fact escaped (an event's title or a reason is written by someone else).
import type { MessageLocale } from '@smec/schemas';
import { notificationText } from './texts.js';

export interface MailMessage {
  readonly to: string;
  readonly kind: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const SIGNATURE: Readonly<Record<MessageLocale, string>> = {
  'zh-CN': '广东省中小企业公共服务平台',
  'zh-HK': '廣東省中小企業公共服務平台',
  en: 'Guangdong SME Public Service Platform',
};

const LOCALES: readonly string[] = ['zh-CN', 'zh-HK', 'en'];

/** The language to write in: the one kept for the recipient, else zh-CN (the platform's own). */
export function mailLocale(locale: string | null | undefined): MessageLocale {
  return locale && LOCALES.includes(locale) ? (locale as MessageLocale) : 'zh-CN';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The facts kept as JSON with a notification; a row that cannot be read says less, never fails the mail. */
export function factsOf(data: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(data);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The e-mail telling `to` of a notification of `kind` with `facts`, in `locale`. */
export function composeMail(
  to: string,
  kind: string,
  facts: Readonly<Record<string, unknown>>,
  locale: MessageLocale,
): MailMessage {
  const words = notificationText(kind, facts);
  const title = words.title[locale];
  const body = words.body[locale];
  const signature = SIGNATURE[locale];
  const paragraphs = [title, body, `— ${signature}`].filter((paragraph) => paragraph !== '');
  return {
    to,
    kind,
    // A subject is one line: a fact with a line break in it must not start a header of its own.
    subject: title.replace(/[\r\n]+/g, ' '),
    text: paragraphs.join('\n\n'),
    html: `<!doctype html><html lang="${locale}"><body>${paragraphs
      .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
      .join('')}</body></html>`,
  };
}
