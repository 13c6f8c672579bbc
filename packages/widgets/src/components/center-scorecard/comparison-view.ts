import { msg, str } from '../../i18n/localization.js';
import type { RegionScore } from '@smec/schemas';
import { html, type TemplateResult } from 'lit';
import { formatPercent, type FigureRow } from './scorecard-texts.js';

/**
 * The region's figures beside its parent's, with the region's share of the parent's where a count allows it; on a phone
 * the table scrolls sideways in its wrapper, which takes the focus so that a keyboard can scroll it.
 */
export function renderComparison(
  own: RegionScore,
  parent: RegionScore,
  rows: readonly FigureRow[],
  locale: string,
): TemplateResult {
  return html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="smec-cs-comparison-caption">
    <table part="comparison" class="comparison">
      <caption id="smec-cs-comparison-caption">
        ${msg(str`与${parent.region.name}对比`, { id: 'scorecard.comparison' })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('指标', { id: 'scorecard.figure' })}</th>
          <th scope="col">${own.region.name}</th>
          <th scope="col">${parent.region.name}</th>
          <th scope="col">${msg(str`占${parent.region.name}比例`, { id: 'scorecard.share' })}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => {
          const part = row.count?.(own.figures);
          const whole = row.count?.(parent.figures);
          const share =
            part === undefined || whole === undefined || whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
          return html`<tr data-figure=${row.key}>
            <th scope="row">${row.label}</th>
            <td>${row.value(own.figures, locale)}</td>
            <td>${row.value(parent.figures, locale)}</td>
            <td>${formatPercent(share, locale)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
