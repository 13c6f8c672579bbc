import type { Engagement, Voucher } from '@smec/schemas';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ActionController } from '../../controllers/action-controller.js';
import type { SmecClient } from '../../internal/client.js';
import { Lazy } from '../../internal/lazy.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import type { ProductChoice, UseFlow } from './use-flow.js';
import { describeActionError } from './wallet-texts.js';

// The dialogs are fetched when first opened: most visits only look at the vouchers.
const useFlowModule = new Lazy(() => import('./use-flow.js'));
const returnDialogModule = new Lazy(() => import('./return-dialog.js'));

/** What the dialogs need of the wallet, besides being their host. */
export interface WalletDialogInputs {
  client(): SmecClient;
  /** Every voucher of the enterprise, the unused ones (the soonest to expire first) and the engagements. */
  vouchers(): Voucher[];
  usable(): Voucher[];
  engagements(): Engagement[];
  /** The wallet's actions, one at a time: handing back is one of them. */
  action: ActionController;
  /** Moves the focus to `selector` in the wallet once it has rendered. */
  focus(selector: string): void;
  /** Shows what a voucher or an engagement is now, ahead of the reload. */
  remember(kind: 'vouchers' | 'engagements', value: Voucher | Engagement): void;
  /** An action succeeded: the wallet says `message`, moves the focus to `focus`, fires `event` and reloads. */
  done(message: () => string, focus: string, event: Event): void;
}

type DialogHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The wallet's two dialogs, one open at a time: using a voucher (the use flow) and the confirmation of a hand-back.
 * Each module arrives the first time its dialog opens; when a dialog closes, the focus goes back to what opened it.
 */
export class WalletDialogs implements ReactiveController {
  /** The use dialog, once its module has arrived. */
  private useFlow: UseFlow | undefined;
  /** The use dialog asked for, until its module has arrived. */
  private opening: { voucher: Voucher; product?: ProductChoice | undefined } | undefined;
  private returnFocus: HTMLElement | undefined;
  /** The voucher whose hand-back awaits confirmation. */
  returning: Voucher | undefined;

  constructor(
    private readonly host: DialogHost,
    private readonly inputs: WalletDialogInputs,
  ) {
    host.addController(this);
  }

  /** Opens the use dialog on `voucher`, with `product` chosen when the catalog asked for one. */
  openUse(voucher: Voucher, product?: ProductChoice): void {
    this.returnFocus = this.activeElement();
    this.useFlow?.close();
    this.opening = { voucher, product };
    this.host.requestUpdate();
  }

  /** Asks to confirm handing `voucher` back. */
  openReturn(voucher: Voucher): void {
    this.returnFocus = this.activeElement();
    this.inputs.action.error = undefined;
    this.returning = voucher;
    this.inputs.focus('#smec-return-title');
  }

  hostUpdate(): void {
    const opening = this.opening;
    const module = opening && useFlowModule.get(this.host);
    if (!opening || !module) return;
    adoptViewStyles(this.host, module.dialogStyles);
    this.opening = undefined;
    this.useFlow ??= new module.UseFlow(this.host, { ...this.inputs, close: () => this.closeUse() });
    this.useFlow.open(opening.voucher, opening.product);
  }

  private closeUse(): void {
    if (!this.useFlow?.opened && !this.opening) return;
    this.useFlow?.close();
    this.opening = undefined;
    this.host.requestUpdate();
    this.restoreFocus();
  }

  private confirmReturn(): void {
    const voucher = this.returning;
    const module = returnDialogModule.get(this.host);
    if (!voucher || !module || this.inputs.action.busy) return;
    module.confirmHandBack(this.inputs, voucher, () => {
      // The focus goes to the voucher handed back, not to what opened the dialog.
      this.returning = undefined;
      this.returnFocus = undefined;
    });
  }

  private closeReturn(): void {
    if (!this.returning) return;
    this.returning = undefined;
    this.inputs.action.error = undefined;
    this.host.requestUpdate();
    this.restoreFocus();
  }

  private restoreFocus(): void {
    const target = this.returnFocus;
    this.returnFocus = undefined;
    if (target?.isConnected) requestAnimationFrame(() => target.focus());
  }

  private activeElement(): HTMLElement | undefined {
    const active = (this.host.renderRoot as ShadowRoot).activeElement;
    return active instanceof HTMLElement ? active : undefined;
  }

  /** The open dialog, if any (a loading line while its module is on its way). */
  render(): unknown {
    const voucher = this.returning;
    const { busy, error } = this.inputs.action;
    return html`${this.opening ? useFlowModule.render(this.host, () => nothing) : (this.useFlow?.render() ?? nothing)}
    ${
      voucher
        ? returnDialogModule.render(this.host, ({ renderReturnDialog, dialogStyles }) => {
            adoptViewStyles(this.host, dialogStyles);
            return renderReturnDialog({
              voucher,
              busy,
              error: error ? describeActionError(error) : '',
              onConfirm: () => this.confirmReturn(),
              onClose: () => this.closeReturn(),
            });
          })
        : nothing
    }`;
  }
}
