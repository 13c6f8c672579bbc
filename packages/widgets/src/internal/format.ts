/** Every date and time is shown as it is in Guangdong, wherever the visitor's computer thinks it is. */
export const TIME_ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format as Intl.NumberFormat;
}

/** `1234` → `1,234`. */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/** A 100-point score with one decimal at most: `92.35` → `92.4`. */
export function formatScore(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/**
 * Money arrives in fen (integer); shown in yuan with the ¥ sign in every language, without the `.00` of whole
 * amounts: `300000` → `¥3,000`, `12345` → `¥123.45`.
 */
export function formatMoney(fen: number): string {
  const whole = fen % 100 === 0;
  return numberFormat('zh-CN', {
    style: 'currency',
    currency: 'CNY',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(fen / 100);
}

/** A calendar date in Asia/Shanghai: `2024-05-01T10:00:00+08:00` → `2024年5月1日` / `May 1, 2024`. */
export function formatDate(iso: string, locale: string): string {
  const key = `d|${locale}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: TIME_ZONE })));
  return (format as Intl.DateTimeFormat).format(new Date(iso));
}

/** Names listed in a sentence: `甲、乙、丙` in Chinese, `A, B, C` in English (a list of proper names, not a clause). */
export function formatList(items: readonly string[], locale: string): string {
  return items.join(locale === 'en' ? ', ' : '、');
}
