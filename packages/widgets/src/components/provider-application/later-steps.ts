// The steps after the first (服务范围, 联系人, 材料, 确认提交), the uploads, and what saving, submitting and resuming
// need: fetched when the applicant first focuses the form (or a saved application opens), so the first step shows
// at once and the widget's module stays small.
import { TaskStatus } from '@lit/task';
import { textLength } from '@smec/schemas/rules';
import { Files, ProviderApplications } from '@smec/sdk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { describedBy, fieldId, renderField, renderFieldError } from '../../forms/field-view.js';
import { msg, str } from '../../i18n/localization.js';
import { useResources } from '../../internal/client.js';
import { formatNumber } from '../../internal/format.js';
import { categoryName } from '../catalog/reference-data.js';
import type { StepId } from './application-values.js';
import { hintWithNote, text, type StepView } from './step-parts.js';
import { renderUploads } from './upload-view.js';

// The SDK calls of saving, submitting, resuming and uploading (see internal/client.ts).
useResources({ providerApplications: ProviderApplications, files: Files });

export { renderReview } from './review-view.js';
export { laterStepStyles } from './later-steps.styles.js';
export { UploadController } from './uploads.js';
export { toDraft, toRevision, valuesOf } from './application-convert.js';

const DESCRIPTION_MAX = 2000;

interface Choice {
  value: string;
  label: string;
}

/** A group of checkboxes (categories, regions served): the error summary's link goes to the first. */
function renderChecks(
  view: StepView,
  field: 'categoryIds' | 'regionsServed',
  legend: string,
  choices: readonly Choice[],
  hint?: string,
): TemplateResult {
  const error = view.problem(field);
  const shownHint = hintWithNote(view, field, hint);
  const chosen = new Set(view.values[field]);
  const loading = choices.length === 0 && view.referenceStatus !== TaskStatus.ERROR;
  return html`<fieldset part="field" class=${error ? 'field checks field-invalid' : 'field checks'}>
    <legend class="label">${legend}</legend>
    ${shownHint ? html`<p id="${fieldId(field)}-hint" class="hint">${shownHint}</p>` : nothing}
    ${renderFieldError(field, error)}
    ${loading ? html`<p class="muted">${msg('正在加载…', { id: 'status.loading' })}</p>` : nothing}
    <div class="check-grid">
      ${choices.map(
        (choice, index) =>
          html`<label class="check">
            <input
              type="checkbox"
              name=${field}
              id=${index === 0 ? fieldId(field) : nothing}
              .value=${choice.value}
              .checked=${chosen.has(choice.value)}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${describedBy(field, !!shownHint, error) || nothing}
            />
            ${choice.label}
          </label>`,
      )}
    </div>
  </fieldset>`;
}

function renderDescription(view: StepView): TemplateResult {
  const error = view.problem('description');
  const count = textLength(view.values.description);
  const hint = hintWithNote(
    view,
    'description',
    msg('主要服务、资质和服务案例，20 至 2000 字', { id: 'application.description.hint' }),
  );
  const counterId = `${fieldId('description')}-count`;
  return renderField({
    name: 'description',
    label: msg('机构简介', { id: 'application.description' }),
    hint,
    error,
    control: html`<textarea
        id=${fieldId('description')}
        name="description"
        rows="6"
        .value=${view.values.description}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy('description', true, error, [counterId])}
      ></textarea>
      <p id=${counterId} part="counter" class=${count > DESCRIPTION_MAX ? 'counter counter-over' : 'counter'}>
        ${msg(str`已输入 ${formatNumber(count, view.locale)} / ${formatNumber(DESCRIPTION_MAX, view.locale)} 字`, {
          id: 'demand.description.count',
        })}
      </p>`,
  });
}

function renderScope(view: StepView): TemplateResult {
  const { values, reference } = view;
  const categories = (reference?.categories ?? []).map((category) => ({
    value: category.id,
    label: categoryName(category.id, reference?.categories, view.locale),
  }));
  const cities = (reference?.cities ?? []).map((city) => ({ value: city.code, label: city.name }));
  const voucherNote = hintWithNote(view, 'acceptsVouchers');
  return html`${renderChecks(
      view,
      'categoryIds',
      msg('服务类别', { id: 'demand.category' }),
      categories,
      msg('选择 1 至 5 个', { id: 'application.categories.hint' }),
    )}
    ${renderChecks(view, 'regionsServed', msg('服务地区', { id: 'application.regionsServed' }), cities)}
    <div part="field" class="field">
      ${voucherNote ? html`<p class="hint review-note">${voucherNote}</p>` : nothing}
      <label class="check">
        <input
          id=${fieldId('acceptsVouchers')}
          name="acceptsVouchers"
          type="checkbox"
          .checked=${values.acceptsVouchers}
        />
        ${msg('接受服务券', { id: 'application.acceptsVouchers' })}
      </label>
    </div>
    ${text(view, 'staff', msg('从业人员数', { id: 'application.staff' }), {
      value: values.staff,
      inputmode: 'numeric',
    })}
    ${text(view, 'professionalStaff', msg('其中专业技术人员数', { id: 'application.professionalStaff' }), {
      value: values.professionalStaff,
      inputmode: 'numeric',
    })}
    ${renderDescription(view)}`;
}

function renderContact(view: StepView): TemplateResult {
  const { values } = view;
  return html`${text(view, 'contactName', msg('联系人姓名', { id: 'application.contactName' }), {
    value: values.contactName,
    autocomplete: 'name',
  })}
  ${text(view, 'mobile', msg('手机号码', { id: 'demand.phone' }), {
    value: values.mobile,
    type: 'tel',
    autocomplete: 'tel',
    inputmode: 'numeric',
    hint: msg('中心将通过此号码与您联系；凭申请编号和此号码可查询进度', { id: 'application.mobile.hint' }),
  })}
  ${text(view, 'email', msg('电子邮箱', { id: 'application.email' }), {
    value: values.email,
    type: 'email',
    autocomplete: 'email',
    inputmode: 'email',
  })}`;
}

function renderFiles(view: StepView): TemplateResult {
  const hint = msg('PDF、JPG 或 PNG，每个文件不超过 5 MB', { id: 'application.files.hint' });
  return html`${renderUploads(view, {
    role: 'licence',
    label: msg('营业执照（或登记证书）', { id: 'application.licence' }),
    hint: hintWithNote(view, 'licence', hint) ?? hint,
    error: view.problem('licence'),
  })}
  ${renderUploads(view, {
    role: 'certificates',
    label: msg('资质证书', { id: 'application.certificates' }),
    hint: hintWithNote(view, 'certificates', hint) ?? hint,
    error: view.problem('certificates'),
    optional: true,
  })}`;
}

/** The fields of a later step (the review step is review-view.ts's). */
export function renderStep(step: Exclude<StepId, 'organisation' | 'review'>, view: StepView): TemplateResult {
  switch (step) {
    case 'scope':
      return renderScope(view);
    case 'contact':
      return renderContact(view);
    case 'files':
      return renderFiles(view);
  }
}
