import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../i18n/localization.js';

/** 「正在加载…」, or 「加载较慢，请稍候…」 once loading has taken longer than the widget's `stalled-after`. */
export function loadingText(stalled = false): string {
  return stalled ? msg('加载较慢，请稍候…', { id: 'status.stalled' }) : msg('正在加载…', { id: 'status.loading' });
}

/** A short loading line, where a part of a widget has yet to arrive. */
export function renderLoading(): TemplateResult {
  return html`<p class="muted">${loadingText()}</p>`;
}

/** There is nothing to show: the widget's own words for it; `part="empty"` where the widget documents that part. */
export function renderEmpty(text: string, part?: 'empty'): TemplateResult {
  return html`<p part=${part ?? nothing} class="empty">${text}</p>`;
}
