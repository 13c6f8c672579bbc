import { msg } from '../i18n/localization.js';
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
