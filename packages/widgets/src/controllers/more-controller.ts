import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SmecErrorEvent } from '../events/error-event.js';

/** A page of a list as the platform sends it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * 「加载更多」 under a list: the pages after the first, appended. The first page comes from the widget's task; `key`
 * names the list it belongs to (its filters), so that another list starts again from its own first page. A failure
 * keeps what is shown, fires `smec-error` and stays in `error` until the next try.
 */
export class MoreController<T> implements ReactiveController {
  loading = false;
  error: unknown;
  private loaded: (Page<T> & { key: string }) | undefined;
  private controller: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    /** What a failure is called in its `smec-error`. */
    private readonly operation: string,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.controller?.abort();
  }

  /** What the list shows: the first page of `key` and the pages loaded after it. */
  shown(key: string, first: Page<T>): Page<T> {
    return this.loaded?.key === key ? this.loaded : first;
  }

  /** Forgets the pages loaded after the first (the list is loaded again). */
  reset(): void {
    this.loaded = undefined;
  }

  /** Loads the page after what is shown of `key`; resolves with its items (none when it failed or was replaced). */
  async more(
    key: string,
    first: Page<T>,
    fetch: (cursor: string, signal: AbortSignal) => Promise<Page<T>>,
  ): Promise<T[]> {
    const shown = this.shown(key, first);
    if (!shown.nextCursor) return [];
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.loading = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const page = await fetch(shown.nextCursor, controller.signal);
      if (controller.signal.aborted) return [];
      this.loaded = { items: [...shown.items, ...page.items], nextCursor: page.nextCursor, key };
      return page.items;
    } catch (error) {
      if (controller.signal.aborted) return [];
      this.error = error;
      this.host.dispatchEvent(new SmecErrorEvent(error, this.operation));
      return [];
    } finally {
      if (!controller.signal.aborted) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }
}
