import { html, nothing } from 'lit';
import type { MoreController, Page } from '../controllers/more-controller.js';

/**
 * 「加载更多」 under a paged list while the platform has a next page: it loads that page through `more` (disabled
 * while one is loading). `label` is the widget's own text for it.
 */
export function renderMoreButton<T>(
  more: MoreController<T>,
  key: string,
  first: Page<T>,
  fetch: (cursor: string, signal: AbortSignal) => Promise<Page<T>>,
  label: string,
): unknown {
  if (!more.shown(key, first).nextCursor) return nothing;
  return html`<div class="actions">
    <button
      type="button"
      part="more-button"
      class="button"
      ?disabled=${more.loading}
      @click=${() => void more.more(key, first, fetch)}
    >
      ${label}
    </button>
  </div>`;
}
