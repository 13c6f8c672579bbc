import { msg, str } from '../../i18n/localization.js';
import type { PublicRating, RatingDistribution } from '@smec/schemas';
import { SATISFACTION_LEVELS } from '@smec/schemas/rules';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { formatDate, formatNumber, formatScore } from '../../internal/format.js';
import { describeShowError, levelName, scoreText } from './rating-texts.js';

export interface ShowOptions {
  summary: RatingDistribution;
  items: readonly PublicRating[];
  hasMore: boolean;
  loadingMore: boolean;
  moreError: unknown;
  locale: string;
  onMore: () => void;
}

function countText(count: number, locale: string): string {
  const value = formatNumber(count, locale);
  return count === 1
    ? msg(str`${value} 条评价`, { id: 'feedback.count.one' })
    : msg(str`${value} 条评价`, { id: 'feedback.count' });
}

function percentOf(part: number, total: number): number {
  return total > 0 ? Math.round((part / total) * 1000) / 10 : 0;
}

/**
 * The bars only draw the numbers that the list says in words, so they are hidden from screen readers. Their widths
 * are SVG attributes, not `style`, so that a strict Content-Security-Policy has nothing to refuse.
 */
function bar(percent: number) {
  return html`<svg class="bar" aria-hidden="true" focusable="false" viewBox="0 0 100 8" preserveAspectRatio="none">
    ${svg`<rect class="bar-track" x="0" y="0" width="100" height="8"></rect>
      <rect class="bar-fill" x="0" y="0" width=${percent} height="8"></rect>`}
  </svg>`;
}

export function renderSummary(summary: RatingDistribution, locale: string): TemplateResult {
  const average =
    summary.averageScore === null
      ? '—'
      : msg(str`${formatScore(summary.averageScore, locale)} 分`, { id: 'feedback.average.value' });
  const satisfaction =
    summary.satisfactionPercent === null ? '—' : `${formatScore(summary.satisfactionPercent, locale)}%`;
  return html`<div part="summary" class="summary">
    <dl class="figures">
      <div>
        <dt>${msg('平均得分', { id: 'feedback.average' })}</dt>
        <dd part="average" class="figure">${average}</dd>
      </div>
      <div>
        <dt>${msg('评价数', { id: 'feedback.countLabel' })}</dt>
        <dd part="count" class="figure">${countText(summary.count, locale)}</dd>
      </div>
      <div>
        <dt>${msg('满意率', { id: 'feedback.satisfaction' })}</dt>
        <dd part="satisfaction" class="figure">${satisfaction}</dd>
      </div>
    </dl>
    <h3 id="smec-fr-distribution-title">${msg('满意度分布', { id: 'feedback.distribution' })}</h3>
    <ul part="distribution" class="distribution" aria-labelledby="smec-fr-distribution-title">
      ${SATISFACTION_LEVELS.map((level) => {
        const count = summary.levels[level];
        const percent = percentOf(count, summary.count);
        return html`<li data-level=${level}>
          <span class="level-name">${levelName(level)}</span>
          ${bar(percent)}
          <span class="level-count"
            >${msg(str`${formatNumber(count, locale)} 条（${formatScore(percent, locale)}%）`, {
              id: 'feedback.levelCount',
            })}</span
          >
        </li>`;
      })}
    </ul>
  </div>`;
}

function renderRating(rating: PublicRating, locale: string): TemplateResult {
  return html`<li part="rating" class="rating" data-rating-id=${rating.id}>
    <p class="rating-head">
      <span class="enterprise">${rating.enterpriseLabel}</span>
      <span class="muted">${formatDate(rating.createdAt, locale)}</span>
    </p>
    <p class="rating-facts">
      <span class="tag level-${rating.level}">${levelName(rating.level)}</span>
      <span part="rating-score">${scoreText(rating.score, rating.grade, locale)}</span>
      <span class="muted"
        >${rating.solved ? msg('问题已解决', { id: 'feedback.solved.done' }) : msg('问题未解决', { id: 'feedback.solved.notDone' })}</span
      >
      <span class="muted">${rating.productName}</span>
    </p>
    ${rating.comment ? html`<p class="comment">${rating.comment}</p>` : nothing}
    ${rating.answers.map(
      (answer) =>
        html`<div part="answer" class="answer">
          <p class="muted">${msg('服务机构答复', { id: 'feedback.answer' })} · ${formatDate(answer.at, locale)}</p>
          <p>${answer.text}</p>
        </div>`,
    )}
  </li>`;
}

export function renderRatings(options: ShowOptions): TemplateResult {
  const { summary, items, locale } = options;
  if (summary.count === 0 && items.length === 0) {
    return html`<p part="empty" class="empty">${msg('暂无评价', { id: 'rating.none' })}</p>`;
  }
  const shown = formatNumber(items.length, locale);
  const total = formatNumber(summary.count, locale);
  return html`${renderSummary(summary, locale)}
    <h3 id="smec-fr-latest-title">${msg('最新评价', { id: 'feedback.latest' })}</h3>
    <ol part="list" class="ratings" aria-labelledby="smec-fr-latest-title">
      ${items.map((rating) => renderRating(rating, locale))}
    </ol>
    <p part="list-status" class="muted" role="status">
      ${msg(str`已显示 ${shown} / ${total} 条`, { id: 'feedback.shown' })}
    </p>
    <div role="alert">
      ${options.moreError ? html`<p part="error" class="error">${describeShowError(options.moreError)}</p>` : nothing}
    </div>
    ${
      options.hasMore
        ? html`<button
            type="button"
            part="more-button"
            class="button"
            aria-disabled=${options.loadingMore ? 'true' : 'false'}
            @click=${() => !options.loadingMore && options.onMore()}
          >
            ${
              options.loadingMore
                ? msg('正在加载…', { id: 'status.loading' })
                : options.moreError
                  ? msg('重试', { id: 'status.retry' })
                  : msg('加载更多评价', { id: 'feedback.more' })
            }
          </button>`
        : nothing
    }`;
}
