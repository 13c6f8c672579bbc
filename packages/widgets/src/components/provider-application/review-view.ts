import { html, type TemplateResult } from 'lit';
import { msg, type SmecLocale } from '../../i18n/localization.js';
import { formatList, formatNumber } from '../../internal/format.js';
import { categoryName, regionName, type ReferenceData } from '../catalog/reference-data.js';
import { regionCodeOf, type ApplicationValues, type StepId } from './application-values.js';
import { orgTypeName, stepName } from './step-parts.js';
import { fileSize } from './upload-view.js';
import type { Uploads } from './uploads.js';

export interface ReviewView {
  values: ApplicationValues;
  uploads: Uploads;
  reference: ReferenceData | undefined;
  locale: SmecLocale;
  onChange(step: StepId): void;
}

type Row = [label: string, value: string];

function section(view: ReviewView, step: StepId, rows: readonly Row[]): TemplateResult {
  const go = (event: Event) => {
    event.preventDefault();
    view.onChange(step);
  };
  return html`<section part="review-section" class="review-section" aria-labelledby="smec-pa-review-${step}">
    <div class="review-head">
      <h3 id="smec-pa-review-${step}">${stepName(step)}</h3>
      <a href="#" part="change-link" @click=${go}
        >${msg('修改', { id: 'application.change' })}<span class="sr-only">${stepName(step)}</span></a
      >
    </div>
    <dl>
      ${rows.map(
        ([label, value]) =>
          html`<div class="review-row">
            <dt>${label}</dt>
            <dd>${value || '—'}</dd>
          </div>`,
      )}
    </dl>
  </section>`;
}

/** The last step: everything the applicant will send, by step, each with a 修改 link back to its step. */
export function renderReview(view: ReviewView): TemplateResult {
  const { values, reference, locale, uploads } = view;
  const list = (items: readonly string[]) => formatList(items, locale);
  const files = (items: readonly { name: string; size: number }[]) =>
    list(
      items.map((file) => {
        const name = file.name || msg('已上传的文件', { id: 'application.upload.kept' });
        return file.size ? `${name}（${fileSize(file.size, locale)}）` : name;
      }),
    );
  return html`<p class="muted">${msg('请核对以下信息，确认无误后提交。', { id: 'application.review.intro' })}</p>
    ${section(view, 'organisation', [
      [msg('机构名称', { id: 'application.name' }), values.name],
      [msg('统一社会信用代码', { id: 'demand.uscc' }), values.uscc],
      [msg('机构类型', { id: 'application.orgType' }), values.orgType ? orgTypeName(values.orgType) : ''],
      [msg('法定代表人', { id: 'application.legalRepresentative' }), values.legalRepresentative],
      [msg('成立日期', { id: 'application.foundedOn' }), values.foundedOn],
      [msg('注册地址', { id: 'application.address' }), values.address],
      [msg('所在地区', { id: 'demand.region' }), regionName(reference, regionCodeOf(values))],
    ])}
    ${section(view, 'scope', [
      [
        msg('服务类别', { id: 'demand.category' }),
        list(values.categoryIds.map((id) => categoryName(id, reference?.categories, locale))),
      ],
      [
        msg('服务地区', { id: 'application.regionsServed' }),
        list(values.regionsServed.map((code) => regionName(reference, code))),
      ],
      [
        msg('接受服务券', { id: 'application.acceptsVouchers' }),
        values.acceptsVouchers
          ? msg('是', { id: 'application.answer.yes' })
          : msg('否', { id: 'application.answer.no' }),
      ],
      [msg('从业人员数', { id: 'application.staff' }), values.staff ? formatNumber(Number(values.staff), locale) : ''],
      [
        msg('其中专业技术人员数', { id: 'application.professionalStaff' }),
        values.professionalStaff ? formatNumber(Number(values.professionalStaff), locale) : '',
      ],
      [msg('机构简介', { id: 'application.description' }), values.description],
    ])}
    ${section(view, 'contact', [
      [msg('联系人姓名', { id: 'application.contactName' }), values.contactName],
      [msg('手机号码', { id: 'demand.phone' }), values.mobile],
      [msg('电子邮箱', { id: 'application.email' }), values.email],
    ])}
    ${section(view, 'files', [
      [msg('营业执照（或登记证书）', { id: 'application.licence' }), uploads.licence ? files([uploads.licence]) : ''],
      [msg('资质证书', { id: 'application.certificates' }), files(uploads.certificates)],
    ])} `;
}
