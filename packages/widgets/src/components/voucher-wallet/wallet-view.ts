import { TaskStatus } from '@lit/task';
import type { Engagement, Voucher, VoucherBatch } from '@smec/schemas';
import { html, type TemplateResult } from 'lit';
import { msg } from '../../i18n/localization.js';
import { renderError } from '../../views/error-view.js';
import { renderEmpty, renderLoading } from '../../views/status-view.js';
import { renderBatchList } from './batch-list.js';
import { renderEngagementList } from './engagement-list.js';
import { renderVoucherCard } from './voucher-card.js';
import { describeActionError } from './wallet-texts.js';

export interface WalletViewOptions {
  vouchers: Voucher[];
  engagements: Engagement[];
  /** Where the load of the open batches stands. */
  batches: { status: TaskStatus; value: VoucherBatch[] | undefined; error: unknown; retry: () => void };
  locale: string;
  busy: boolean;
  ratingOpen: string | undefined;
  ratingPanel: unknown;
  ratedNote: (engagement: Engagement) => unknown;
  onUse: (voucher: Voucher) => void;
  onReturn: (voucher: Voucher) => void;
  onClaim: (batch: VoucherBatch) => void;
  onAccept: (engagement: Engagement) => void;
  onRate: (engagement: Engagement) => void;
}

/** What a signed-in enterprise sees: its vouchers, the batches it may claim from, and its engagements. */
export function renderWallet(options: WalletViewOptions): TemplateResult {
  const { vouchers, batches, locale, busy } = options;
  const claimed = new Set(vouchers.filter((v) => v.status !== 'withdrawn').map((v) => v.batchId));
  let batchList: TemplateResult;
  if (batches.status === TaskStatus.ERROR) {
    batchList = html`<div role="alert">${renderError(batches.error, batches.retry, describeActionError)}</div>`;
  } else if (batches.status === TaskStatus.COMPLETE) {
    batchList = renderBatchList({ batches: batches.value ?? [], claimed, locale, busy, onClaim: options.onClaim });
  } else batchList = renderLoading();
  return html`<section part="vouchers" class="section" aria-labelledby="smec-vouchers-title">
      <h3 id="smec-vouchers-title" tabindex="-1">${msg('我的服务券', { id: 'wallet.vouchers' })}</h3>
      ${
        vouchers.length === 0
          ? renderEmpty(msg('您还没有服务券，可在下方领取。', { id: 'wallet.vouchers.empty' }))
          : html`<ul class="cards">
              ${vouchers.map((voucher) =>
                renderVoucherCard({ voucher, locale, busy, onUse: options.onUse, onReturn: options.onReturn }),
              )}
            </ul>`
      }
    </section>
    <section part="batches" class="section" aria-labelledby="smec-batches-title">
      <h3 id="smec-batches-title" tabindex="-1">${msg('可领取的服务券', { id: 'wallet.batches' })}</h3>
      ${batchList}
    </section>
    <section part="engagements" class="section" aria-labelledby="smec-engagements-title">
      <h3 id="smec-engagements-title">${msg('我的服务项目', { id: 'wallet.engagements' })}</h3>
      ${renderEngagementList({
        engagements: options.engagements,
        locale,
        busy,
        ratingOpen: options.ratingOpen,
        ratingPanel: options.ratingPanel,
        ratedNote: options.ratedNote,
        onAccept: options.onAccept,
        onRate: options.onRate,
      })}
    </section>`;
}
