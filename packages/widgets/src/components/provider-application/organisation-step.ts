import { PROVIDER_ORG_TYPES } from '@smec/schemas/rules';
import { html, nothing, type TemplateResult } from 'lit';
import { describedBy, fieldId, renderField } from '../../forms/field-view.js';
import { renderRegionField } from '../../forms/region-field.js';
import { msg } from '../../i18n/localization.js';
import { hintWithNote, orgTypeName, text, type StepView } from './step-parts.js';

function renderOrgType(view: StepView): TemplateResult {
  const error = view.problem('orgType');
  const hint = hintWithNote(view, 'orgType');
  const selected = view.values.orgType;
  return renderField({
    name: 'orgType',
    label: msg('机构类型', { id: 'application.orgType' }),
    hint,
    error,
    control: html`<select
      id=${fieldId('orgType')}
      name="orgType"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy('orgType', !!hint, error) || nothing}
    >
      <option value="" ?selected=${!selected}>${msg('请选择', { id: 'demand.choose' })}</option>
      ${PROVIDER_ORG_TYPES.map(
        (type) => html`<option value=${type} ?selected=${type === selected}>${orgTypeName(type)}</option>`,
      )}
    </select>`,
  });
}

/** The first step, 机构信息: shown at once, the others arrive with later-steps.ts. */
export function renderOrganisation(view: StepView): TemplateResult {
  const { values } = view;
  const regionHint = hintWithNote(view, 'city');
  return html`${text(view, 'name', msg('机构名称', { id: 'application.name' }), {
    value: values.name,
    autocomplete: 'organization',
    hint: msg('与营业执照（或登记证书）一致', { id: 'application.name.hint' }),
  })}
  ${text(view, 'uscc', msg('统一社会信用代码', { id: 'demand.uscc' }), {
    value: values.uscc,
    hint: msg('18 位，见营业执照，字母请大写', { id: 'demand.uscc.hint' }),
  })}
  ${renderOrgType(view)}
  ${text(view, 'legalRepresentative', msg('法定代表人', { id: 'application.legalRepresentative' }), {
    value: values.legalRepresentative,
  })}
  ${text(view, 'foundedOn', msg('成立日期', { id: 'application.foundedOn' }), {
    value: values.foundedOn,
    type: 'date',
    hint: msg('入驻要求机构成立满两年', { id: 'application.foundedOn.hint' }),
  })}
  ${text(view, 'address', msg('注册地址', { id: 'application.address' }), {
    value: values.address,
    autocomplete: 'street-address',
  })}
  ${regionHint ? html`<p class="hint review-note">${regionHint}</p>` : nothing} ${renderRegionField(view)}`;
}
