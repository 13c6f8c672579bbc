import type { CategoryId, Region, ServiceCategory } from '@smec/schemas';
import { html, type TemplateResult } from 'lit';
import { msg } from '../../i18n/localization.js';

/** What the visitor searches and filters by. Empty strings are "any". */
export interface ExpertFilters {
  q: string;
  categoryId: CategoryId | '';
  regionCode: string;
}

export const NO_FILTERS: ExpertFilters = { q: '', categoryId: '', regionCode: '' };

/** Reads the filter form. */
export function filtersOf(form: HTMLFormElement): ExpertFilters {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  return { q: text('q'), categoryId: text('categoryId') as CategoryId | '', regionCode: text('regionCode') };
}

/** A category's name in the visitor's language (the platform gives Chinese and English). */
export function categoryName(category: ServiceCategory, locale: string): string {
  return locale === 'en' ? category.nameEn : category.name;
}

export function renderFilters(options: {
  filters: ExpertFilters;
  categories: readonly ServiceCategory[];
  cities: readonly Region[];
  locale: string;
  onSubmit: (event: SubmitEvent) => void;
  onChange: (event: Event) => void;
}): TemplateResult {
  const { filters, categories, cities, locale } = options;
  return html`<form part="filters" class="filters" role="search" novalidate @submit=${options.onSubmit}>
    <div class="search-row">
      <label for="smec-ed-q">${msg('搜索专家', { id: 'expert.search.label' })}</label>
      <div class="search-field">
        <input
          id="smec-ed-q"
          part="search-input"
          name="q"
          type="search"
          maxlength="100"
          .value=${filters.q}
          placeholder=${msg('姓名、职称或关键词，如「税」「会计」', { id: 'expert.search.placeholder' })}
        />
        <button type="submit" part="search-button" class="button button-primary">
          ${msg('搜索', { id: 'expert.search.submit' })}
        </button>
      </div>
    </div>
    <div class="filter-grid" @change=${options.onChange}>
      <div class="field">
        <label for="smec-ed-category">${msg('专业领域', { id: 'expert.filter.specialty' })}</label>
        <select id="smec-ed-category" name="categoryId" part="filter">
          <option value="" ?selected=${filters.categoryId === ''}>
            ${msg('全部领域', { id: 'expert.filter.allSpecialties' })}
          </option>
          ${categories.map(
            (category) =>
              html`<option value=${category.id} ?selected=${filters.categoryId === category.id}>
                ${categoryName(category, locale)}
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="smec-ed-region">${msg('所在地区', { id: 'expert.filter.region' })}</label>
        <select id="smec-ed-region" name="regionCode" part="filter">
          <option value="" ?selected=${filters.regionCode === ''}>
            ${msg('全省', { id: 'expert.filter.allRegions' })}
          </option>
          ${cities.map(
            (city) =>
              html`<option value=${city.code} ?selected=${filters.regionCode === city.code}>${city.name}</option>`,
          )}
        </select>
      </div>
    </div>
  </form>`;
}
