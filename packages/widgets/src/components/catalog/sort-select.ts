import { msg } from '../../i18n/localization.js';
import type { ProductSort } from '@smec/schemas';
import { html, type TemplateResult } from 'lit';
import { SORTS, isSort } from './catalog.state.js';

function sortLabel(sort: ProductSort): string {
  switch (sort) {
    case 'relevance':
      return msg('综合', { id: 'sort.relevance' });
    case 'rating':
      return msg('评分', { id: 'sort.rating' });
    case 'priceAsc':
      return msg('价格从低到高', { id: 'sort.priceAsc' });
    case 'priceDesc':
      return msg('价格从高到低', { id: 'sort.priceDesc' });
    case 'newest':
      return msg('最新', { id: 'sort.newest' });
    case 'popular':
      return msg('销量', { id: 'sort.popular' });
  }
}

export function renderSortSelect(sort: ProductSort, onChange: (sort: ProductSort) => void): TemplateResult {
  const change = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    if (isSort(value)) onChange(value);
  };
  return html`<div class="sort">
    <label for="smec-sort">${msg('排序', { id: 'sort.label' })}</label>
    <select id="smec-sort" @change=${change}>
      ${SORTS.map((value) => html`<option value=${value} .selected=${value === sort}>${sortLabel(value)}</option>`)}
    </select>
  </div>`;
}
