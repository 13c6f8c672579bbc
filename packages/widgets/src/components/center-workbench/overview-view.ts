import type { Scorecard } from '@smec/schemas';
import { shanghaiDayOf } from '@smec/schemas/rules';
import { css, html, nothing } from 'lit';
import { LoadTask } from '../../controllers/load-task.js';
import { msg, str } from '../../i18n/localization.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { renderError } from '../../views/error-view.js';
import { listStyles } from '../../workbench/list.styles.js';
import type { ViewHost, WorkbenchViewPart } from '../../workbench/view-switch.js';
import { figureRows } from '../center-scorecard/scorecard-texts.js';
import { targetStyles } from '../center-scorecard/targets.styles.js';
import { renderTargets } from '../center-scorecard/targets-view.js';
import { waitingName } from './action-texts.js';
import { loadOverviewFigures, type OverviewFigures } from './overview-figures.js';
import type { CenterViewContext } from './view-context.js';
import { waitingActions, type WaitingAction, type WaitingKind } from './waiting-actions.js';

const overviewStyles = css`
  ${listStyles}
  ${targetStyles}

  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(12rem, 100%), 1fr));
    gap: 0.5rem 1rem;
    margin: 0;
  }

  .figure {
    display: grid;
    gap: 0.125rem;
  }

  .figure dt {
    color: var(--_muted);
  }

  .figure dd {
    margin: 0;
    font-weight: 700;
    overflow-wrap: anywhere;
  }

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

/** The counts the overview loads itself, shown with a placeholder meanwhile so that nothing below them moves. */
const LATER_KINDS: readonly WaitingKind[] = ['eventsSoon', 'settlementsWaiting'];

function renderPendingCount(kind: WaitingKind): unknown {
  return html`<li>
    <p part="overview-count" class="count" data-kind=${kind} aria-busy="true">
      <span class="count-figure" aria-hidden="true">…</span><span>${waitingName(kind)}</span>
    </p>
  </li>`;
}

function renderKeyFigures(scorecard: Scorecard, locale: string): unknown {
  const score = scorecard.region;
  return html`<section part="key-figures" aria-labelledby="smec-key-figures-title">
    <h4 id="smec-key-figures-title">
      ${msg(str`${scorecard.year} 年主要指标：${score.region.name}`, { id: 'center.overview.figures' })}
    </h4>
    ${renderTargets(score, locale)}
    <dl class="figures">
      ${figureRows().map(
        (row) =>
          html`<div class="figure" data-figure=${row.key}>
            <dt>${row.label}</dt>
            <dd>${row.value(score.figures, locale)}</dd>
          </div>`,
      )}
    </dl>
  </section>`;
}

class OverviewView implements WorkbenchViewPart {
  private readonly figures: LoadTask<readonly [], OverviewFigures>;

  constructor(
    host: ViewHost,
    private readonly context: CenterViewContext,
  ) {
    adoptViewStyles(host, overviewStyles);
    this.figures = new LoadTask(host, {
      operation: 'stats.scorecard',
      args: () => [] as const,
      task: (_, { signal }) =>
        loadOverviewFigures(this.context.client(), this.context.summary().account, Date.now(), signal),
    });
    // Made while the shell renders, after its update began: the first run is started here, not by that update.
    queueMicrotask(() => void this.figures.run());
  }

  render(): unknown {
    const actions = waitingActions(this.context.summary(), shanghaiDayOf(Date.now()));
    const loaded = this.figures.value;
    const locale = this.context.locale();
    return html`<p class="hint">${msg('您所在服务中心及下级辖区内等待处理的事项：', { id: 'center.overview.hint' })}</p>
      <ul class="counts" aria-label=${msg('待处理事项', { id: 'center.overview.counts' })}>
        ${actions.map((action) => renderCount(action, this.context))}
        ${
          loaded
            ? loaded.later.map((action) => renderCount(action, this.context))
            : LATER_KINDS.map((kind) => renderPendingCount(kind))
        }
      </ul>
      <div role="alert">
        ${this.figures.error === undefined ? nothing : renderError(this.figures.error, () => void this.figures.run())}
      </div>
      ${loaded?.scorecard ? renderKeyFigures(loaded.scorecard, locale) : nothing}`;
  }
}

export function createView(host: ViewHost, context: CenterViewContext): WorkbenchViewPart {
  return new OverviewView(host, context);
}
