import { msg } from '../../i18n/localization.js';
import type { Actor } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime } from './wallet-dates.js';
import { actorRoleName } from './wallet-texts.js';

export interface TimelineEntry {
  statusText: string;
  at: string;
  actor: Actor;
  note: string | null;
}

/**
 * A history as an ordered list, oldest first: a screen reader announces 'list, 3 items' and reads each change as
 * one item (when, what, who), in the order it happened.
 */
export function renderTimeline(label: string, entries: TimelineEntry[], locale: string): TemplateResult {
  return html`<details class="history">
    <summary>${label}</summary>
    <ol part="timeline" class="timeline" aria-label=${label}>
      ${entries.map(
        (entry) =>
          html`<li>
            <time datetime=${entry.at}>${formatDateTime(entry.at, locale)}</time>
            <strong>${entry.statusText}</strong>
            <span class="muted"
              >${actorRoleName(entry.actor.role)}${msg('：', { id: 'wallet.colon' })}${entry.actor.name}</span
            >
            ${entry.note ? html`<span class="note">${entry.note}</span>` : nothing}
          </li>`,
      )}
    </ol>
  </details>`;
}
