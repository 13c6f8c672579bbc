import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readView, writeView, type CatalogView } from './catalog.state.js';

export interface UrlStateInputs {
  /** False when the catalog keeps the URL alone (`no-url-state`). */
  enabled(): boolean;
  /** What the catalog shows now. */
  view(): CatalogView;
  /** What the catalog shows when the URL says nothing: its attributes. */
  defaults(): CatalogView;
  /** Shows what the URL says (the defaults when it says nothing: the visitor went back to a plain page). */
  apply(view: CatalogView): void;
}

/**
 * The catalog's filters, page and open product in the page's URL (`smec_*` parameters), so that a filtered view can
 * be shared and the browser's back button goes back through it. The URL follows changes, not the initial state: a
 * page that merely shows the catalog keeps its URL. A change the visitor made by a click (`push()` before it) is a
 * new history entry; any other (typing in the search box) replaces the current one, or Back would undo it letter by
 * letter.
 */
export class UrlState implements ReactiveController {
  private ready = false;
  private pushNext = false;
  /** The query the catalog last showed or wrote. */
  private shown = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly inputs: UrlStateInputs,
  ) {
    host.addController(this);
  }

  /** What the page's URL asks the catalog to show, if anything. */
  read(): CatalogView | undefined {
    return this.inputs.enabled() ? readView(location.search, this.inputs.defaults()) : undefined;
  }

  /** Makes the URL the next update writes a new history entry. */
  push(): void {
    this.pushNext = true;
  }

  hostConnected(): void {
    this.shown = location.search;
    window.addEventListener('popstate', this.handlePopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.handlePopState);
  }

  hostUpdated(): void {
    const push = this.pushNext;
    this.pushNext = false;
    if (this.ready && this.inputs.enabled()) {
      const search = writeView(location.search, this.inputs.view(), this.inputs.defaults());
      if (search !== location.search) {
        const url = `${location.pathname}${search}${location.hash}`;
        if (push) history.pushState(null, '', url);
        else history.replaceState(history.state, '', url);
      }
      this.shown = search;
    }
    this.ready = true;
  }

  private readonly handlePopState = () => {
    // A link to a fragment (#top) fires popstate too: the view stays as it is, a search being typed included.
    if (!this.inputs.enabled() || location.search === this.shown) return;
    this.shown = location.search;
    this.pushNext = false;
    this.inputs.apply(this.read() ?? this.inputs.defaults());
  };
}
