import { msg, str } from '../../i18n/localization.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { SmecLocale } from '../../i18n/localization.js';
import { formatNumber } from '../../internal/format.js';

export interface PaginationOptions {
  page: number;
  pageCount: number;
  hasPrevious: boolean;
  /** False when the page was opened from a shared link: the earlier pages' cursors are unknown. */
  previousKnown: boolean;
  hasNext: boolean;
  busy: boolean;
  locale: SmecLocale;
  onPrevious: () => void;
  onNext: () => void;
}

/**
 * Previous / next with the page number. The buttons stay focusable when they cannot be used (aria-disabled, not
 * disabled), so keyboard focus is not thrown back to the top of the page on the last page or while loading.
 */
export function renderPagination(options: PaginationOptions): TemplateResult | typeof nothing {
  const { page, pageCount, hasPrevious, previousKnown, hasNext, busy, locale } = options;
  if (!hasPrevious && !hasNext) return nothing;
  const canGoBack = hasPrevious && !busy;
  const canGoOn = hasNext && !busy;
  return html`<nav part="pagination" class="pagination" aria-label=${msg('分页', { id: 'pagination.label' })}>
    <button
      type="button"
      class="button"
      aria-disabled=${canGoBack ? 'false' : 'true'}
      @click=${() => canGoBack && options.onPrevious()}
    >
      ${previousKnown ? msg('上一页', { id: 'pagination.previous' }) : msg('第一页', { id: 'pagination.first' })}
    </button>
    <span class="page-number">
      ${msg(str`第 ${formatNumber(page, locale)} 页，共 ${formatNumber(pageCount, locale)} 页`, {
        id: 'pagination.pageOf',
      })}
    </span>
    <button
      type="button"
      class="button"
      aria-disabled=${canGoOn ? 'false' : 'true'}
      @click=${() => canGoOn && options.onNext()}
    >
      ${msg('下一页', { id: 'pagination.next' })}
    </button>
  </nav>`;
}
