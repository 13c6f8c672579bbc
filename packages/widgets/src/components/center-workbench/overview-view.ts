import { shanghaiDayOf } from '@smec/schemas/rules';
import { css, html } from 'lit';
import { msg } from '../../i18n/localization.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { listStyles } from '../../workbench/list.styles.js';
import type { ViewHost, WorkbenchViewPart } from '../../workbench/view-switch.js';
import { waitingName } from './action-texts.js';
import type { CenterViewContext } from './view-context.js';
import { waitingActions, type WaitingAction } from './waiting-actions.js';

const overviewStyles = css`
  ${listStyles}

  .counts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(12rem, 100%), 1fr));
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .count {
    display: grid;
    gap: 0.25rem;
    width: 100%;
    min-height: 5.5rem;
    padding: 0.75rem 1rem;
    text-align: start;
    font: inherit;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
    color: var(--_text);
    overflow-wrap: anywhere;
  }

  button.count {
    cursor: pointer;
  }

  .count-figure {
    font-size: 1.75rem;
    font-weight: 700;
  }

  .count[data-waiting] .count-figure {
    color: var(--_primary);
  }
`;

function renderCount(action: WaitingAction, context: CenterViewContext): unknown {
  const body = html`<span class="count-figure">${action.count}</span><span>${waitingName(action.kind)}</span>`;
  const waiting = action.count > 0 ? '' : undefined;
  // A count whose view is not built yet is a figure, not a button that would lead nowhere.
  return html`<li>
    ${
      context.has(action.view)
        ? html`<button
            type="button"
            part="overview-count"
            class="count"
            data-kind=${action.kind}
            ?data-waiting=${waiting !== undefined}
            @click=${() => context.show(action.view)}
          >
            ${body}
          </button>`
        : html`<p part="overview-count" class="count" data-kind=${action.kind} ?data-waiting=${waiting !== undefined}>
            ${body}
          </p>`
    }
  </li>`;
}

class OverviewView implements WorkbenchViewPart {
  constructor(
    host: ViewHost,
    private readonly context: CenterViewContext,
  ) {
    adoptViewStyles(host, overviewStyles);
  }

  render(): unknown {
    const actions = waitingActions(this.context.summary(), shanghaiDayOf(Date.now()));
    return html`<p class="hint">${msg('您所在服务中心及下级辖区内等待处理的事项：', { id: 'center.overview.hint' })}</p>
      <ul class="counts" aria-label=${msg('待处理事项', { id: 'center.overview.counts' })}>
        ${actions.map((action) => renderCount(action, this.context))}
      </ul>`;
  }
}

export function createView(host: ViewHost, context: CenterViewContext): WorkbenchViewPart {
  return new OverviewView(host, context);
}
