import type { ViewModule as SharedViewModule, WorkbenchContext } from '../../workbench/view-switch.js';
import type { ActionView, CenterSummary } from './waiting-actions.js';

/** What every view of the center's workbench gets from its shell. */
export interface CenterViewContext extends WorkbenchContext {
  /** The queues as last loaded. */
  summary(): CenterSummary;
  /** Shows `view` when the workbench has it (the views are added one by one). */
  show(view: ActionView): void;
  has(view: ActionView): boolean;
  /** Whether the staff member may act (not 只读): a viewer sees no button that writes. */
  canWrite(): boolean;
  /** The center's region as the host page gives it (`region-code`), if it does. */
  regionCode(): string | undefined;
}

export type CenterViewModule = SharedViewModule<CenterViewContext>;
