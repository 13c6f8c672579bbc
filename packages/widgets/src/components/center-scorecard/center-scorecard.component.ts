import { TaskStatus } from '@lit/task';
import type { Scorecard } from '@smec/schemas';
import type { TokenProvider } from '@smec/sdk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ClientController } from '../../controllers/client-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { msg, str } from '../../i18n/localization.js';
import { type SmecClient, useResources } from '../../internal/client.js';
import { formatDate } from '../../internal/format.js';
import { SmecElement } from '../../internal/smec-element.js';
import { skeletonStyles } from '../../styles/skeleton.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { describeError, renderError } from '../../views/error-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { loadingText } from '../../views/status-view.js';
import styles from './center-scorecard.styles.js';
import { renderComparison } from './comparison-view.js';
import { figureRows, levelName } from './scorecard-texts.js';
import { renderTargets } from './targets-view.js';
import { renderTrendChart, renderTrendTable } from './trend-chart.js';
import { Stats } from '@smec/sdk/core';

// The SDK calls this module makes (see internal/client.ts).
useResources({ stats: Stats });

/** A failure in the scorecard's words: its own when the platform has no figures for the region. */
function describeScorecardError(error: unknown): string {
  return describeError(error, msg('没有找到这个地区的年度服务情况。', { id: 'scorecard.error.notFound' }));
}

/** The current year in Guangdong. */
function currentYear(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

/**
 * @summary A center's yearly evaluation (综合评价考核): the region's figures for a year, progress towards the
 * targets, the trend by month and a comparison with the parent region.
 *
 * The figures are computed by the platform from its data when asked: providers integrated, products published,
 * enterprises served and enterprise-services (家次), demands received and matched, events held, vouchers issued and
 * redeemed, satisfaction and the share of free services. The targets are the policy's for the province (10,000
 * providers, 300,000 enterprise-services a year) and equal shares of them below. The monthly trend is a small SVG
 * bar chart whose text alternative sums it up; its numbers are also in a table, hidden visually until 「以表格显示」.
 *
 * @attribute lang - The language of the texts: zh-CN (default), en or zh-HK. Without it, the nearest ancestor's `lang`.
 * @attribute care - Care mode (适老化): text of at least 18 px, targets of at least 44 × 44 px, colours of at least 7:1. Without it, on while an ancestor (a `<smec-root>`, `<html>`) has `care`.
 *
 * @fires smec-error - {SmecErrorEvent} The scorecard could not be loaded (the widget shows it too).
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - The heading with the region and the year.
 * @csspart status - The live region with the loading state.
 * @csspart figures - The list of figures.
 * @csspart figure - One figure.
 * @csspart targets - The progress towards the targets.
 * @csspart target - One target with its bar.
 * @csspart chart - The monthly chart (a figure with its caption).
 * @csspart table-toggle - The button that shows or hides the table of the chart's numbers.
 * @csspart trend-table - The table of the monthly numbers.
 * @csspart comparison - The table comparing the region with its parent.
 * @csspart error - An error message box.
 * @csspart retry-button - The error box's retry button.
 *
 * @cssproperty --smec-color-primary - Bars, buttons and focus rings.
 * @cssproperty --smec-color-on-primary - Text on primary buttons.
 * @cssproperty --smec-color-text - Body text.
 * @cssproperty --smec-color-muted - Secondary text, axis and labels.
 * @cssproperty --smec-color-surface - Background.
 * @cssproperty --smec-color-subtle - Background of the figures and the bar tracks.
 * @cssproperty --smec-color-border - Borders of tables and buttons.
 * @cssproperty --smec-color-danger - Error messages.
 * @cssproperty --smec-radius - Corner radius.
 * @cssproperty --smec-space - The base spacing unit.
 * @cssproperty --smec-font-family - Font; by default the host page's.
 */
export class SmecCenterScorecard extends SmecElement {
  static override styles = [themeStyles, skeletonStyles, styles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private readonly api = new ClientController(this);

  @state() private tableShown = false;

  /** Base URL of the platform API; default: the platform that served the script. Not used inside `<smec-root>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** An SDK client to use instead of the enclosing root's or one built from `api-base`. */
  @property({ attribute: false }) client?: SmecClient;

  /** Returns the signed-in user's token, for the client this element builds itself (outside `<smec-root>`). */
  @property({ attribute: false }) getToken?: TokenProvider;

  /** The region whose centers are evaluated (GB/T 2260): the province `440000`, a city or a county. */
  @property() region = '440000';

  /** The year evaluated; default: the current year in Guangdong (its figures run up to now). */
  @property({ type: Number }) year = currentYear();

  /** After how many milliseconds of loading the widget says that loading is slow. */
  @property({ attribute: 'stalled-after', type: Number }) stalledAfter = 3000;

  /** `dark` or `light` to force a colour scheme; by default the visitor's system setting is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  private readonly task = new LoadTask(this, {
    task: ([client, region, year], { signal }): Promise<Scorecard> =>
      client.stats.scorecard({ region, year }, { signal }),
    args: () => [this.api.client, this.region.trim(), this.year] as const,
    operation: 'stats.scorecard',
  });

  /** Loads the scorecard again (the retry button does this). */
  refresh(): void {
    void this.task.run();
  }

  private renderCard(card: Scorecard): TemplateResult {
    const { locale } = this;
    const rows = figureRows();
    const own = card.region;
    return html`<h2 id="smec-cs-heading" part="heading">
        ${msg(str`${own.region.name}${card.year}年度服务情况`, { id: 'scorecard.heading' })}
      </h2>
      <p class="muted">
        ${levelName(own.region.level)} ·
        ${msg(str`数据截至${formatDate(card.asOf, locale)}，按平台实时数据统计`, { id: 'scorecard.asOf' })}
      </p>
      <section aria-labelledby="smec-cs-targets">
        <h3 id="smec-cs-targets">${msg('目标完成情况', { id: 'scorecard.targets' })}</h3>
        ${renderTargets(own, locale)}
        <p class="muted basis">
          ${msg('目标说明：', { id: 'scorecard.basis' })}${msg(
            '省级目标取自政策（整合服务机构1万家、年服务中小微企业30万家次）；地市目标按全省地级以上市数平均分摊，县（区）目标按所属地市的县（区）数平均分摊，向上取整。',
            { id: 'scorecard.basis.text' },
          )}
        </p>
      </section>
      <section aria-labelledby="smec-cs-figures">
        <h3 id="smec-cs-figures">${msg('主要指标', { id: 'scorecard.figures' })}</h3>
        <dl part="figures" class="figures">
          ${rows.map(
            (row) =>
              html`<div part="figure" class="figure" data-figure=${row.key}>
                <dt>${row.label}</dt>
                <dd>${row.value(own.figures, locale)}</dd>
              </div>`,
          )}
        </dl>
      </section>
      <section aria-labelledby="smec-cs-trend">
        <h3 id="smec-cs-trend">${msg('月度趋势', { id: 'scorecard.trend' })}</h3>
        ${renderTrendChart(card.trend, locale)}
        <button
          type="button"
          part="table-toggle"
          class="button"
          aria-expanded=${this.tableShown ? 'true' : 'false'}
          aria-controls="smec-cs-table"
          @click=${() => (this.tableShown = !this.tableShown)}
        >
          ${
            this.tableShown
              ? msg('隐藏数据表', { id: 'scorecard.table.hide' })
              : msg('以表格显示', { id: 'scorecard.table.show' })
          }
        </button>
        ${renderTrendTable(card.trend, locale, this.tableShown)}
      </section>
      ${
        card.parent
          ? html`<section aria-labelledby="smec-cs-compare">
              <h3 id="smec-cs-compare">${msg('与上级地区对比', { id: 'scorecard.compare' })}</h3>
              ${renderComparison(own, card.parent, rows, locale)}
            </section>`
          : nothing
      }`;
  }

  override render() {
    const task = this.task;
    const loading = task.status !== TaskStatus.COMPLETE && task.status !== TaskStatus.ERROR;
    const status = html`<p part="status" class="status" role="status">${loading ? loadingText(task.stalled) : ''}</p>`;
    let body: TemplateResult | typeof nothing = loading ? renderSkeleton() : nothing;
    if (task.status === TaskStatus.ERROR) {
      body = html`<h2 id="smec-cs-heading" part="heading">${msg('年度服务情况', { id: 'scorecard.title' })}</h2>
        <div role="alert">${renderError(task.error, () => this.refresh(), describeScorecardError)}</div>`;
    } else if (task.value && task.status === TaskStatus.COMPLETE) {
      body = this.renderCard(task.value);
    }
    return html`<div part="base" class="base" lang=${this.locale} aria-busy=${loading ? 'true' : 'false'}>
      ${status}${body}
    </div>`;
  }
}
