import { msg } from '../../i18n/localization.js';
import type { ServiceProduct } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import type { SmecLocale } from '../../i18n/localization.js';
import { categoryName, ratingText, renderPrice, timeLimitText, voucherBadge } from './product-facts.js';
import type { ReferenceData } from './reference-data.js';

export interface ProductCardOptions {
  reference: ReferenceData | undefined;
  locale: SmecLocale;
  onOpen: (product: ServiceProduct) => void;
}

/** One search result. Its title is the button that opens the detail: one tab stop per card. */
export function renderProductCard(
  product: ServiceProduct,
  { reference, locale, onOpen }: ProductCardOptions,
): TemplateResult {
  return html`<li class="card-item">
    <article part="card" class="card">
      <h3 class="card-title">
        <button
          type="button"
          part="card-title"
          class="link"
          data-product-id=${product.id}
          @click=${() => onOpen(product)}
        >
          ${product.name}
        </button>
      </h3>
      <p class="card-provider">${product.provider.shortName}</p>
      <p class="card-tags">
        <span class="tag">${categoryName(product.categoryId, reference?.categories, locale)}</span>
        ${product.voucherEligible ? voucherBadge() : nothing}
      </p>
      <dl class="facts">
        <div>
          <dt>${msg('价格', { id: 'facet.price' })}</dt>
          <dd part="price" class="price">${renderPrice(product.fee)}</dd>
        </div>
        <div>
          <dt>${msg('服务时限', { id: 'detail.timeLimit' })}</dt>
          <dd>${timeLimitText(product.timeLimitDays, locale)}</dd>
        </div>
        <div>
          <dt>${msg('评分', { id: 'card.rating' })}</dt>
          <dd>${ratingText(product.rating, locale)}</dd>
        </div>
      </dl>
    </article>
  </li>`;
}

/**
 * Grey placeholders while results load, one per card of the page, so the page below does not move when they arrive;
 * hidden from screen readers, which hear the status text instead.
 */
export function renderCardSkeletons(count: number): TemplateResult {
  return html`<ul class="cards skeleton" aria-hidden="true">
    ${Array.from(
      { length: count },
      () =>
        html`<li class="card-item">
          <div class="card"><span></span><span></span><span></span></div>
        </li>`,
    )}
  </ul>`;
}
