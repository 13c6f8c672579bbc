import { html, type TemplateResult } from 'lit';
import { msg } from '../i18n/localization.js';

export { dialogStyles } from '../styles/dialog.styles.js';

export interface ConfirmDialogOptions {
  /** The question: 「验收这项服务？」 */
  title: string;
  /** What the action does, with the figures it does it to (the amount and the provider, the event and its date). */
  text: string;
  /** The button that acts, named by what it does: 「确认验收」, never 「确定」. */
  confirm: string;
  /** The part name of that button (`confirm-accept-button`). */
  part: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question before an irreversible action: Escape and 「返回」 leave everything as it was. */
export function renderConfirmDialog(options: ConfirmDialogOptions): TemplateResult {
  return html`<dialog
    part="confirm-dialog"
    class="confirm-dialog"
    aria-labelledby="smec-confirm-title"
    aria-describedby="smec-confirm-text"
    @close=${options.onCancel}
  >
    <h3 id="smec-confirm-title" tabindex="-1">${options.title}</h3>
    <p id="smec-confirm-text">${options.text}</p>
    <div class="actions">
      <button type="button" part=${options.part} class="button button-danger" @click=${options.onConfirm}>
        ${options.confirm}
      </button>
      <button type="button" part="dismiss-button" class="button" @click=${options.onCancel}>
        ${msg('返回', { id: 'confirm.back' })}
      </button>
    </div>
  </dialog>`;
}
