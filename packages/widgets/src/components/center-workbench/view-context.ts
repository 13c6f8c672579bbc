import type { ViewModule as SharedViewModule, WorkbenchContext } from '../../workbench/view-switch.js';
import type { ActionView, CenterSummary } from './waiting-actions.js';

/** What every view of the center's workbench gets from its shell. */
export interface CenterViewContext extends WorkbenchContext {
  /** The queues as last loaded. */
  summary(): CenterSummary;
  /** Shows `view` when the workbench has it (the views are added one by one). */
  show(view: ActionView): void;
  has(view: ActionView): boolean;
  /** False for a viewer (只读): the views then show no write buttons. */
  canWrite?(): boolean;
}

export type CenterViewModule = SharedViewModule<CenterViewContext>;
