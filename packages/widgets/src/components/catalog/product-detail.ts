import { msg, str } from '../../i18n/localization.js';
import type { Provider, ServiceProduct } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import type { SmecLocale } from '../../i18n/localization.js';
import { formatDate, formatMoney } from '../../internal/format.js';
import { webUrl } from '@smec/schemas/rules';
import { categoryName, ratingText, renderPrice, timeLimitText, voucherBadge } from './product-facts.js';
import { regionName, type ReferenceData } from './reference-data.js';
import { renderError } from '../../views/error-view.js';

export interface ProductDetailOptions {
  /** What is known so far: the listed product at once, the full detail when it arrives. */
  product: ServiceProduct | undefined;
  provider: Provider | undefined;
  loading: boolean;
  error: unknown;
  reference: ReferenceData | undefined;
  locale: SmecLocale;
  onBack: () => void;
  onRetry: () => void;
  /** Where 「我要咨询」 links to (the site's demand page), if anywhere: then it is a link, else a button. */
  consultHref: string | undefined;
  /** 「我要咨询」: the visitor wants to ask for this product; `event` is the click (a link's can be cancelled). */
  onConsult: (event: Event) => void;
  /** The demand form 「我要咨询」 opened, if it did. */
  consultDialog: unknown;
  /** Somebody is signed in: a voucher-eligible product offers 「用券购买」. */
  signedIn: boolean;
  /** 「用券购买」: the visitor wants to pay for this product with a service voucher. */
  onVoucher: (product: ServiceProduct) => void;
}

/** Only web addresses become links; a provider's site is often given without its scheme (`www.example.cn`). */
function safeWebsite(url: string): string | undefined {
  return webUrl(url.includes('://') ? url : `https://${url}`);
}

function renderContacts(provider: Provider | undefined, loading: boolean, reference: ReferenceData | undefined) {
  if (!provider) {
    return loading ? html`<p class="muted">${msg('正在加载…', { id: 'status.loading' })}</p>` : nothing;
  }
  const website = provider.website ? safeWebsite(provider.website) : undefined;
  return html`<dl class="contacts">
    <div>
      <dt>${msg('机构名称', { id: 'provider.name' })}</dt>
      <dd>${provider.name}</dd>
    </div>
    <div>
      <dt>${msg('所在地区', { id: 'provider.region' })}</dt>
      <dd>${regionName(reference, provider.regionCode)}</dd>
    </div>
    <div>
      <dt>${msg('联系人', { id: 'provider.contact' })}</dt>
      <dd>${provider.contact}</dd>
    </div>
    <div>
      <dt>${msg('电话', { id: 'provider.phone' })}</dt>
      <dd><a href="tel:${provider.phone.replace(/[^\d+]/g, '')}">${provider.phone}</a></dd>
    </div>
    <div>
      <dt>${msg('地址', { id: 'provider.address' })}</dt>
      <dd>${provider.address}</dd>
    </div>
    ${
      website
        ? html`<div>
            <dt>${msg('网站', { id: 'provider.website' })}</dt>
            <dd><a href=${website} target="_blank" rel="noopener noreferrer">${provider.website}</a></dd>
          </div>`
        : nothing
    }
    ${
      provider.email
        ? html`<div>
            <dt>${msg('电子邮箱', { id: 'provider.email' })}</dt>
            <dd><a href="mailto:${provider.email}">${provider.email}</a></dd>
          </div>`
        : nothing
    }
  </dl>`;
}

function renderFee(product: ServiceProduct): TemplateResult {
  const { fee } = product;
  return html`<p class="price">${renderPrice(fee)}</p>
    ${
      !fee.isFree && fee.discountPrice !== null && fee.discountPrice < fee.listPrice
        ? html`<p>
            ${msg('原价', { id: 'price.list' })} ${formatMoney(fee.listPrice)} ·
            ${msg('优惠价', { id: 'price.discounted' })} ${formatMoney(fee.discountPrice)}
          </p>`
        : nothing
    }
    <p>${fee.note}</p>`;
}

function renderPublics(product: ServiceProduct, options: ProductDetailOptions): TemplateResult {
  const { reference, locale, provider, loading } = options;
  const regions = product.regionCodes
    .map((code) => regionName(reference, code))
    .join(msg('、', { id: 'list.separator' }));
  return html`<p class="detail-meta">
      <span>${product.provider.name}</span>
      <span class="tag">${categoryName(product.categoryId, reference?.categories, locale)}</span>
      ${product.voucherEligible ? voucherBadge() : nothing}
      <span>${ratingText(product.rating, locale)}</span>
      ${
        product.publishedAt
          ? html`<span
              >${msg(str`发布于 ${formatDate(product.publishedAt, locale)}`, { id: 'detail.published' })}</span
            >`
          : nothing
      }
    </p>
    ${product.summary ? html`<p class="summary">${product.summary}</p>` : nothing}
    <h3>${msg('服务功能', { id: 'detail.function' })}</h3>
    <p>${product.function}</p>
    <h3>${msg('服务流程', { id: 'detail.process' })}</h3>
    <ol class="steps">
      ${product.process.map((step) => html`<li><strong>${step.title}</strong><span>${step.description}</span></li>`)}
    </ol>
    <h3>${msg('服务标准', { id: 'detail.standard' })}</h3>
    <p>${product.standard}</p>
    <h3>${msg('收费标准', { id: 'detail.fee' })}</h3>
    ${renderFee(product)}
    <h3>${msg('服务时限', { id: 'detail.timeLimit' })}</h3>
    <p>${timeLimitText(product.timeLimitDays, locale)}</p>
    <h3>${msg('适用对象', { id: 'detail.suitableFor' })}</h3>
    <p>${product.suitableFor}</p>
    <h3>${msg('服务地区', { id: 'detail.regions' })}</h3>
    <p>${regions}</p>
    <h3>${msg('服务机构', { id: 'detail.provider' })}</h3>
    ${renderContacts(provider, loading, reference)}`;
}

/**
 * The detail panel. Its heading takes the focus when it opens; Escape or the back button returns to the list and to
 * the card the visitor came from.
 */
export function renderProductDetail(options: ProductDetailOptions): TemplateResult {
  const { product, loading, error, onBack, onRetry, onConsult, onVoucher, consultHref } = options;
  const keydown = (event: KeyboardEvent) => {
    // Escape in the demand form's dialog closes the dialog, not the detail.
    if (event.key !== 'Escape' || (event.target as Element).closest('dialog')) return;
    event.preventDefault();
    onBack();
  };
  let title = product?.name;
  if (!title) title = error ? msg('加载失败', { id: 'status.error' }) : msg('正在加载…', { id: 'status.loading' });
  return html`<section
    part="detail"
    class="detail"
    aria-labelledby="smec-detail-title"
    aria-busy=${loading ? 'true' : 'false'}
    @keydown=${keydown}
  >
    <button type="button" part="back-button" class="button" @click=${onBack}>
      <span aria-hidden="true">←</span> ${msg('返回列表', { id: 'detail.back' })}
    </button>
    <h2 id="smec-detail-title" tabindex="-1">${title}</h2>
    <div role="alert">${error ? renderError(error, onRetry) : nothing}</div>
    ${
      product && consultHref
        ? html`<a href=${consultHref} part="consult-button" class="button button-primary" @click=${onConsult}>
            ${msg('我要咨询', { id: 'demand.consult' })}
          </a>`
        : nothing
    }
    ${
      product && !consultHref
        ? html`<button type="button" part="consult-button" class="button button-primary" @click=${onConsult}>
            ${msg('我要咨询', { id: 'demand.consult' })}
          </button>`
        : nothing
    }
    ${
      product?.voucherEligible && options.signedIn
        ? html`<button type="button" part="voucher-button" class="button" @click=${() => onVoucher(product)}>
            ${msg('用券购买', { id: 'wallet.payWithVoucher' })}
          </button>`
        : nothing
    }
    ${product ? renderPublics(product, options) : nothing} ${options.consultDialog}
  </section>`;
}
