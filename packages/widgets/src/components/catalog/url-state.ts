import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readView, writeView, type CatalogView } from './catalog.state.js';

export interface UrlStateInputs {
  /** False when the catalog keeps the URL alone (`no-url-state`). */
  enabled(): boolean;
  /** What the catalog shows now. */
  view(): CatalogView;
  /** Shows what the URL says; `undefined` when it says nothing (the visitor went back to a plain page). */
  apply(view: CatalogView | undefined): void;
}

/**
 * The catalog's filters, page and open product in the page's URL (`smec_*` parameters), so that a filtered view can
 * be shared and the browser's back button goes back through it. The URL follows changes, not the initial state: a
 * page that merely shows the catalog keeps its URL.
 */
export class UrlState implements ReactiveController {
  private ready = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly inputs: UrlStateInputs,
  ) {
    host.addController(this);
  }

  /** What the page's URL asks the catalog to show, if anything. */
  read(): CatalogView | undefined {
    return this.inputs.enabled() ? readView(location.search) : undefined;
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.handlePopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.handlePopState);
  }

  hostUpdated(): void {
    if (this.ready && this.inputs.enabled()) {
      const search = writeView(location.search, this.inputs.view());
      if (search !== location.search) {
        history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
      }
    }
    this.ready = true;
  }

  private readonly handlePopState = () => {
    if (this.inputs.enabled()) this.inputs.apply(readView(location.search));
  };
}
