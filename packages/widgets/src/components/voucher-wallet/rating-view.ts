import type { Engagement, Rating } from '@smec/schemas';
import { FOLLOW_UP_WORKING_DAYS, SATISFACTION_LEVELS } from '@smec/schemas/rules';
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import { formatDate, formatNumber } from '../../internal/format.js';

// Fetched with the rating form, the first time a visitor presses 去评价.

export const ratingStyles = css`
  .rating-panel {
    display: grid;
    gap: 0.5rem;
    margin-block-start: 0.75rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
  }
`;

/** What the wallet's live region says once a rating was given: thanks, and the due date of its follow-up. */
export function ratedMessage(rating: Rating, locale: string): string {
  const due = rating.followUp && dueDate(rating.followUp.dueOn, locale);
  return due
    ? msg(str`感谢您的评价。服务机构须在 ${due}前答复。`, { id: 'wallet.done.rated.due' })
    : msg('感谢您的评价。', { id: 'wallet.done.rated' });
}

/** A day in Asia/Shanghai (`YYYY-MM-DD`) as a date: 「2027年1月20日」. */
function dueDate(day: string, locale: string): string {
  return formatDate(`${day}T12:00:00+08:00`, locale);
}

export interface RatingPanelOptions {
  engagement: Engagement;
  /** The wallet's client, handed to the rating form so that it speaks for the same signed-in user. */
  client: SmecClient;
  onClose: () => void;
}

/** ★★★★☆ for 满意: the level given, as stars (the score beside them says it in words). */
export function stars(rating: Pick<Rating, 'level'>): string {
  const filled = SATISFACTION_LEVELS.length - SATISFACTION_LEVELS.indexOf(rating.level);
  return '★'.repeat(filled) + '☆'.repeat(SATISFACTION_LEVELS.length - filled);
}

/**
 * The confirmation of the rating just given, in its card: its score, and when it opened a follow-up (the two lowest
 * levels), the day by which the provider must answer, as the platform computed it on its working-day calendar.
 */
export function renderRated(engagement: Engagement, rating: Rating, locale: string): TemplateResult {
  const score = formatNumber(rating.score, locale);
  const followUp = rating.followUp;
  const days = formatNumber(FOLLOW_UP_WORKING_DAYS, locale);
  return html`<div part="rated" class="rated" id="smec-rated-${engagement.id}" tabindex="-1">
    <p>
      <strong>${msg('感谢您的评价。', { id: 'wallet.done.rated' })}</strong>
      <span class="stars" aria-hidden="true">${stars(rating)}</span>
      ${msg(str`${score} 分 · ${rating.grade} 级`, { id: 'engagement.rated.score' })}
    </p>
    ${
      followUp
        ? html`<p part="due">
            ${msg(
              str`您对这项服务不满意：服务机构须在 ${days} 个工作日内答复，即 ${dueDate(followUp.dueOn, locale)}前。`,
              { id: 'engagement.rated.followUp' },
            )}
          </p>`
        : nothing
    }
  </div>`;
}

/** The rating form of `engagement`, below the list and as wide as it: its rows of stars need the room. */
export function renderRatingPanel(options: RatingPanelOptions): TemplateResult {
  const { engagement } = options;
  return html`<section
    id="smec-rating-panel"
    part="rating-panel"
    class="rating-panel"
    aria-labelledby="smec-rating-title"
  >
    <div class="card-head">
      <h4 id="smec-rating-title">${msg(str`评价：${engagement.productName}`, { id: 'engagement.rating.title' })}</h4>
      <button type="button" class="button" @click=${options.onClose}>${msg('关闭', { id: 'calendar.close' })}</button>
    </div>
    <smec-feedback-rating engagement-id=${engagement.id} .client=${options.client}></smec-feedback-rating>
  </section>`;
}
