import { html, nothing, type TemplateResult } from 'lit';
import { describedBy, fieldId, renderFieldError } from './field-view.js';

export interface CheckChoice {
  readonly value: string;
  readonly label: string;
}

export interface CheckGroup {
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  choices: readonly CheckChoice[];
  chosen: readonly string[];
  onToggle(value: string, checked: boolean): void;
  /** Shown while the choices are on their way. */
  loading?: string | undefined;
}

/**
 * A group of checkboxes (categories, regions, products) with its legend, hint and error: the first box carries the
 * field's id, so that the error summary's link lands in the group.
 */
export function renderCheckGroup(group: CheckGroup): TemplateResult {
  const { name, hint, error } = group;
  const chosen = new Set(group.chosen);
  return html`<fieldset part="field" class=${error ? 'field checks-field field-invalid' : 'field checks-field'}>
    <legend>${group.legend}</legend>
    ${hint ? html`<p id="${fieldId(name)}-hint" class="hint">${hint}</p>` : nothing} ${renderFieldError(name, error)}
    ${group.loading && group.choices.length === 0 ? html`<p class="muted">${group.loading}</p>` : nothing}
    <div class="checks">
      ${group.choices.map(
        (choice, index) =>
          html`<label>
            <input
              type="checkbox"
              name=${name}
              id=${index === 0 ? fieldId(name) : nothing}
              .value=${choice.value}
              .checked=${chosen.has(choice.value)}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${describedBy(name, !!hint, error) || nothing}
              @change=${(e: Event) => group.onToggle(choice.value, (e.target as HTMLInputElement).checked)}
            />
            ${choice.label}
          </label>`,
      )}
    </div>
  </fieldset>`;
}
