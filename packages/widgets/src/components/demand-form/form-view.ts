import { TaskStatus } from '@lit/task';
import { textLength, todayInShanghai } from '@smec/schemas/rules';
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str, type SmecLocale } from '../../i18n/localization.js';
import { formatNumber } from '../../internal/format.js';
import { categoryName, type ReferenceData } from '../catalog/reference-data.js';
import { describedBy, fieldId, renderField, renderFieldError } from '../../forms/field-view.js';
import { renderRegionField } from '../../forms/region-field.js';
import { renderTextField, type TextFieldOptions } from '../../forms/text-field.js';
import type { DemandFormValues, FormField } from './fields.js';

const DESCRIPTION_MAX = 1000;

/** What the form's fields show: the values, the categories and regions, and each field's problem in words. */
export interface FormView {
  values: DemandFormValues;
  reference: ReferenceData | undefined;
  referenceStatus: TaskStatus;
  locale: SmecLocale;
  problem(field: FormField): string | undefined;
}

function renderText(view: FormView, name: FormField, label: string, options: TextFieldOptions): TemplateResult {
  return renderTextField(name, label, view.problem(name), options);
}

function renderCompany(view: FormView) {
  const { values } = view;
  return html`<fieldset part="fieldset">
    <legend>${msg('企业信息', { id: 'demand.group.company' })}</legend>
    ${renderText(view, 'uscc', msg('统一社会信用代码', { id: 'demand.uscc' }), {
      value: values.uscc,
      hint: msg('18 位，见营业执照，字母请大写', { id: 'demand.uscc.hint' }),
    })}
    ${renderText(view, 'enterpriseName', msg('企业名称', { id: 'demand.enterpriseName' }), {
      value: values.enterpriseName,
      autocomplete: 'organization',
    })}
  </fieldset>`;
}

function renderCategory(view: FormView) {
  const reference = view.reference;
  const loading = view.referenceStatus === TaskStatus.PENDING || view.referenceStatus === TaskStatus.INITIAL;
  const error = view.problem('categoryId');
  const selected = view.values.categoryId;
  return renderField({
    name: 'categoryId',
    label: msg('服务类别', { id: 'demand.category' }),
    error,
    control: html`<select
      id=${fieldId('categoryId')}
      name="categoryId"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy('categoryId', false, error) || nothing}
    >
      <option value="" ?selected=${!selected}>
        ${loading ? msg('正在加载…', { id: 'status.loading' }) : msg('请选择', { id: 'demand.choose' })}
      </option>
      ${(reference?.categories ?? []).map(
        (category) =>
          html`<option value=${category.id} ?selected=${category.id === selected}>
            ${categoryName(category.id, reference?.categories, view.locale)}
          </option>`,
      )}
    </select>`,
  });
}

function renderDescription(view: FormView) {
  const error = view.problem('description');
  const count = textLength(view.values.description);
  const hint = msg('请写明需要解决的问题、现状和希望达到的效果，20 至 1000 字', { id: 'demand.description.hint' });
  const counterId = `${fieldId('description')}-count`;
  return renderField({
    name: 'description',
    label: msg('需求描述', { id: 'demand.description' }),
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

function renderBudget(view: FormView) {
  const error = view.problem('budgetAmount');
  const { negotiable, budgetAmount } = view.values;
  return html`<div part="field" class=${error ? 'field field-invalid' : 'field'}>
    <label for=${fieldId('budgetAmount')}>${msg('预算', { id: 'demand.budget' })}</label>
    <p id="${fieldId('budgetAmount')}-hint" class="hint">
      ${msg('单位：元。尚未确定可选择“面议”', { id: 'demand.budget.hint' })}
    </p>
    ${renderFieldError('budgetAmount', error)}
    <div class="budget-row">
      <input
        id=${fieldId('budgetAmount')}
        name="budgetAmount"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${negotiable ? '' : budgetAmount}
        ?disabled=${negotiable}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy('budgetAmount', true, error)}
      />
      <span aria-hidden="true">${msg('元', { id: 'demand.yuan' })}</span>
      <label class="check">
        <input id=${fieldId('negotiable')} name="negotiable" type="checkbox" .checked=${negotiable} />
        ${msg('面议', { id: 'demand.negotiable' })}
      </label>
    </div>
  </div>`;
}

function renderNeed(view: FormView) {
  const { values } = view;
  return html`<fieldset part="fieldset">
    <legend>${msg('需求内容', { id: 'demand.group.need' })}</legend>
    ${renderCategory(view)} ${renderRegionField(view)}
    ${renderText(view, 'title', msg('需求标题', { id: 'demand.title' }), {
      value: values.title,
      hint: msg('一句话概括，5 至 60 字', { id: 'demand.title.hint' }),
    })}
    ${renderDescription(view)} ${renderBudget(view)}
    ${renderText(view, 'expectedBy', msg('期望完成日期', { id: 'demand.expectedBy' }), {
      value: values.expectedBy,
      type: 'date',
      optional: true,
      min: todayInShanghai(),
    })}
  </fieldset>`;
}

function renderContact(view: FormView) {
  const { values } = view;
  const consentError = view.problem('consent');
  return html`<fieldset part="fieldset">
      <legend>${msg('联系人', { id: 'demand.group.contact' })}</legend>
      ${renderText(view, 'contactName', msg('姓名', { id: 'demand.contactName' }), {
        value: values.contactName,
        autocomplete: 'name',
      })}
      ${renderText(view, 'phone', msg('手机号码', { id: 'demand.phone' }), {
        value: values.phone,
        type: 'tel',
        autocomplete: 'tel',
        inputmode: 'numeric',
        hint: msg('中心和匹配的服务机构将通过此号码与您联系', { id: 'demand.phone.hint' }),
      })}
    </fieldset>
    <div part="field" class=${consentError ? 'field field-invalid consent' : 'field consent'}>
      ${renderFieldError('consent', consentError)}
      <label class="check">
        <input
          id=${fieldId('consent')}
          name="consent"
          type="checkbox"
          .checked=${values.consent}
          aria-invalid=${consentError ? 'true' : 'false'}
          aria-describedby=${describedBy('consent', true, consentError)}
        />
        ${msg('同意将联系方式提供给匹配的服务机构', { id: 'demand.consent' })}
      </label>
      <p id="${fieldId('consent')}-hint" class="hint">
        ${msg('依据《个人信息保护法》，您的姓名和手机号码仅用于本次需求的受理和对接，只提供给中心匹配的服务机构。', {
          id: 'demand.consent.hint',
        })}
      </p>
    </div>`;
}

/** The three groups of the form: the company, the need, the contact (with the consent). */
export function renderFields(view: FormView): TemplateResult {
  return html`${renderCompany(view)} ${renderNeed(view)} ${renderContact(view)}`;
}
