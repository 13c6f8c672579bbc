import { html, type ReactiveControllerHost } from 'lit';
import { renderError } from '../views/error-view.js';
import { msg } from '../i18n/localization.js';

/**
 * A part of a widget that a visitor does not see on first render (a dialog, a detail view, the other mode of a
 * widget), fetched with a dynamic `import()` the first time it is needed, so it stays out of the widget's first
 * download (the CDN build makes it a chunk of its own). Declare one per module, at module level: every element
 * that shows it shares the fetch.
 */
export class Lazy<T> {
  private module: T | undefined;
  private pending: Promise<T> | undefined;
  private failure: unknown;
  private failed = false;
  private readonly waiting = new Set<ReactiveControllerHost>();

  constructor(private readonly importer: () => Promise<T>) {}

  /** Fetches the module once and resolves with it. After a failed fetch, the next call tries again. */
  load(): Promise<T> {
    if (this.module) return Promise.resolve(this.module);
    if (!this.pending) {
      this.failed = false;
      this.pending = this.importer().then(
        (module) => {
          this.module = module;
          this.wake();
          return module;
        },
        (error: unknown) => {
          this.pending = undefined;
          this.failure = error;
          this.failed = true;
          this.wake();
          throw error;
        },
      );
    }
    return this.pending;
  }

  /**
   * The module once it has arrived. Until then undefined: the fetch starts (unless the last one failed: see
   * `render`) and `host` updates as soon as it arrives or fails.
   */
  get(host: ReactiveControllerHost): T | undefined {
    if (this.module) return this.module;
    this.waiting.add(host);
    if (!this.failed) this.load().catch(() => undefined);
    return undefined;
  }

  /**
   * `view(module)` once the module is here; meanwhile `placeholder` (a short loading line by default: a part shown
   * on first render gives one of its own size, so the page does not jump), or the failure with a retry button.
   */
  render(host: ReactiveControllerHost, view: (module: T) => unknown, placeholder?: () => unknown): unknown {
    const module = this.get(host);
    if (module) return view(module);
    if (this.failed) {
      return html`<div role="alert">${renderError(this.failure, () => this.load().catch(() => undefined))}</div>`;
    }
    if (placeholder) return placeholder();
    return html`<p class="muted lazy-loading">${msg('正在加载…', { id: 'status.loading' })}</p>`;
  }

  private wake(): void {
    for (const host of this.waiting) host.requestUpdate();
    this.waiting.clear();
  }
}
