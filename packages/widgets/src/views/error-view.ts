import { msg, str } from '../i18n/localization.js';
import {
  isSmecApiError,
  isSmecNetworkError,
  isSmecNotFoundError,
  isSmecRateLimitError,
  isSmecResponseValidationError,
  isSmecTimeoutError,
} from '@smec/sdk/core';
import { html, nothing, type TemplateResult } from 'lit';

/**
 * What went wrong, in the visitor's words; the platform's own explanation when it gave one. `notFound` is what the
 * widget says when the platform has no such thing (an event, a voucher, a region's scorecard); by default the
 * catalog's words about a service.
 */
export function describeError(error: unknown, notFound?: string): string {
  if (isSmecNetworkError(error)) {
    return msg('无法连接到服务平台，请检查网络后重试。', { id: 'error.network' });
  }
  if (isSmecTimeoutError(error)) return msg('服务平台响应超时，请稍后重试。', { id: 'error.timeout' });
  if (isSmecNotFoundError(error)) return notFound ?? msg('没有找到这项服务，它可能已下架。', { id: 'error.notFound' });
  if (isSmecRateLimitError(error)) return msg('访问过于频繁，请稍后重试。', { id: 'error.rateLimited' });
  if (isSmecResponseValidationError(error)) {
    return msg('服务平台返回的数据无法识别。', { id: 'error.invalidResponse' });
  }
  if (isSmecApiError(error)) return error.problem.detail ?? error.problem.title;
  return error instanceof Error && error.message ? error.message : msg('发生未知错误。', { id: 'error.unknown' });
}

/**
 * The error box: what failed, why in the widget's words (`describe`: its refusals and its not-found text, see
 * `describeError`), the request's id for the help desk, and a retry button. Rendered inside a `role="alert"` region.
 */
export function renderError(
  error: unknown,
  onRetry: () => void,
  describe: (error: unknown) => string = describeError,
): TemplateResult {
  const requestId = isSmecApiError(error) ? error.requestId : undefined;
  return html`<div part="error" class="error">
    <p class="error-title">${msg('加载失败', { id: 'status.error' })}</p>
    <p>${describe(error)}</p>
    ${requestId ? html`<p class="muted">${msg(str`请求编号：${requestId}`, { id: 'error.requestId' })}</p>` : nothing}
    <button type="button" part="retry-button" class="button button-primary" @click=${onRetry}>
      ${msg('重试', { id: 'status.retry' })}
    </button>
  </div>`;
}
