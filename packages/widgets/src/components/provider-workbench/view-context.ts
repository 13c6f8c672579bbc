import type { ViewModule as SharedViewModule, WorkbenchContext } from '../../workbench/view-switch.js';
import type { WorkbenchSummary } from './required-actions.js';

/** What every view of the workbench gets from its shell. */
export interface ViewContext extends WorkbenchContext {
  /** The provider's account, products, engagements and ratings as last loaded. */
  summary(): WorkbenchSummary;
}

export type { ViewHost, WorkbenchViewPart } from '../../workbench/view-switch.js';

/** What a view module exports. */
export type ViewModule = SharedViewModule<ViewContext>;
