import { TaskStatus } from '@lit/task';
import type { ProductPage, ProductSort, ServiceProduct } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str, type SmecLocale } from '../../i18n/localization.js';
import { formatNumber } from '../../internal/format.js';
import { renderError } from '../../views/error-view.js';
import { loadingText } from '../../views/status-view.js';
import type { CatalogFilters } from './catalog.state.js';
import { renderFacets, type FacetsOptions } from './facets.js';
import { renderPagination } from './pagination.js';
import { renderCardSkeletons, renderProductCard } from './product-card.js';
import type { ReferenceData } from './reference-data.js';
import { renderSearchBox } from './search-box.js';
import { renderSortSelect } from './sort-select.js';

export interface BrowseOptions {
  /** The search as it loads: its status, its last page (kept while the next one loads) and its error. */
  list: { status: TaskStatus; value: ProductPage | undefined; error: unknown; stalled: boolean };
  filters: CatalogFilters;
  searchText: string;
  reference: ReferenceData | undefined;
  locale: SmecLocale;
  filtersOpen: boolean;
  page: number;
  pageSize: number;
  /** The cursor of the page before the previous one is known (not a page reached from a shared link). */
  previousKnown: boolean;
  onSearchInput: (text: string) => void;
  onSearchSubmit: () => void;
  onFilters: FacetsOptions['onChange'];
  onClearFilters: () => void;
  onClearAll: () => void;
  onToggleFilters: () => void;
  onSort: (sort: ProductSort) => void;
  onRetry: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onOpen: (product: ServiceProduct) => void;
}

/** The live status line: loading (or slow), nothing found, or how many services, on which page. */
function statusText({ list, page: current, locale }: BrowseOptions, page: ProductPage | undefined): string {
  if (list.status === TaskStatus.ERROR) return '';
  if (!page) return loadingText(list.stalled);
  if (page.total === 0) return msg('没有找到符合条件的服务', { id: 'status.empty' });
  const total = formatNumber(page.total, locale);
  // The page number is part of the announcement, or moving to another page would go unheard.
  if (current > 1) {
    const number = formatNumber(current, locale);
    return msg(str`共 ${total} 项服务，第 ${number} 页`, { id: 'status.totalOnPage' });
  }
  return page.total === 1
    ? msg(str`共 ${total} 项服务`, { id: 'status.total.one' })
    : msg(str`共 ${total} 项服务`, { id: 'status.total' });
}

function renderResults(options: BrowseOptions, page: ProductPage | undefined) {
  if (options.list.status === TaskStatus.ERROR) return nothing;
  if (!page) return renderCardSkeletons(options.pageSize);
  if (page.items.length === 0) {
    return html`<div class="empty">
      <p>${msg('试试其他关键词，或减少筛选条件。', { id: 'empty.hint' })}</p>
      <button type="button" class="button" @click=${options.onClearAll}>
        ${msg('清除搜索和筛选', { id: 'empty.clearAll' })}
      </button>
    </div>`;
  }
  const cardOptions = { reference: options.reference, locale: options.locale, onOpen: options.onOpen };
  return html`<ul class="cards">
    ${page.items.map((product) => renderProductCard(product, cardOptions))}
  </ul>`;
}

/** The search box, the facets and the results with their status, sorting and pagination. */
export function renderBrowse(options: BrowseOptions): TemplateResult {
  const { list, filters, locale } = options;
  const busy = list.status === TaskStatus.PENDING || list.status === TaskStatus.INITIAL;
  const page = list.status === TaskStatus.COMPLETE ? list.value : undefined;
  const total = list.value?.total ?? 0;
  // aria-busy marks the list only: the live status and alert regions must not sit inside a busy region, or they
  // are not announced.
  return html`${renderSearchBox({ text: options.searchText, onInput: options.onSearchInput, onSubmit: options.onSearchSubmit })}
    <div class="layout">
      ${renderFacets({
        filters,
        // Facets keep the last counts while the next search loads, so the panel does not jump.
        facets: list.value?.facets,
        reference: options.reference,
        locale,
        open: options.filtersOpen,
        onChange: options.onFilters,
        onClear: options.onClearFilters,
        onToggle: options.onToggleFilters,
      })}
      <section part="results" class="results" aria-labelledby="smec-results-title">
        <h2 id="smec-results-title" class="sr-only">${msg('服务产品', { id: 'results.title' })}</h2>
        <div class="toolbar">
          <p part="status" class="status" role="status" aria-live="polite">${statusText(options, page)}</p>
          ${renderSortSelect(filters.sort, options.onSort)}
        </div>
        <div role="alert">${list.status === TaskStatus.ERROR ? renderError(list.error, options.onRetry) : nothing}</div>
        <div class="result-list" aria-busy=${busy ? 'true' : 'false'}>${renderResults(options, page)}</div>
        ${renderPagination({
          page: options.page,
          pageCount: Math.max(options.page, Math.ceil(total / options.pageSize)),
          hasPrevious: options.page > 1,
          previousKnown: options.previousKnown,
          hasNext: !!list.value?.nextCursor,
          busy,
          locale,
          onPrevious: options.onPrevious,
          onNext: options.onNext,
        })}
      </section>
    </div>`;
}
