import { TIME_ZONE } from '../../internal/format.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/** A moment of a history, in Beijing time: `2026年11月20日 18:05` / `Nov 20, 2026, 18:05`. */
export function formatDateTime(iso: string, locale: string): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      hourCycle: 'h23',
      timeZone: TIME_ZONE,
    });
    formats.set(locale, format);
  }
  return format.format(new Date(iso));
}
