import { html, nothing, type TemplateResult } from 'lit';

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
