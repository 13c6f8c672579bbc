import type { ReactiveController, ReactiveControllerHost } from 'lit';

type ModalHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Opens every `<dialog>` the widget renders as a modal (`showModal()`: the page behind is inert, Escape closes it)
 * as soon as it is rendered. A widget renders one dialog at a time; it closes one by no longer rendering it.
 */
export class ModalController implements ReactiveController {
  constructor(private readonly host: ModalHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    for (const dialog of this.host.renderRoot.querySelectorAll('dialog')) if (!dialog.open) dialog.showModal();
  }
}
