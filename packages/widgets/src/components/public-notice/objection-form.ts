import type { PublicNotice } from '@smec/schemas';
import { OBJECTION_REASON_MAX, textLength } from '@smec/schemas/rules';
import { html, type TemplateResult } from 'lit';
import { describedBy, fieldId, renderField } from '../../forms/field-view.js';
import { renderTextField } from '../../forms/text-field.js';
import { msg, str, type SmecLocale } from '../../i18n/localization.js';
import { formatNumber } from '../../internal/format.js';
import type { ObjectionField, ObjectionValues } from './objection-fields.js';
import { formatDay } from './notice-item.js';

export interface ObjectionFormView {
  notice: PublicNotice;
  values: ObjectionValues;
  locale: SmecLocale;
  problem(field: ObjectionField): string | undefined;
}

/** 「对 X 提出异议」 and what becomes of an objection, above the form. */
export function renderObjectionHeading(notice: PublicNotice, locale: SmecLocale): TemplateResult {
  return html`<h3 id="smec-pn-form-title" part="form-heading" tabindex="-1">
      ${msg(str`对「${notice.name}」提出异议`, { id: 'notice.form.heading' })}
    </h3>
    <p class="muted">
      ${msg(str`公示截止 ${formatDay(notice.endsOn, locale)}。审核中心将逐件核实异议；手机号仅用于联系您，不会公开。`, {
        id: 'notice.form.intro',
      })}
    </p>`;
}

function renderReason(view: ObjectionFormView): TemplateResult {
  const error = view.problem('reason');
  const count = textLength(view.values.reason.trim());
  const counterId = `${fieldId('reason')}-count`;
  return renderField({
    name: 'reason',
    label: msg('异议理由', { id: 'notice.form.reason' }),
    hint: msg('请写明具体事实，例如时间、地点、经过，10 至 500 字', { id: 'notice.form.reason.hint' }),
    error,
    control: html`<textarea
        id=${fieldId('reason')}
        name="reason"
        rows="6"
        .value=${view.values.reason}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy('reason', true, error, [counterId])}
      ></textarea>
      <p id=${counterId} part="counter" class=${count > OBJECTION_REASON_MAX ? 'counter counter-over' : 'counter'}>
        ${msg(str`已输入 ${formatNumber(count, view.locale)} / ${formatNumber(OBJECTION_REASON_MAX, view.locale)} 字`, {
          id: 'notice.form.reason.count',
        })}
      </p>`,
  });
}

/** The three fields of an objection, each with its label, hint and error. */
export function renderObjectionFields(view: ObjectionFormView): TemplateResult {
  return html`${renderTextField('name', msg('您的姓名', { id: 'notice.form.name' }), view.problem('name'), {
    value: view.values.name,
    autocomplete: 'name',
  })}
  ${renderTextField('mobile', msg('手机号码', { id: 'notice.form.mobile' }), view.problem('mobile'), {
    value: view.values.mobile,
    type: 'tel',
    autocomplete: 'tel',
    inputmode: 'numeric',
    hint: msg('11 位中国大陆手机号，审核中心核实异议时联系您', { id: 'notice.form.mobile.hint' }),
  })}
  ${renderReason(view)}`;
}
