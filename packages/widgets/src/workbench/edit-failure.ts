import { isSmecApiError } from '@smec/sdk/core';
import { html, nothing } from 'lit';
import { describeError } from '../views/error-view.js';

/** True when an edit sent with If-Match found the entity changed by someone else meanwhile (412). */
export function isStaleEdit(error: unknown): boolean {
  return isSmecApiError(error) && error.status === 412;
}

export interface EditFailureTexts {
  /** 「此活动已被他人修改」: the 412's title. */
  readonly staleTitle: string;
  /** That what was typed stays, and that saving after reloading overwrites. */
  readonly staleHint: string;
  /** 「载入最新版本」. */
  readonly reload: string;
  /** The `part` of the reload button. */
  readonly reloadPart: string;
  /** That what was typed stays, after any other failure. */
  readonly kept: string;
}

/**
 * Why an edit form's save failed when no field is to blame: a 412 offers the latest version (the form keeps what was
 * typed), anything else is said in the platform's words. Nothing when the errors stand next to their fields.
 */
export function renderEditFailure(
  error: unknown,
  onFields: boolean,
  texts: EditFailureTexts,
  reload: { busy: boolean; run(): void },
): unknown {
  if (!error || onFields) return nothing;
  if (isStaleEdit(error)) {
    return html`<div part="error" class="error">
      <p class="error-title">${texts.staleTitle}</p>
      <p>${texts.staleHint}</p>
      <button
        type="button"
        part=${texts.reloadPart}
        class="button"
        ?disabled=${reload.busy}
        @click=${() => reload.run()}
      >
        ${texts.reload}
      </button>
    </div>`;
  }
  return html`<div part="error" class="error">
    <p>${describeError(error)}</p>
    <p>${texts.kept}</p>
  </div>`;
}
