import { isSmecRateLimitError } from '@smec/sdk/core';
import { html, nothing } from 'lit';
import { msg } from '../i18n/localization.js';
import { describeError } from '../views/error-view.js';
import { rateLimitText } from './rate-limit.js';

/**
 * Where a submission stands, under the fields: sending, or why it failed (what was typed is kept either way). A
 * refusal of the rate limiter says when to try again; any other failure offers 重试, which sends the same body with
 * the same Idempotency-Key.
 */
export function renderSubmitMessage(busy: boolean, failed: boolean, error: unknown, onRetry: () => void) {
  if (busy) return html`<p class="muted">${msg('正在提交…', { id: 'demand.submitting' })}</p>`;
  if (!failed) return nothing;
  if (isSmecRateLimitError(error)) {
    return html`<div part="submit-error" class="error">
      <p class="error-title">${rateLimitText(error.retryAfter)}</p>
      <p>${msg('您填写的内容已保留。', { id: 'demand.kept' })}</p>
    </div>`;
  }
  return html`<div part="submit-error" class="error">
    <p class="error-title">${msg('提交失败', { id: 'demand.failed' })}</p>
    <p>${describeError(error)}</p>
    <p>${msg('您填写的内容已保留。重试不会重复提交。', { id: 'demand.keptRetry' })}</p>
    <button type="button" part="retry-button" class="button button-primary" @click=${onRetry}>
      ${msg('重试', { id: 'status.retry' })}
    </button>
  </div>`;
}

/** The categories and regions did not load: the selects stay empty until 重试 loads them. */
export function renderReferenceError(error: unknown, onRetry: () => void) {
  return html`<div part="error" class="error">
    <p class="error-title">${msg('服务类别和地区加载失败', { id: 'demand.referenceFailed' })}</p>
    <p>${describeError(error)}</p>
    <button type="button" part="retry-button" class="button button-primary" @click=${onRetry}>
      ${msg('重试', { id: 'status.retry' })}
    </button>
  </div>`;
}
