import { msg, str } from '../../i18n/localization.js';
import { webUrl } from '@smec/schemas/rules';
import type { CategoryId, Policy, ServiceCategory } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { renderStatusBadge } from './policy-item.js';
import { categoryName, formatDay, levelLabel } from './policy-texts.js';

/** The catalog's address filtered on a category (the catalog reads `smec_cat`), keeping the page's own query. */
export function catalogLink(catalogUrl: string, categoryId: CategoryId): string {
  const url = new URL(catalogUrl, document.baseURI);
  url.searchParams.set('smec_cat', categoryId);
  return url.href;
}

export interface DetailOptions {
  policy: Policy;
  categories: readonly ServiceCategory[];
  catalogUrl: string | undefined;
  locale: string;
  onBack: () => void;
  onServices: (categoryId: CategoryId) => void;
}

function effectiveText(policy: Policy, locale: string): string {
  const from = formatDay(policy.effectiveFrom, locale);
  return policy.effectiveUntil === null
    ? msg(str`自${from}起施行`, { id: 'policy.effective.open' })
    : msg(str`${from}至${formatDay(policy.effectiveUntil, locale)}`, { id: 'policy.effective.range' });
}

/** A policy's detail: its facts, the summary, the link to the full text and the services of its categories. */
export function renderPolicyDetail(options: DetailOptions): TemplateResult {
  const { policy, categories, catalogUrl, locale } = options;
  const names = new Map(categories.map((category) => [category.id, categoryName(category, locale)]));
  // Only a web address becomes the full-text link: the library's data is typed in by many hands.
  const fullText = webUrl(policy.url);
  return html`<article part="detail" class="detail" aria-labelledby="smec-pl-detail-title">
    <button type="button" part="back-button" class="button" @click=${options.onBack}>
      ${msg('返回政策列表', { id: 'policy.back' })}
    </button>
    <h3 id="smec-pl-detail-title" tabindex="-1">${policy.title}</h3>
    <p>${renderStatusBadge(policy)}</p>
    <dl class="facts">
      <dt>${msg('发文字号', { id: 'policy.docNumber' })}</dt>
      <dd part="doc-number">${policy.docNumber}</dd>
      <dt>${msg('发文机关', { id: 'policy.filter.issuer' })}</dt>
      <dd>${policy.issuer}</dd>
      <dt>${msg('适用地区', { id: 'policy.region' })}</dt>
      <dd>
        ${msg(str`${policy.regionName}（${levelLabel(policy.regionLevel)}）`, { id: 'policy.detail.regionLevel' })}
      </dd>
      <dt>${msg('发布日期', { id: 'policy.publishedAt' })}</dt>
      <dd>${formatDay(policy.publishedAt, locale)}</dd>
      <dt>${msg('有效期', { id: 'policy.effective' })}</dt>
      <dd>${effectiveText(policy, locale)}</dd>
    </dl>
    <h4>${msg('政策摘要', { id: 'policy.summary' })}</h4>
    <p part="summary" class="summary">${policy.summary}</p>
    ${
      fullText
        ? html`<p>
            <a
              part="full-text"
              class="button button-primary"
              href=${fullText}
              target="_blank"
              rel="noopener noreferrer"
            >
              ${msg('阅读政策全文', { id: 'policy.fullText' })}
              <span class="sr-only">${msg('（在新窗口打开）', { id: 'policy.newWindow' })}</span>
            </a>
          </p>`
        : nothing
    }
    ${
      policy.categoryIds.length === 0
        ? nothing
        : html`<section part="services" aria-labelledby="smec-pl-services">
            <h4 id="smec-pl-services">${msg('本政策相关服务', { id: 'policy.services' })}</h4>
            <ul class="services">
              ${policy.categoryIds.map((id) => {
                const label = msg(str`查看「${names.get(id) ?? id}」服务`, { id: 'policy.services.open' });
                return html`<li>
                  ${
                    catalogUrl
                      ? html`<a part="service-link" class="button" href=${catalogLink(catalogUrl, id)}>${label}</a>`
                      : html`<button
                          type="button"
                          part="service-link"
                          class="button"
                          @click=${() => options.onServices(id)}
                        >
                          ${label}
                        </button>`
                  }
                </li>`;
              })}
            </ul>
          </section>`
    }
  </article>`;
}
