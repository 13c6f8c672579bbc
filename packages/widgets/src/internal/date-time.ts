import { TIME_ZONE } from './format.js';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment in Asia/Shanghai, to the minute: `2026年11月28日 10:05` / `Nov 28, 2026, 10:05 AM`. */
export function formatDateTime(iso: string, locale: string): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
    dateTimeFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}
