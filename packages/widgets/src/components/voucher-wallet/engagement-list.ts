import { msg, str } from '../../i18n/localization.js';
import type { Engagement, Rating } from '@smec/schemas';
import { FOLLOW_UP_WORKING_DAYS, SATISFACTION_LEVELS } from '@smec/schemas/rules';
import { html, nothing, type TemplateResult } from 'lit';
import type { SmecClient } from '../../internal/client.js';
import { formatDate, formatMoney, formatNumber } from '../../internal/format.js';
import { renderTimeline } from './timeline.js';
import { engagementStateName, engagementStatusName } from './wallet-texts.js';

export interface EngagementListOptions {
  engagements: Engagement[];
  locale: string;
  busy: boolean;
  /** The engagement whose rating form is open. */
  ratingOpen: string | undefined;
  /** The rating just given in this wallet, confirmed in its engagement's card. */
  rated: Rating | undefined;
  /** The wallet's client, handed to the rating form so that it speaks for the same signed-in user. */
  client: SmecClient;
  onAccept: (engagement: Engagement) => void;
  onRate: (engagement: Engagement) => void;
  onCloseRating: () => void;
}

/** Delivered, accepted by the enterprise and not rated yet: the only moment a rating can be given. */
export function canRate(engagement: Engagement): boolean {
  return (
    (engagement.status === 'delivered' || engagement.status === 'closed') &&
    engagement.acceptedAt !== null &&
    engagement.ratingId === null
  );
}

function renderActions(engagement: Engagement, options: EngagementListOptions, titleId: string) {
  const { busy } = options;
  if (engagement.status === 'delivered' && engagement.acceptedAt === null) {
    return html`<div class="actions">
      <button
        type="button"
        part="accept-button"
        class="button button-primary"
        aria-describedby=${titleId}
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => !busy && options.onAccept(engagement)}
      >
        ${msg('验收', { id: 'engagement.accept' })}
      </button>
    </div>`;
  }
  if (!canRate(engagement)) return nothing;
  return html`<div class="actions">
    <button
      type="button"
      part="rate-button"
      class="button"
      aria-describedby=${titleId}
      aria-expanded=${options.ratingOpen === engagement.id ? 'true' : 'false'}
      aria-controls="smec-rating-panel"
      @click=${() => options.onRate(engagement)}
    >
      ${msg('去评价', { id: 'engagement.rate' })}
    </button>
  </div>`;
}

/** ★★★★☆ for 满意: the level given, as stars (the score beside them says it in words). */
function stars(rating: Rating): string {
  const filled = SATISFACTION_LEVELS.length - SATISFACTION_LEVELS.indexOf(rating.level);
  return '★'.repeat(filled) + '☆'.repeat(SATISFACTION_LEVELS.length - filled);
}

/**
 * The confirmation of the rating just given, in its card: its score, and when it opened a follow-up (the two lowest
 * levels), the day by which the provider must answer, as the platform computed it on its working-day calendar.
 */
function renderRated(engagement: Engagement, rating: Rating, locale: string): TemplateResult {
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
              str`您对这项服务不满意：服务机构须在 ${days} 个工作日内答复，即 ${formatDate(`${followUp.dueOn}T12:00:00+08:00`, locale)}前。`,
              { id: 'engagement.rated.followUp' },
            )}
          </p>`
        : nothing
    }
  </div>`;
}

/** The rating form of the engagement `ratingOpen` names, the full width of the list: its rows of stars need it. */
function renderRatingPanel(options: EngagementListOptions): TemplateResult | typeof nothing {
  const engagement = options.engagements.find((e) => e.id === options.ratingOpen);
  if (!engagement || !canRate(engagement)) return nothing;
  return html`<section
    id="smec-rating-panel"
    part="rating-panel"
    class="rating-panel"
    aria-labelledby="smec-rating-title"
  >
    <div class="card-head">
      <h4 id="smec-rating-title">${msg(str`评价：${engagement.productName}`, { id: 'engagement.rating.title' })}</h4>
      <button type="button" class="button" @click=${options.onCloseRating}>
        ${msg('关闭', { id: 'calendar.close' })}
      </button>
    </div>
    <smec-feedback-rating engagement-id=${engagement.id} .client=${options.client}></smec-feedback-rating>
  </section>`;
}

/** The enterprise's engagements: what was ordered from whom, the amounts, where it stands and its timeline. */
export function renderEngagementList(options: EngagementListOptions): TemplateResult {
  const { engagements, locale } = options;
  if (engagements.length === 0) {
    return html`<p class="empty">${msg('暂无服务项目', { id: 'engagement.empty' })}</p>`;
  }
  return html`<ul class="cards">
      ${engagements.map((engagement) => {
        const titleId = `smec-engagement-${engagement.id}`;
        return html`<li part="engagement" class="card engagement" data-engagement-id=${engagement.id}>
          <div class="card-head">
            <h4 id=${titleId} tabindex="-1">${engagement.productName}</h4>
            <span part="badge" class="badge engagement-${engagement.status}">${engagementStateName(engagement)}</span>
          </div>
          <p class="muted">${engagement.providerName}</p>
          <dl class="amounts">
            <div>
              <dt>${msg('合同金额', { id: 'engagement.contract' })}</dt>
              <dd>${formatMoney(engagement.contractAmount)}</dd>
            </div>
            <div>
              <dt>${msg('服务券抵扣', { id: 'engagement.voucherAmount' })}</dt>
              <dd>${formatMoney(engagement.voucherAmount)}</dd>
            </div>
            <div>
              <dt>${msg('企业自付', { id: 'engagement.selfPaid' })}</dt>
              <dd>${formatMoney(engagement.selfPaid)}</dd>
            </div>
          </dl>
          ${
            engagement.status === 'delivered' && engagement.acceptedAt !== null
              ? html`<p class="muted">${msg('您已验收，等待服务中心结算', { id: 'engagement.accepted' })}</p>`
              : nothing
          }
          ${renderTimeline(
            msg('项目进度', { id: 'engagement.timeline' }),
            engagement.timeline.map((entry) => ({ ...entry, statusText: engagementStatusName(entry.status) })),
            locale,
          )}
          ${
            options.rated?.engagementId === engagement.id
              ? renderRated(engagement, options.rated, locale)
              : engagement.ratingId !== null
                ? html`<p part="rated" class="rated">${msg('已评价', { id: 'engagement.rated' })}</p>`
                : nothing
          }
          ${renderActions(engagement, options, titleId)}
        </li>`;
      })}
    </ul>
    ${renderRatingPanel(options)}`;
}
