import { html, type TemplateResult } from 'lit';

/**
 * Where a widget's data will appear, while it loads: grey bars in a block as tall as the data usually is (the
 * widget's `--_skeleton-size`; styles/skeleton.styles.ts), so the page does not jump when it arrives. Hidden from
 * screen readers, which hear the widget's status line instead.
 */
export function renderSkeleton(): TemplateResult {
  return html`<div class="skeleton skeleton-block" aria-hidden="true"><span></span><span></span><span></span></div>`;
}
