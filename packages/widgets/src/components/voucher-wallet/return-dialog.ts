import { html, nothing, type TemplateResult } from 'lit';
import type { Voucher } from '@smec/schemas';
import type { ActionController } from '../../controllers/action-controller.js';
import { SmecVoucherReturnEvent } from '../../events/voucher-return-event.js';
import { msg, str } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import { formatMoney } from '../../internal/format.js';
import { Vouchers } from '@smec/sdk/core';
import { useResources } from '../../internal/client.js';

// The SDK calls this module makes (see internal/client.ts).
useResources({ vouchers: Vouchers });

export { default as dialogStyles } from './dialogs.styles.js';

// Fetched the first time a visitor hands a voucher back, which few ever do.

/** What handing back did: the voucher as it is now, what the wallet says and the event it fires. */
export interface HandedBack {
  voucher: Voucher;
  message: () => string;
  event: SmecVoucherReturnEvent;
}

/** What handing back needs of the wallet. */
export interface HandBackInputs {
  client(): SmecClient;
  /** The wallet's actions, one at a time: handing back is one of them. */
  action: ActionController;
  /** Shows the voucher as it is now, ahead of the reload. */
  remember(kind: 'vouchers', voucher: Voucher): void;
  /** The wallet says `message`, moves the focus to `focus`, fires `event` and reloads. */
  done(message: () => string, focus: string, event: SmecVoucherReturnEvent): void;
}

/** Hands `voucher` back, confirmed, as one of the wallet's actions; `handedBack` runs once the platform did it. */
export function confirmHandBack(inputs: HandBackInputs, voucher: Voucher, handedBack: () => void): void {
  const client = inputs.client();
  void inputs.action.run({
    operation: 'vouchers.handBack',
    body: `hand back ${voucher.id}`,
    send: ({ signal }) => handBack(client, voucher, signal),
    done: (done) => {
      handedBack();
      inputs.remember('vouchers', done.voucher);
      inputs.done(done.message, `#smec-voucher-${done.voucher.id}`, done.event);
    },
  });
}

async function handBack(client: SmecClient, voucher: Voucher, signal: AbortSignal): Promise<HandedBack> {
  const returned = await client.vouchers.handBack(voucher.id, { signal });
  return {
    voucher: returned,
    message: () => msg(str`已退回服务券 ${returned.code}，名额已回到批次。`, { id: 'wallet.done.returned' }),
    event: new SmecVoucherReturnEvent({ voucherId: returned.id, batchId: returned.batchId }),
  };
}

export interface ReturnDialogOptions {
  voucher: Voucher;
  busy: boolean;
  error: string;
  onConfirm: () => void;
  onClose: () => void;
}

/** Handing back cannot be undone: the voucher is void and its quota goes to the next claimant. */
export function renderReturnDialog(options: ReturnDialogOptions): TemplateResult {
  const { voucher, busy } = options;
  return html`<dialog
    part="return-dialog"
    class="return-dialog"
    aria-labelledby="smec-return-title"
    aria-describedby="smec-return-text"
    @close=${options.onClose}
  >
    <h3 id="smec-return-title" tabindex="-1">${msg('退回这张服务券？', { id: 'wallet.return.title' })}</h3>
    <p id="smec-return-text">
      ${msg(
        str`退回后，${voucher.batch.name}（${formatMoney(voucher.faceValue)}，券号 ${voucher.code}）即作废，名额回到批次，由其他企业领取。此操作不能撤销。`,
        { id: 'wallet.return.text' },
      )}
    </p>
    <div role="alert">${options.error ? html`<p part="error" class="error">${options.error}</p>` : nothing}</div>
    <div class="actions">
      <button
        type="button"
        part="confirm-return-button"
        class="button button-danger"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => !busy && options.onConfirm()}
      >
        ${msg('确认退回', { id: 'wallet.return.confirm' })}
      </button>
      <button type="button" class="button" @click=${options.onClose}>${msg('取消', { id: 'wallet.cancel' })}</button>
    </div>
  </dialog>`;
}
