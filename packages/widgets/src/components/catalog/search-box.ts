import { msg } from '../../i18n/localization.js';
import { html, type TemplateResult } from 'lit';

export interface SearchBoxOptions {
  /** What the visitor has typed (kept while results load). */
  text: string;
  onInput: (text: string) => void;
  /** Enter or the button: search now, without waiting for the debounce. */
  onSubmit: () => void;
}

export function renderSearchBox({ text, onInput, onSubmit }: SearchBoxOptions): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onSubmit();
  };
  // Every keystroke goes back through onInput into `text`, so a plain `.value` binding never lags behind the field and
  // needs no `live()` directive (which would add its code to the CDN bundle).
  const input = (event: InputEvent) => onInput((event.target as HTMLInputElement).value);
  return html`<form part="search" class="search" role="search" @submit=${submit}>
    <label for="smec-q">${msg('搜索服务', { id: 'search.label' })}</label>
    <div class="search-row">
      <input
        id="smec-q"
        name="q"
        type="search"
        maxlength="100"
        autocomplete="off"
        enterkeyhint="search"
        placeholder=${msg('例如：法律、财税、知识产权', { id: 'search.placeholder' })}
        .value=${text}
        @input=${input}
      />
      <button type="submit" class="button button-primary">${msg('搜索', { id: 'search.submit' })}</button>
    </div>
  </form>`;
}
