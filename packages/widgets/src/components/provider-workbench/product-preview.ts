import type { MyProduct, ServiceCategory } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str, type SmecLocale } from '../../i18n/localization.js';
import { renderPrice } from '../../internal/price.js';
import { categoryName, regionName, type ReferenceData } from '../catalog/reference-data.js';

// The catalog's own detail view carries the catalog's texts, consult dialog and ratings: importing it here would
// grow the workbench's download and move the catalog's texts into the shared tables. This small view shows the same
// facts in the catalog's order: name, category, price, summary, the five publics, who it suits, where it is served.

export interface PreviewInputs {
  product: Pick<
    MyProduct,
    | 'name'
    | 'categoryId'
    | 'summary'
    | 'function'
    | 'process'
    | 'standard'
    | 'fee'
    | 'timeLimitDays'
    | 'suitableFor'
    | 'voucherEligible'
    | 'regionCodes'
  >;
  providerName: string;
  reference: ReferenceData | undefined;
  categories: readonly ServiceCategory[] | undefined;
  locale: SmecLocale;
}

export function renderPreview({ product, providerName, reference, categories, locale }: PreviewInputs): TemplateResult {
  const days = product.timeLimitDays;
  return html`<section part="preview" class="preview" aria-labelledby="smec-preview-title">
    <p class="muted">${msg('预览：企业在服务目录中看到的样子', { id: 'workbench.preview.caption' })}</p>
    <h4 id="smec-preview-title">${product.name}</h4>
    <p class="muted">${providerName} · ${categoryName(product.categoryId, categories, locale)}</p>
    <p>
      ${renderPrice(product.fee)}
      ${
        product.voucherEligible
          ? html` · <span class="badge">${msg('可用服务券', { id: 'workbench.preview.voucher' })}</span>`
          : nothing
      }
    </p>
    <p>${product.summary}</p>
    <dl>
      <dt>${msg('服务功能', { id: 'workbench.product.function' })}</dt>
      <dd>${product.function}</dd>
      <dt>${msg('服务流程', { id: 'workbench.product.process' })}</dt>
      <dd>
        <ol>
          ${product.process.map((step) => html`<li><strong>${step.title}</strong> ${step.description}</li>`)}
        </ol>
      </dd>
      <dt>${msg('服务标准', { id: 'workbench.product.standard' })}</dt>
      <dd>${product.standard}</dd>
      <dt>${msg('收费说明', { id: 'workbench.product.feeNote' })}</dt>
      <dd>${product.fee.note}</dd>
      <dt>${msg('服务时限', { id: 'workbench.product.timeLimit' })}</dt>
      <dd>${days ? msg(str`${days} 个工作日内`, { id: 'workbench.preview.days' }) : ''}</dd>
      <dt>${msg('适用对象', { id: 'workbench.product.suitableFor' })}</dt>
      <dd>${product.suitableFor}</dd>
      <dt>${msg('服务地区', { id: 'workbench.product.regions' })}</dt>
      <dd>${product.regionCodes.map((code) => regionName(reference, code)).join(locale === 'en' ? ', ' : '、')}</dd>
    </dl>
  </section>`;
}
