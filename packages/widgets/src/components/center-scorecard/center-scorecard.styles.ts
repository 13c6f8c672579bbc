import { css } from 'lit';
import { blockStyles } from '../../styles/blocks.styles.js';
import { controlStyles } from '../../styles/controls.styles.js';
import { targetStyles } from './targets.styles.js';

export default [
  blockStyles,
  controlStyles,
  targetStyles,
  css`
    /* The loading skeleton's height: the data's on a desktop screen (styles/skeleton.styles.ts). */
    :host {
      --_skeleton-size: 89.25rem;
    }

    .base {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_space);
    }

    h2 {
      font-size: 1.375rem;
    }

    h3 {
      font-size: max(1.0625rem, var(--_min-font));
      margin: 0 0 0.5rem;
    }

    .status:empty {
      display: none;
    }

    .basis {
      font-size: max(0.875rem, var(--_min-font));
      margin-top: 0.5rem;
    }

    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: 0.5rem;
    }

    .figure {
      display: grid;
      gap: 0.125rem;
      padding: 0.5rem 0.75rem;
      background: var(--_subtle);
      border-radius: var(--_radius);
    }

    .figure dt {
      color: var(--_muted);
      font-size: max(0.875rem, var(--_min-font));
    }

    .figure dd {
      font-size: 1.25rem;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }

    .chart {
      margin: 0;
      display: grid;
      gap: 0.25rem;
    }

    .chart-svg {
      width: 100%;
      max-width: 36rem;
      height: auto;
    }

    .chart-bar {
      fill: var(--_primary);
    }

    .axis {
      stroke: var(--_muted);
      stroke-width: 1;
    }

    .chart-label {
      fill: var(--_muted);
      font-size: 10px;
    }

    .table-scroll {
      overflow-x: auto;
    }

    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }

    caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: 0.25rem;
    }

    th,
    td {
      padding: 0.25rem 0.75rem;
      border-bottom: 1px solid var(--_border);
      text-align: end;
    }

    th[scope='row'],
    thead th:first-child {
      text-align: start;
    }

    .button {
      justify-self: start;
    }

    .error {
      display: grid;
      gap: 0.5rem;
      padding: calc(var(--_space) * 0.75);
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
    }

    .error-title {
      color: var(--_danger);
      font-weight: 600;
    }
  `,
];
