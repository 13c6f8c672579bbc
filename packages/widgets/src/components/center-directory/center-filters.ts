import type { Region } from '@smec/schemas';
import { html, type TemplateResult } from 'lit';
import { msg } from '../../i18n/localization.js';
import { levelName } from './center-texts.js';

export type CenterLevelFilter = '' | 'province' | 'city' | 'county';

/** What the visitor searches and filters by. Empty strings are "any". */
export interface CenterFilters {
  q: string;
  level: CenterLevelFilter;
  region: string;
}

export const NO_FILTERS: CenterFilters = { q: '', level: '', region: '' };

const LEVELS = ['province', 'city', 'county'] as const;

/** Reads the filter form. */
export function filtersOf(form: HTMLFormElement): CenterFilters {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  return { q: text('q'), level: text('level') as CenterLevelFilter, region: text('region') };
}

export function renderFilters(options: {
  filters: CenterFilters;
  cities: readonly Region[];
  onSubmit: (event: SubmitEvent) => void;
  onChange: (event: Event) => void;
}): TemplateResult {
  const { filters, cities } = options;
  return html`<form part="filters" class="filters" role="search" novalidate @submit=${options.onSubmit}>
    <div class="search-row">
      <label for="smec-cd-q">${msg('搜索服务中心', { id: 'centerDir.search.label' })}</label>
      <div class="search-field">
        <input
          id="smec-cd-q"
          part="search-input"
          name="q"
          type="search"
          maxlength="60"
          .value=${filters.q}
          placeholder=${msg('中心名称，如「佛山」「禅城」', { id: 'centerDir.search.placeholder' })}
        />
        <button type="submit" part="search-button" class="button button-primary">
          ${msg('搜索', { id: 'centerDir.search.submit' })}
        </button>
      </div>
    </div>
    <div class="filter-grid" @change=${options.onChange}>
      <div class="field">
        <label for="smec-cd-region">${msg('所在地市', { id: 'centerDir.filter.city' })}</label>
        <select id="smec-cd-region" name="region" part="filter">
          <option value="" ?selected=${filters.region === ''}>
            ${msg('全省', { id: 'centerDir.filter.allCities' })}
          </option>
          ${cities.map(
            (city) => html`<option value=${city.code} ?selected=${filters.region === city.code}>${city.name}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="smec-cd-level">${msg('中心级别', { id: 'centerDir.filter.level' })}</label>
        <select id="smec-cd-level" name="level" part="filter">
          <option value="" ?selected=${filters.level === ''}>
            ${msg('全部级别', { id: 'centerDir.filter.allLevels' })}
          </option>
          ${LEVELS.map(
            (level) => html`<option value=${level} ?selected=${filters.level === level}>${levelName(level)}</option>`,
          )}
        </select>
      </div>
    </div>
  </form>`;
}
