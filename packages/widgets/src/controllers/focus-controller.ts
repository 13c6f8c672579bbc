import type { ReactiveController, ReactiveControllerHost } from 'lit';

type FocusHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Moves the focus inside the widget once it has rendered what takes it: a view that opened, the first field in error,
 * the result of an action. Add it after the controllers that open dialogs (`ModalController`): an element of a
 * dialog that is not open yet cannot take the focus.
 */
export class FocusController implements ReactiveController {
  private selector: string | undefined;
  private wait: () => boolean = () => false;

  constructor(private readonly host: FocusHost) {
    host.addController(this);
  }

  /**
   * Focuses `selector` after the next update. While it is not there and `wait` says so (a view still on its way, a
   * list still loading), the updates that follow try again; otherwise the focus stays where it is.
   */
  later(selector: string, wait?: boolean | (() => boolean)): void {
    this.selector = selector;
    this.wait = typeof wait === 'function' ? wait : () => !!wait;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const selector = this.selector;
    if (!selector) return;
    const target = this.host.renderRoot.querySelector<HTMLElement>(selector);
    if (!target && this.wait()) return;
    this.selector = undefined;
    target?.focus();
  }
}
