import { html, type TemplateResult } from 'lit';
import { describeError } from '../views/error-view.js';

/** Why an action failed, in the platform's words (its problems are localized); the action itself is the retry. */
export function renderActionError(error: unknown): TemplateResult {
  return html`<p part="error" class="error">${describeError(error)}</p>`;
}
