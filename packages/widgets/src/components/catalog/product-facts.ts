import { msg, str } from '../../i18n/localization.js';
import type { Fee, RatingSummary } from '@smec/schemas';
import { html, type TemplateResult } from 'lit';
import type { SmecLocale } from '../../i18n/localization.js';
import { formatMoney, formatNumber, formatScore } from '../../internal/format.js';
export { categoryName } from './reference-data.js';

/** The price as a visitor reads it: 免费, a price, or a discount with the list price struck through. */
export function renderPrice(fee: Fee): TemplateResult {
  if (fee.isFree) return html`<span class="price-free">${msg('免费', { id: 'price.free' })}</span>`;
  if (fee.discountPrice !== null && fee.discountPrice < fee.listPrice) {
    // Screen readers do not announce a strike-through, so the meaning is also written out.
    return html`<span class="sr-only">${msg('优惠价', { id: 'price.discounted' })}</span>
      <strong class="price-now">${formatMoney(fee.discountPrice)}</strong>
      <s class="price-was"
        ><span class="sr-only">${msg('原价', { id: 'price.list' })}</span>${formatMoney(fee.listPrice)}</s
      >`;
  }
  return html`<strong class="price-now">${formatMoney(fee.listPrice)}</strong>`;
}

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
