import { msg } from '../../i18n/localization.js';
import type { CategoryId, ServiceCategory } from '@smec/schemas';
import { POLICY_VALIDITY_FILTERS, type PolicyValidityFilter } from '@smec/schemas/rules';
import { html, type TemplateResult } from 'lit';
import { categoryName } from './policy-texts.js';

/** What the visitor searches and filters by. Empty strings are "any". */
export interface PolicyFilters {
  q: string;
  category: CategoryId | '';
  issuer: string;
  from: string;
  to: string;
  validity: PolicyValidityFilter | '';
}

export const NO_FILTERS: PolicyFilters = { q: '', category: '', issuer: '', from: '', to: '', validity: '' };

/** Reads the filter form. */
export function filtersOf(form: HTMLFormElement): PolicyFilters {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  const validity = text('validity');
  return {
    q: text('q'),
    category: text('category') as CategoryId | '',
    issuer: text('issuer'),
    from: text('from'),
    to: text('to'),
    validity: (POLICY_VALIDITY_FILTERS as readonly string[]).includes(validity)
      ? (validity as PolicyValidityFilter)
      : '',
  };
}

/** 「从」 after 「到」 is refused next to the field, keeping what was typed. */
export function rangeProblem(filters: PolicyFilters): string | undefined {
  return filters.from && filters.to && filters.from > filters.to
    ? msg('结束日期不能早于开始日期。', { id: 'policy.filter.rangeError' })
    : undefined;
}

function validityLabel(validity: PolicyValidityFilter): string {
  return validity === 'inForce'
    ? msg('现行有效', { id: 'policy.validity.inForce' })
    : msg('已失效', { id: 'policy.validity.expired' });
}

export function renderFilters(options: {
  filters: PolicyFilters;
  categories: readonly ServiceCategory[];
  rangeError: string | undefined;
  locale: string;
  onSubmit: (event: SubmitEvent) => void;
  onChange: (event: Event) => void;
}): TemplateResult {
  const { filters, categories, rangeError, locale } = options;
  return html`<form part="filters" class="filters" role="search" novalidate @submit=${options.onSubmit}>
    <div class="search-row">
      <label for="smec-pl-q">${msg('搜索政策', { id: 'policy.search.label' })}</label>
      <div class="search-field">
        <input
          id="smec-pl-q"
          part="search-input"
          name="q"
          type="search"
          maxlength="100"
          .value=${filters.q}
          placeholder=${msg('标题、文号或关键词，如「融资」', { id: 'policy.search.placeholder' })}
        />
        <button type="submit" part="search-button" class="button button-primary">
          ${msg('搜索', { id: 'policy.search.submit' })}
        </button>
      </div>
    </div>
    <div class="filter-grid" @change=${options.onChange}>
      <div class="field">
        <label for="smec-pl-category">${msg('服务类别', { id: 'policy.filter.category' })}</label>
        <select id="smec-pl-category" name="category" part="filter">
          <option value="" ?selected=${filters.category === ''}>
            ${msg('全部类别', { id: 'policy.filter.allCategories' })}
          </option>
          ${categories.map(
            (category) =>
              html`<option value=${category.id} ?selected=${filters.category === category.id}>
                ${categoryName(category, locale)}
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="smec-pl-validity">${msg('效力', { id: 'policy.filter.validity' })}</label>
        <select id="smec-pl-validity" name="validity" part="filter">
          <option value="" ?selected=${filters.validity === ''}>
            ${msg('全部', { id: 'policy.filter.allValidity' })}
          </option>
          ${POLICY_VALIDITY_FILTERS.map(
            (validity) =>
              html`<option value=${validity} ?selected=${filters.validity === validity}>
                ${validityLabel(validity)}
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="smec-pl-issuer">${msg('发文机关', { id: 'policy.filter.issuer' })}</label>
        <input id="smec-pl-issuer" name="issuer" part="filter" type="text" maxlength="60" .value=${filters.issuer} />
      </div>
      <div class="field">
        <label for="smec-pl-from">${msg('发布日期从', { id: 'policy.filter.from' })}</label>
        <input id="smec-pl-from" name="from" part="filter" type="date" .value=${filters.from} />
      </div>
      <div class="field">
        <label for="smec-pl-to">${msg('发布日期至', { id: 'policy.filter.to' })}</label>
        <input
          id="smec-pl-to"
          name="to"
          part="filter"
          type="date"
          .value=${filters.to}
          aria-invalid=${rangeError ? 'true' : 'false'}
          aria-describedby=${rangeError ? 'smec-pl-range-error' : ''}
        />
        ${rangeError ? html`<p id="smec-pl-range-error" part="field-error" class="field-error">${rangeError}</p>` : ''}
      </div>
    </div>
  </form>`;
}
