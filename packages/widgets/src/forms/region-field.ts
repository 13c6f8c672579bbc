import { TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { countiesOf, type ReferenceData } from '../components/catalog/reference-data.js';
import { msg } from '../i18n/localization.js';
import { describedBy, fieldId, renderFieldError } from './field-view.js';

/** What the region's selects show: the cities and counties, the chosen ones and the region's problem. */
export interface RegionFieldView {
  reference: ReferenceData | undefined;
  referenceStatus: TaskStatus;
  values: { city: string; county: string };
  problem(field: 'city'): string | undefined;
}

/** 所在地区: a city and, optionally, one of its counties, two selects in a group with the error on the city's. */
export function renderRegionField(view: RegionFieldView): TemplateResult {
  const reference = view.reference;
  const error = view.problem('city');
  const { city, county } = view.values;
  const counties = city ? countiesOf(reference, city) : [];
  const loading = !reference && view.referenceStatus !== TaskStatus.ERROR;
  return html`<div
    part="field"
    class=${error ? 'field field-invalid' : 'field'}
    role="group"
    aria-labelledby="smec-df-region-label"
  >
    <span class="label" id="smec-df-region-label">${msg('所在地区', { id: 'demand.region' })}</span>
    ${renderFieldError('city', error)}
    <div class="region-row">
      <label class="sub-label">
        <span>${msg('地级市', { id: 'demand.city' })}</span>
        <select
          id=${fieldId('city')}
          name="city"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy('city', false, error) || nothing}
        >
          <option value="" ?selected=${!city}>
            ${loading ? msg('正在加载…', { id: 'status.loading' }) : msg('请选择', { id: 'demand.choose' })}
          </option>
          ${(reference?.cities ?? []).map(
            (region) => html`<option value=${region.code} ?selected=${region.code === city}>${region.name}</option>`,
          )}
        </select>
      </label>
      <label class="sub-label">
        <span>${msg('区（县）', { id: 'demand.county' })}</span>
        <select id=${fieldId('county')} name="county" ?disabled=${!city}>
          <option value="" ?selected=${!county}>${msg('全市', { id: 'demand.county.all' })}</option>
          ${counties.map(
            (region) => html`<option value=${region.code} ?selected=${region.code === county}>${region.name}</option>`,
          )}
        </select>
      </label>
    </div>
  </div>`;
}
