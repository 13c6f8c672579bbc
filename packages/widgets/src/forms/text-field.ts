import { html, nothing, type TemplateResult } from 'lit';
import { describedBy, fieldId, renderField } from './field-view.js';

export interface TextFieldOptions {
  value: string;
  hint?: string;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  optional?: boolean;
  min?: string;
}

/** A text input with its label, hint and error (the demand form's, its lookup's, the application's). */
export function renderTextField(
  name: string,
  label: string,
  error: string | undefined,
  options: TextFieldOptions,
): TemplateResult {
  return renderField({
    name,
    label,
    hint: options.hint,
    error,
    optional: options.optional,
    control: html`<input
      id=${fieldId(name)}
      name=${name}
      type=${options.type ?? 'text'}
      .value=${options.value}
      autocomplete=${options.autocomplete ?? 'off'}
      inputmode=${options.inputmode ?? 'text'}
      min=${options.min ?? nothing}
      spellcheck="false"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(name, !!options.hint, error) || nothing}
    />`,
  });
}
