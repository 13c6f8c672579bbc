import type { Engagement } from '@smec/schemas';
import { Engagements } from '@smec/sdk/core';
import type { ReactiveControllerHost } from 'lit';
import { ConfirmController } from '../../controllers/confirm-controller.js';
import { msg, str } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import { useResources } from '../../internal/client.js';
import { formatMoney } from '../../internal/format.js';

// The SDK calls this module makes (see internal/client.ts).
useResources({ engagements: Engagements });

// Fetched the first time a visitor presses 验收, which a visit does once in a while at most.

/** What accepting needs of the wallet. */
export interface AcceptInputs {
  client(): SmecClient;
  /** Runs `send` as one of the wallet's actions (one at a time, the same Idempotency-Key on a retry). */
  run<T>(
    operation: string,
    body: string,
    send: (signal: AbortSignal, key: string) => Promise<T>,
    done: (value: T) => void,
  ): void;
  /** Shows the engagement as it is now, ahead of the reload. */
  remember(kind: 'engagements', engagement: Engagement): void;
  /** The wallet says `message`, moves the focus to `focus` and reloads. */
  done(message: () => string, focus: string): void;
}

/**
 * 验收, asked first: once accepted, the center settles the contract with the provider, and nothing undoes it. The
 * question names the provider and the amount.
 */
export class AcceptFlow {
  private readonly confirm: ConfirmController;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly inputs: AcceptInputs,
  ) {
    // Made after the wallet's ModalController, so it comes after it.
    this.confirm = new ConfirmController(host);
  }

  ask(engagement: Engagement): void {
    const amount = formatMoney(engagement.contractAmount);
    const { productName, providerName } = engagement;
    this.confirm.ask({
      title: msg('验收这项服务？', { id: 'wallet.accept.title' }),
      text: msg(
        str`您将确认${providerName}已交付「${productName}」，合同金额 ${amount}。验收后服务中心将据此结算，此操作不能撤销。`,
        { id: 'wallet.accept.text' },
      ),
      confirm: msg('确认验收', { id: 'wallet.accept.confirm' }),
      part: 'confirm-accept-button',
      onConfirm: () => this.accept(engagement),
    });
  }

  private accept(engagement: Engagement): void {
    const client = this.inputs.client();
    this.inputs.run(
      'engagements.accept',
      `accept ${engagement.id}`,
      (signal, idempotencyKey) => client.engagements.accept(engagement.id, { signal, idempotencyKey }),
      (accepted) => {
        this.inputs.remember('engagements', accepted);
        this.inputs.done(
          () => msg(str`已验收：${accepted.productName}。`, { id: 'wallet.done.accepted' }),
          `#smec-engagement-${accepted.id}`,
        );
      },
    );
  }

  /** The question while it is open. */
  render(): unknown {
    return this.confirm.render();
  }
}
