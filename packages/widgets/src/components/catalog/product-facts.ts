import { msg, str } from '../../i18n/localization.js';
import type { RatingSummary } from '@smec/schemas';
import { html, type TemplateResult } from 'lit';
import type { SmecLocale } from '../../i18n/localization.js';
import { formatNumber, formatScore } from '../../internal/format.js';
export { renderPrice } from '../../internal/price.js';
export { categoryName } from './reference-data.js';

/** 「7 个工作日内」 */
export function timeLimitText(days: number, locale: SmecLocale): string {
  const count = formatNumber(days, locale);
  return days === 1
    ? msg(str`${count} 个工作日内`, { id: 'timeLimit.one' })
    : msg(str`${count} 个工作日内`, { id: 'timeLimit' });
}

/** 「92.4 分（35 条评价）」, or 「暂无评价」: the score is always written, never only a colour or a bar. */
export function ratingText(rating: RatingSummary, locale: SmecLocale): string {
  if (rating.count === 0 || rating.averageScore === null) return msg('暂无评价', { id: 'rating.none' });
  const score = formatScore(rating.averageScore, locale);
  const count = formatNumber(rating.count, locale);
  return rating.count === 1
    ? msg(str`${score} 分（满分 100，${count} 条评价）`, { id: 'rating.summary.one' })
    : msg(str`${score} 分（满分 100，${count} 条评价）`, { id: 'rating.summary' });
}

export function voucherBadge(): TemplateResult {
  return html`<span class="badge badge-voucher">${msg('可用服务券', { id: 'badge.voucher' })}</span>`;
}
