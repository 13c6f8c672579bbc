import type { ReactiveControllerHost } from 'lit';
import type { SmecLocale } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import type { WorkbenchSummary, WorkbenchView } from './required-actions.js';

/** What every view of the workbench gets from its shell. */
export interface ViewContext {
  client(): SmecClient;
  /** The provider's account, products, engagements and ratings as last loaded. */
  summary(): WorkbenchSummary;
  locale(): SmecLocale;
  /** Loads the summary again (after an action changed it); the last answer stays shown meanwhile. */
  refresh(): void;
  /** Says `message` in the shell's live region. */
  announce(message: string): void;
  /** Focuses `selector` once it is rendered. */
  focus(selector: string): void;
  /** Shows another view and focuses `selector` in it once it has arrived (by default the view's title). */
  show(view: WorkbenchView, selector?: string): void;
}

/** One view, fetched the first time it is shown and kept while the workbench lives. */
export interface WorkbenchViewPart {
  render(): unknown;
}

export type ViewHost = ReactiveControllerHost & HTMLElement;

/** What a view module exports. */
export interface ViewModule {
  createView(host: ViewHost, context: ViewContext): WorkbenchViewPart;
}
