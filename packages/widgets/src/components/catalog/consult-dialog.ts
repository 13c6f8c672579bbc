import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '../../i18n/localization.js';
import type { DemandRequest } from '../../internal/demand-link.js';
import type { SmecClient } from '../../internal/client.js';
import { Lazy } from '../../internal/lazy.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { dialogStyles } from '../../styles/dialog.styles.js';
import type { SmecDemandForm } from '../demand-form/demand-form.component.js';

/**
 * The demand form, fetched when 「我要咨询」 first opens it on a page without one: the catalog's own download does not
 * carry it. Its define module, so that the element is registered once however many catalogs ask for it.
 */
export const demandFormModule = new Lazy(() => import('../../define/smec-demand-form.js'));

// The dialog's rules arrive with it: the shared frame, a little wider, its close button on the right.
const consultStyles = css`
  ${dialogStyles}

  .consult-dialog {
    width: min(44rem, calc(100vw - 2rem));
  }

  .consult-dialog .dialog-head {
    justify-content: flex-end;
  }
`;

export interface ConsultDialogOptions {
  host: HTMLElement & ReactiveControllerHost;
  productName: string;
  client: SmecClient;
  theme: 'light' | 'dark' | undefined;
  onClose: () => void;
}

/** A modal dialog with a demand form (which the catalog prefills once it is there); Escape or 关闭 closes it. */
export function renderConsultDialog(options: ConsultDialogOptions): TemplateResult {
  adoptViewStyles(options.host, consultStyles);
  return html`<dialog
    part="consult-dialog"
    class="consult-dialog"
    aria-label=${msg(str`咨询「${options.productName}」`, { id: 'demand.dialog' })}
    @close=${options.onClose}
  >
    <div class="dialog-head">
      <button type="button" part="consult-close-button" class="button" @click=${options.onClose}>
        ${msg('关闭', { id: 'calendar.close' })}
      </button>
    </div>
    ${demandFormModule.render(
      options.host,
      () => html`<smec-demand-form .client=${options.client} theme=${options.theme ?? nothing}></smec-demand-form>`,
    )}
  </dialog>`;
}

/** Fills in the form of the dialog once it has upgraded and rendered (its first update restores a draft). */
export function prefillDialogForm(root: ParentNode, request: DemandRequest): boolean {
  const form = root.querySelector<SmecDemandForm>('.consult-dialog smec-demand-form');
  if (!form?.prefill) return false;
  void form.updateComplete.then(() => form.prefill(request));
  return true;
}
