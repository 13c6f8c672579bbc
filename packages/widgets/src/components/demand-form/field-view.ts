import { msg } from '../../i18n/localization.js';
import { html, nothing, type TemplateResult } from 'lit';

/** The id of a field's control inside the shadow root; the error summary's links point at it. */
export function fieldId(name: string): string {
  return `smec-df-${name}`;
}

/** `aria-describedby` of a control: its hint, then its error, then anything else (e.g. a character count). */
export function describedBy(name: string, hint: boolean, error: string | undefined, extra: string[] = []): string {
  const ids = [...(hint ? [`${fieldId(name)}-hint`] : []), ...(error ? [`${fieldId(name)}-error`] : []), ...extra];
  return ids.join(' ');
}

export interface FieldFrame {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  control: TemplateResult;
}

/** The error next to a field: the same words as in the summary, with 「错误：」 for screen readers. */
export function renderFieldError(name: string, error: string | undefined) {
  return error
    ? html`<p id="${fieldId(name)}-error" class="field-error">
        <span class="sr-only">${msg('错误：', { id: 'demand.errorPrefix' })}</span>${error}
      </p>`
    : nothing;
}

/** Label, hint, error and control, in the order the GOV.UK pattern reads them. */
export function renderField({ name, label, hint, error, optional, control }: FieldFrame): TemplateResult {
  return html`<div part="field" class=${error ? 'field field-invalid' : 'field'}>
    <label for=${fieldId(name)}
      >${label}${optional ? html` <span class="muted">${msg('（选填）', { id: 'demand.optional' })}</span>` : nothing}</label
    >
    ${hint ? html`<p id="${fieldId(name)}-hint" class="hint">${hint}</p>` : nothing} ${renderFieldError(name, error)}
    ${control}
  </div>`;
}

export interface SummaryItem {
  name: string;
  text: string;
}

/**
 * The error summary (GOV.UK pattern): it takes the focus after a failed submit, and each link focuses its field.
 * Links of a shadow root cannot jump by fragment, so the click does it.
 */
export function renderErrorSummary(items: readonly SummaryItem[], onFocusField: (name: string) => void) {
  if (items.length === 0) return nothing;
  const go = (event: Event, name: string) => {
    event.preventDefault();
    onFocusField(name);
  };
  return html`<div part="error-summary" class="error-summary" tabindex="-1" aria-labelledby="smec-df-summary-title">
    <h2 id="smec-df-summary-title">${msg('提交前请修改以下问题', { id: 'demand.summary.title' })}</h2>
    <ul>
      ${items.map(
        (item) =>
          html`<li>
            <a href="#${fieldId(item.name)}" @click=${(event: Event) => go(event, item.name)}>${item.text}</a>
          </li>`,
      )}
    </ul>
  </div>`;
}
