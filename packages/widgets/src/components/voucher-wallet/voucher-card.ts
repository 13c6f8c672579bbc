import { msg, str } from '../../i18n/localization.js';
import type { Voucher } from '@smec/schemas';
import { daysLeft } from '@smec/schemas/rules';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatMoney } from '../../internal/format.js';
import { renderTimeline } from './timeline.js';
import { NEAR_DAYS, daysLeftText, voucherStatusName } from './wallet-texts.js';

export interface VoucherCardOptions {
  voucher: Voucher;
  locale: string;
  busy: boolean;
  onUse: (voucher: Voucher) => void;
  onReturn: (voucher: Voucher) => void;
}

/** The deadline that matters now: using an unused voucher, or the center settling a used one. */
function deadline(voucher: Voucher): { label: string; at: string } | undefined {
  if (voucher.status === 'issued') return { label: msg('使用截止', { id: 'voucher.useBy' }), at: voucher.useBy };
  if (voucher.status === 'ordered' || voucher.status === 'confirmed' || voucher.status === 'delivered') {
    return { label: msg('结算截止', { id: 'voucher.settleBy' }), at: voucher.settleBy };
  }
  return undefined;
}

function renderDeadline(voucher: Voucher, locale: string): TemplateResult | typeof nothing {
  const due = deadline(voucher);
  if (!due) return nothing;
  const days = daysLeft(due.at);
  const near = days <= NEAR_DAYS;
  return html`<p part="deadline${near ? ' deadline-near' : ''}" class="deadline ${near ? 'near' : ''}">
    ${due.label} ${formatDate(due.at, locale)}
    <span class="countdown">
      ${near ? html`<span aria-hidden="true">⚠</span> ${msg('即将到期：', { id: 'voucher.near' })}` : nothing}
      ${daysLeftText(days, locale)}
    </span>
  </p>`;
}

/** One voucher: what it is worth, where it stands, its deadline, its history and what can be done with it. */
export function renderVoucherCard(options: VoucherCardOptions): TemplateResult {
  const { voucher, locale, busy } = options;
  const titleId = `smec-voucher-${voucher.id}`;
  const coverage = voucher.batch.maxCoverage;
  return html`<li part="voucher" class="card voucher status-${voucher.status}" data-voucher-id=${voucher.id}>
    <div class="card-head">
      <h4 id=${titleId} tabindex="-1">${voucher.batch.name}</h4>
      <span part="badge" class="badge status-${voucher.status}">${voucherStatusName(voucher.status)}</span>
    </div>
    <p class="amount" part="face-value">${formatMoney(voucher.faceValue)}</p>
    <p class="muted">
      ${msg(str`券号 ${voucher.code}`, { id: 'voucher.code' })} ·
      ${msg(str`最多抵扣合同金额的 ${coverage}%`, { id: 'voucher.coverage' })} · ${voucher.batch.issuerName}
    </p>
    ${renderDeadline(voucher, locale)}
    ${renderTimeline(
      msg('服务券记录', { id: 'voucher.history' }),
      voucher.history.map((entry) => ({ ...entry, statusText: voucherStatusName(entry.status) })),
      locale,
    )}
    ${
      voucher.status === 'issued'
        ? html`<div class="actions">
            <button
              type="button"
              part="use-button"
              class="button button-primary"
              aria-describedby=${titleId}
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${() => !busy && options.onUse(voucher)}
            >
              ${msg('使用', { id: 'voucher.use' })}
            </button>
            <button
              type="button"
              part="return-button"
              class="button"
              aria-describedby=${titleId}
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${() => !busy && options.onReturn(voucher)}
            >
              ${msg('退回', { id: 'voucher.return' })}
            </button>
          </div>`
        : nothing
    }
  </li>`;
}
