import { msg, str } from '../../i18n/localization.js';
import type { VoucherBatch } from '@smec/schemas';
import { daysLeft } from '@smec/schemas/rules';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatMoney } from '../../internal/format.js';
import { opensInText, quotaText } from './wallet-texts.js';

export interface BatchListOptions {
  batches: VoucherBatch[];
  /** The batches the enterprise already holds a voucher of. */
  claimed: Set<string>;
  locale: string;
  busy: boolean;
  onClaim: (batch: VoucherBatch) => void;
}

function renderClaim(batch: VoucherBatch, options: BatchListOptions, titleId: string): TemplateResult {
  const { locale, busy } = options;
  if (options.claimed.has(batch.id)) {
    return html`<p class="claimed">${msg('您已领取本批次', { id: 'wallet.batch.claimed' })}</p>`;
  }
  if (batch.claimState === 'upcoming') {
    // A real `disabled`: nothing to do yet, and the countdown says when there will be.
    return html`<button type="button" part="claim-button" class="button" disabled aria-describedby=${titleId}>
      ${opensInText(daysLeft(batch.claimOpensAt), locale)}
    </button>`;
  }
  return html`<button
    type="button"
    part="claim-button"
    class="button button-primary"
    aria-describedby=${titleId}
    aria-disabled=${busy ? 'true' : 'false'}
    @click=${() => !busy && options.onClaim(batch)}
  >
    ${msg('领取', { id: 'wallet.batch.claim' })}
  </button>`;
}

function renderBadge(batch: VoucherBatch, held: boolean): TemplateResult | typeof nothing {
  if (held) return html`<span part="badge" class="badge held">${msg('已领取', { id: 'wallet.batch.held' })}</span>`;
  if (batch.claimState !== 'upcoming') return nothing;
  return html`<span part="badge" class="badge upcoming">${msg('即将开放', { id: 'wallet.batch.upcoming' })}</span>`;
}

/**
 * The batches open for claims (with the quota left) and those about to open (with a countdown); a batch the
 * enterprise already holds a voucher of is shown as held, after those it can still claim from.
 */
export function renderBatchList(options: BatchListOptions): TemplateResult {
  const { locale } = options;
  const batches = [
    ...options.batches.filter((batch) => !options.claimed.has(batch.id)),
    ...options.batches.filter((batch) => options.claimed.has(batch.id)),
  ];
  if (batches.length === 0) {
    return html`<p class="empty">${msg('暂无可领取的服务券', { id: 'wallet.batches.empty' })}</p>`;
  }
  return html`<ul class="cards">
    ${batches.map((batch) => {
      const titleId = `smec-batch-${batch.id}`;
      const opens = formatDate(batch.claimOpensAt, locale);
      const closes = formatDate(batch.claimClosesAt, locale);
      return html`<li part="batch" class="card batch" data-batch-id=${batch.id}>
        <div class="card-head">
          <h4 id=${titleId}>${batch.name}</h4>
          ${renderBadge(batch, options.claimed.has(batch.id))}
        </div>
        <p class="amount">${formatMoney(batch.faceValue)}</p>
        <p class="muted">
          ${batch.issuer.name} · ${msg(str`最多抵扣合同金额的 ${batch.maxCoverage}%`, { id: 'voucher.coverage' })}
        </p>
        <p>${msg(str`领取时间 ${opens} 至 ${closes}`, { id: 'wallet.batch.window' })}</p>
        <p part="quota" class="quota">${quotaText(batch, locale)}</p>
        <div class="actions">${renderClaim(batch, options, titleId)}</div>
      </li>`;
    })}
  </ul>`;
}
