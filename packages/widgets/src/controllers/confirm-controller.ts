import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { adoptViewStyles } from '../internal/view-styles.js';
import { dialogStyles, renderConfirmDialog, type ConfirmDialogOptions } from '../views/confirm-dialog.js';

// Few visits ever accept a delivery or cancel a registration: the modules that ask (the wallet's accept flow, the
// calendar's registration) arrive when first needed, and bring this with them.

/** What to ask, and what to do once the visitor said yes. */
export type Confirmation = Omit<ConfirmDialogOptions, 'onCancel'>;

type ConfirmHost = ReactiveControllerHost & HTMLElement;

/**
 * Asks before an action that cannot be undone, in a modal dialog the host renders with `render()`: the focus goes to
 * the question, stays in the dialog, and goes back to what asked once it closes; Escape says no. Add it after the
 * host's `ModalController`, which opens the dialog: a dialog that is not open cannot take the focus.
 */
export class ConfirmController implements ReactiveController {
  private asking: Confirmation | undefined;
  private opener: HTMLElement | undefined;
  private focusQuestion = false;

  constructor(private readonly host: ConfirmHost) {
    host.addController(this);
  }

  ask(confirmation: Confirmation): void {
    const active = this.host.shadowRoot?.activeElement;
    this.opener = active instanceof HTMLElement ? active : undefined;
    this.asking = confirmation;
    this.focusQuestion = true;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.focusQuestion) return;
    const question = this.host.shadowRoot?.querySelector<HTMLElement>('#smec-confirm-title');
    this.focusQuestion = false;
    question?.focus();
  }

  private settle(confirmed: boolean): void {
    const asking = this.asking;
    if (!asking) return;
    this.asking = undefined;
    this.focusQuestion = false;
    const opener = this.opener;
    this.opener = undefined;
    this.host.requestUpdate();
    // Back to what asked once the dialog is gone (the page behind a modal dialog takes no focus); the action moves it
    // on when it is done.
    void this.host.updateComplete.then(() => opener?.isConnected && opener.focus());
    if (confirmed) asking.onConfirm();
  }

  /** The dialog while a question is open. */
  render(): unknown {
    const asking = this.asking;
    if (!asking) return nothing;
    adoptViewStyles(this.host, dialogStyles);
    return renderConfirmDialog({ ...asking, onConfirm: () => this.settle(true), onCancel: () => this.settle(false) });
  }
}
