import type { ReactiveControllerHost } from 'lit';
import { Lazy } from '../../internal/lazy.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import type { LookupInputs } from './lookup-controller.js';

// The lookup mode with the status view it shows: only pages that follow a demand need them, so they arrive the
// first time the form shows its lookup mode.
const lookupModule = new Lazy(() => import('./lookup-controller.js'));

/**
 * The form's lookup mode (`mode="lookup"`), in place of the form: its fields and what it found; a skeleton of its size
 * (or the failure, with a retry) until its module is here: pages show it on first load.
 */
export function renderLookupMode(host: ReactiveControllerHost & HTMLElement, inputs: LookupInputs): unknown {
  return lookupModule.render(host, (module) => module.lookupOf(host, inputs).render(), renderSkeleton);
}
