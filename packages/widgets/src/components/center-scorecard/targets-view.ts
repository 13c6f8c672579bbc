import { msg, str } from '../../i18n/localization.js';
import type { RegionScore } from '@smec/schemas';
import { TARGETED_FIGURES, type TargetedFigure } from '@smec/schemas/rules';
import { html, svg, type TemplateResult } from 'lit';
import { formatNumber } from '../../internal/format.js';
import { formatPercent } from './scorecard-texts.js';

function targetLabel(figure: TargetedFigure): string {
  return figure === 'providersIntegrated'
    ? msg('整合服务机构', { id: 'scorecard.target.providers' })
    : msg('年服务企业家次', { id: 'scorecard.target.services' });
}

const BAR_WIDTH = 200;
const BAR_HEIGHT = 12;

/**
 * Progress towards each target: the figures in words (value, target, percent) and a bar drawn with SVG attributes
 * (no style attribute: strict CSP), hidden from screen readers since the words say it all.
 */
export function renderTargets(score: RegionScore, locale: string): TemplateResult {
  return html`<ul part="targets" class="targets">
    ${TARGETED_FIGURES.map((figure) => {
      const target = score.targets[figure];
      const value = score.figures[figure];
      const progress = score.progress[figure];
      const filled = progress === null ? 0 : Math.min(100, progress);
      return html`<li part="target" class="target" data-figure=${figure}>
        <span class="target-label">${targetLabel(figure)}</span>
        <span class="target-value">
          ${
            target === null
              ? msg(str`${formatNumber(value, locale)}（未设目标）`, { id: 'scorecard.target.none' })
              : msg(
                  str`${formatNumber(value, locale)} / 目标 ${formatNumber(target, locale)}，完成 ${formatPercent(progress, locale)}`,
                  { id: 'scorecard.target.progress' },
                )
          }
        </span>
        <svg
          class="bar"
          aria-hidden="true"
          focusable="false"
          width=${BAR_WIDTH}
          height=${BAR_HEIGHT}
          viewBox="0 0 100 ${BAR_HEIGHT}"
          preserveAspectRatio="none"
        >
          ${svg`<rect class="bar-track" x="0" y="0" width="100" height=${BAR_HEIGHT}></rect>
            <rect class="bar-fill" x="0" y="0" width=${filled} height=${BAR_HEIGHT}></rect>`}
        </svg>
      </li>`;
    })}
  </ul>`;
}
