import { msg } from '../../i18n/localization.js';
import type { Engagement } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney } from '../../internal/format.js';
import { renderTimeline } from './timeline.js';
import { engagementStateName, engagementStatusName } from './wallet-texts.js';

export interface EngagementListOptions {
  engagements: Engagement[];
  locale: string;
  busy: boolean;
  /** The engagement whose rating form is open. */
  ratingOpen: string | undefined;
  /** The rating form, below the list, while one is open. */
  ratingPanel: unknown;
  /** The confirmation of a rating just given in this wallet, in its card; undefined for any other card. */
  ratedNote: (engagement: Engagement) => unknown;
  onAccept: (engagement: Engagement) => void;
  onRate: (engagement: Engagement) => void;
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
            options.ratedNote(engagement) ??
            (engagement.ratingId !== null
              ? html`<p part="rated" class="rated">${msg('已评价', { id: 'engagement.rated' })}</p>`
              : nothing)
          }
          ${renderActions(engagement, options, titleId)}
        </li>`;
      })}
    </ul>
    ${options.ratingPanel}`;
}
