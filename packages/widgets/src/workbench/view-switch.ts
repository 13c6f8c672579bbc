import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { SmecLocale } from '../i18n/localization.js';
import type { SmecClient } from '../internal/client.js';
import type { Lazy } from '../internal/lazy.js';
import { renderSkeleton } from '../views/skeleton-view.js';

/** What every workbench's shell gives its views (each workbench adds what it loads first). */
export interface WorkbenchContext {
  client(): SmecClient;
  locale(): SmecLocale;
  /** Loads the shell's summary again (after an action changed it); the last answer stays shown meanwhile. */
  refresh(): void;
  /** Says `message` in the shell's live region. */
  announce(message: string): void;
  /** Focuses `selector` once it is rendered. */
  focus(selector: string): void;
}

/** One view, fetched the first time it is shown and kept while the workbench lives. */
export interface WorkbenchViewPart {
  render(): unknown;
}

export type ViewHost = ReactiveControllerHost & HTMLElement;

/** What a view module exports: `context` is what its workbench's shell gives every view. */
export interface ViewModule<Context> {
  createView(host: ViewHost, context: Context): WorkbenchViewPart;
}

/** A workbench's views: their order in the navigation, their names and the modules fetched on demand. */
export interface ViewTable<View extends string, Context> {
  readonly views: readonly View[];
  readonly modules: Record<View, Lazy<ViewModule<Context>>>;
  name(view: View): string;
}

/**
 * The navigation between a workbench's views and the view shown, each view's module fetched the first time it is
 * shown and its part kept, so that what was typed in a view survives going to another and back.
 */
export class ViewSwitch<View extends string, Context> {
  private readonly parts = new Map<View, WorkbenchViewPart>();

  constructor(
    private readonly host: ViewHost,
    private readonly table: ViewTable<View, Context>,
    private readonly context: Context,
  ) {}

  /** `view` if it is one of the table's, the first view otherwise (an attribute set to anything). */
  current(view: string): View {
    const views = this.table.views as readonly string[];
    return (views.includes(view) ? view : this.table.views[0]) as View;
  }

  renderNav(view: string, label: string, onShow: (view: View) => void): unknown {
    const current = this.current(view);
    return html`<nav part="nav" class="nav" aria-label=${label}>
      <ul>
        ${this.table.views.map(
          (each) =>
            html`<li>
              <button
                type="button"
                part="nav-button"
                class="nav-button"
                data-view=${each}
                aria-current=${each === current ? 'page' : nothing}
                @click=${() => onShow(each)}
              >
                ${this.table.name(each)}
              </button>
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  renderView(view: string): unknown {
    const current = this.current(view);
    const body = this.table.modules[current].render(
      this.host,
      ({ createView }) => {
        let part = this.parts.get(current);
        if (!part) this.parts.set(current, (part = createView(this.host, this.context)));
        return part.render();
      },
      renderSkeleton,
    );
    return html`<section part="view" class="view" aria-labelledby="smec-view-title">
      <h3 id="smec-view-title" tabindex="-1">${this.table.name(current)}</h3>
      ${body}
    </section>`;
  }
}
