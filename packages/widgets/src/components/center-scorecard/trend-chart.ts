import { msg, str } from '../../i18n/localization.js';
import type { ScorecardMonth } from '@smec/schemas';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { formatNumber } from '../../internal/format.js';
import { formatPercent, monthLabel } from './scorecard-texts.js';

const WIDTH = 360;
const HEIGHT = 160;
const TOP = 16;
const BOTTOM = 22;
const LEFT = 8;

/** What the chart shows, in one sentence: its text alternative. */
export function chartSummary(trend: readonly ScorecardMonth[], locale: string): string {
  const total = trend.reduce((sum, month) => sum + month.enterpriseServices, 0);
  const busiest = trend.reduce<ScorecardMonth | undefined>(
    (best, month) => (!best || month.enterpriseServices > best.enterpriseServices ? month : best),
    undefined,
  );
  if (!busiest || total === 0) return msg('本年各月暂无服务记录。', { id: 'scorecard.chart.none' });
  return msg(
    str`各月服务企业家次柱状图：全年共 ${formatNumber(total, locale)} 家次，最多为${monthLabel(busiest.month, locale)}（${formatNumber(busiest.enterpriseServices, locale)} 家次）。`,
    { id: 'scorecard.chart.summary' },
  );
}

/**
 * The enterprise-services of each month as bars. Screen readers get the one-sentence summary as the image's name
 * and the full numbers in the table that follows.
 */
export function renderTrendChart(trend: readonly ScorecardMonth[], locale: string): TemplateResult {
  const max = Math.max(1, ...trend.map((month) => month.enterpriseServices));
  const slot = (WIDTH - LEFT) / Math.max(1, trend.length);
  const plot = HEIGHT - TOP - BOTTOM;
  const summary = chartSummary(trend, locale);
  return html`<figure part="chart" class="chart">
    <svg
      role="img"
      aria-labelledby="smec-cs-chart-title"
      width=${WIDTH}
      height=${HEIGHT}
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      class="chart-svg"
    >
      ${svg`<title id="smec-cs-chart-title">${summary}</title>
        <line class="axis" x1=${LEFT} y1=${HEIGHT - BOTTOM} x2=${WIDTH} y2=${HEIGHT - BOTTOM}></line>
        ${trend.map((month, i) => {
          const height = Math.round((month.enterpriseServices / max) * plot);
          const x = LEFT + i * slot + slot * 0.15;
          return svg`<rect class="chart-bar" data-month=${month.month} x=${x.toFixed(1)} y=${HEIGHT - BOTTOM - height}
              width=${(slot * 0.7).toFixed(1)} height=${height}></rect>
            <text class="chart-label" x=${(LEFT + i * slot + slot / 2).toFixed(1)} y=${HEIGHT - 6}
              text-anchor="middle">${monthLabel(month.month, locale)}</text>`;
        })}
        <text class="chart-label" x=${WIDTH - 2} y="12" text-anchor="end">${formatNumber(max, locale)}</text>`}
    </svg>
    <figcaption class="muted">${summary}</figcaption>
  </figure>`;
}

/**
 * The numbers behind the chart, month by month. Hidden, its wrapper is what hides it (a table is never narrower than
 * its columns, so the screen-reader clip must be on a block around it); shown, the wrapper scrolls it sideways on a
 * phone, and takes the focus so that a keyboard can scroll it.
 */
export function renderTrendTable(trend: readonly ScorecardMonth[], locale: string, visible: boolean): TemplateResult {
  return html`<div
    class=${visible ? 'table-scroll' : 'sr-only'}
    role=${visible ? 'region' : nothing}
    tabindex=${visible ? '0' : nothing}
    aria-labelledby=${visible ? 'smec-cs-table-caption' : nothing}
  >
    <table part="trend-table" class=${visible ? 'trend-table' : 'trend-table sr-only'} id="smec-cs-table">
      <caption id="smec-cs-table-caption">
        ${msg('各月数据', { id: 'scorecard.table.caption' })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('月份', { id: 'scorecard.table.month' })}</th>
          <th scope="col">${msg('服务企业（家次）', { id: 'scorecard.enterpriseServices' })}</th>
          <th scope="col">${msg('受理需求（项）', { id: 'scorecard.table.demands' })}</th>
          <th scope="col">${msg('兑付服务券（张）', { id: 'scorecard.table.vouchers' })}</th>
          <th scope="col">${msg('评价（条）', { id: 'scorecard.table.ratings' })}</th>
          <th scope="col">${msg('满意度', { id: 'scorecard.satisfaction' })}</th>
        </tr>
      </thead>
      <tbody>
        ${trend.map(
          (month) =>
            html`<tr data-month=${month.month}>
              <th scope="row">${monthLabel(month.month, locale)}</th>
              <td>${formatNumber(month.enterpriseServices, locale)}</td>
              <td>${formatNumber(month.demandsReceived, locale)}</td>
              <td>${formatNumber(month.vouchersRedeemed, locale)}</td>
              <td>${formatNumber(month.ratings, locale)}</td>
              <td>${formatPercent(month.satisfactionPercent, locale)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
