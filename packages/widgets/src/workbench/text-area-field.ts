import { html, nothing, type TemplateResult } from 'lit';
import { fieldId } from '../forms/field-view.js';

export interface TextAreaField {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  /** The problem of the value, shown next to the field (its id is `<id>-error`, which the field is described by). */
  readonly error: string | undefined;
  readonly max: number;
  readonly onInput: (value: string) => void;
}

/** A labelled text area of a workbench's form, with its error next to it and the typed text kept. */
export function renderTextAreaField(field: TextAreaField): TemplateResult {
  return html`<div class="field">
    <label for=${field.id}>${field.label}</label>
    ${field.error ? html`<p id="${field.id}-error" class="field-error">${field.error}</p>` : nothing}
    <textarea
      id=${field.id}
      rows="2"
      maxlength=${field.max}
      aria-invalid=${field.error ? 'true' : 'false'}
      aria-describedby=${field.error ? `${field.id}-error` : nothing}
      .value=${field.value}
      @input=${(e: Event) => field.onInput((e.target as HTMLTextAreaElement).value)}
    ></textarea>
  </div>`;
}

/** Whether a typed text holds `min` to `max` characters once trimmed, as a person counts them. */
export function textFits(text: string, min: number, max: number): boolean {
  const length = [...text.trim()].length;
  return length >= min && length <= max;
}

/**
 * The text area of a reason typed in a field framed by `renderField` (forms/field-view.ts): it takes the field's id
 * and is described by the field's error; what is typed goes to `onInput` and stays.
 */
export function renderReasonArea(
  name: string,
  value: string,
  error: string | undefined,
  max: number | undefined,
  onInput: (value: string) => void,
): TemplateResult {
  return html`<textarea
    id=${fieldId(name)}
    rows="2"
    maxlength=${max ?? nothing}
    aria-invalid=${error ? 'true' : 'false'}
    aria-describedby=${error ? `${fieldId(name)}-error` : nothing}
    .value=${value}
    @input=${(e: Event) => onInput((e.target as HTMLTextAreaElement).value)}
  ></textarea>`;
}
