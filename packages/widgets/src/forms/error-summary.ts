import { html, nothing } from 'lit';
import { msg } from '../i18n/localization.js';
import { adoptViewStyles } from '../internal/view-styles.js';
import { errorSummaryStyles } from './error-summary.styles.js';
import { fieldId } from './field-view.js';

export interface SummaryItem {
  name: string;
  text: string;
}

/**
 * The error summary (GOV.UK pattern): it takes the focus after a failed submit, and each link focuses its field.
 * Links of a shadow root cannot jump by fragment, so the click does it. Its rules join `host`'s styles with it.
 */
export function renderErrorSummary(
  host: HTMLElement,
  items: readonly SummaryItem[],
  onFocusField: (name: string) => void,
  /** The level of its heading: 2, unless the form sits deeper in the widget's outline (a view of a workbench). */
  level = 2,
) {
  if (items.length === 0) return nothing;
  adoptViewStyles(host, errorSummaryStyles);
  const title = msg('提交前请修改以下问题', { id: 'demand.summary.title' });
  const go = (event: Event, name: string) => {
    event.preventDefault();
    onFocusField(name);
  };
  return html`<div part="error-summary" class="error-summary" tabindex="-1" aria-labelledby="smec-df-summary-title">
    ${
      level === 2
        ? html`<h2 id="smec-df-summary-title">${title}</h2>`
        : html`<p class="error-summary-title" role="heading" aria-level=${level} id="smec-df-summary-title">
            ${title}
          </p>`
    }
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
