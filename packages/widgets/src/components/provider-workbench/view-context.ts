import type { ViewModule as SharedViewModule, WorkbenchContext } from '../../workbench/view-switch.js';
import type { WorkbenchSummary, WorkbenchView } from './required-actions.js';

/** What every view of the workbench gets from its shell. */
export interface ViewContext extends WorkbenchContext {
  /** The provider's account, products, engagements and ratings as last loaded. */
  summary(): WorkbenchSummary;
  /** Shows another view and focuses `selector` in it once it has arrived (by default the view's title). */
  show(view: WorkbenchView, selector?: string): void;
}

export type { ViewHost, WorkbenchViewPart } from '../../workbench/view-switch.js';

/** What a view module exports. */
export type ViewModule = SharedViewModule<ViewContext>;
