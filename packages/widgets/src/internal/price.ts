import type { Fee } from '@smec/schemas';
import { html, type TemplateResult } from 'lit';
import { msg } from '../i18n/localization.js';
import { formatMoney } from './format.js';

// A product's price, as the catalog shows it and the wallet's use dialog lists it.

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

/**
 * What the product costs, in fen: the discount when there is one, else the list price; undefined for a free service
 * or one without a price (0), which leave a contract amount to be agreed.
 */
export function priceToPay(fee: Fee): number | undefined {
  if (fee.isFree) return undefined;
  const price = fee.discountPrice !== null && fee.discountPrice < fee.listPrice ? fee.discountPrice : fee.listPrice;
  return price > 0 ? price : undefined;
}
