import { css } from 'lit';
import { blockStyles } from '../../styles/blocks.styles.js';
import { controlStyles } from '../../styles/controls.styles.js';

export default [
  blockStyles,
  controlStyles,
  css`
    /* The loading skeleton's height: the cards' on a desktop screen (styles/skeleton.styles.ts). */
    :host {
      --_skeleton-size: 48rem;
      container-type: inline-size;
    }

    .base {
      display: grid;
      gap: var(--_space);
      min-width: 0;
    }

    h2 {
      font-size: 1.375rem;
    }

    h3 {
      font-size: max(1.0625rem, var(--_min-font));
      margin: 0;
    }

    .filters {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_space) * 0.75);
      padding: calc(var(--_space) * 0.75);
      background: var(--_subtle);
      border-radius: var(--_radius);
    }

    .search-row,
    .field {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.25rem;
    }

    .search-field {
      display: flex;
      gap: 0.5rem;
    }

    .search-field input {
      flex: 1;
      width: 0;
      min-width: 0;
    }

    .filter-grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
      gap: calc(var(--_space) * 0.75);
    }

    input,
    select {
      min-height: 2.5rem;
      padding: 0.375rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      min-width: 0;
    }

    .status:empty {
      display: none;
    }

    .status:focus {
      outline: none;
    }

    .cards {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      gap: calc(var(--_space) * 0.75);
    }

    .card {
      display: grid;
      align-content: start;
      gap: 0.5rem;
      padding: calc(var(--_space) * 0.75);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-width: 0;
      overflow-wrap: anywhere;
    }

    .meta {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      color: var(--_muted);
      font-size: max(0.9375rem, var(--_min-font));
    }

    .tag {
      padding: 0 0.5rem;
      border-radius: var(--_radius);
      background: var(--_tag-bg);
      color: var(--_text);
    }

    .badge {
      justify-self: start;
      margin: 0;
      padding: 0 0.5rem;
      border-radius: var(--_radius);
      font-weight: 600;
    }

    .badge.met {
      color: var(--_badge-text);
      background: var(--_badge-bg);
    }

    .badge.unmet {
      color: var(--_danger);
      border: 1px solid var(--_danger);
    }

    .requirements {
      display: grid;
      gap: 0.25rem;
    }

    .shortfalls {
      margin: 0;
      padding-inline-start: 1.25rem;
    }

    .details {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 0.25rem 0.75rem;
      margin: 0;
      font-size: max(0.9375rem, var(--_min-font));
    }

    .details dt {
      color: var(--_muted);
    }

    .details dd {
      margin: 0;
      min-width: 0;
    }

    .button {
      justify-content: center;
      justify-self: start;
    }

    .button[disabled] {
      cursor: progress;
      opacity: 0.7;
    }

    .error {
      display: grid;
      gap: 0.5rem;
      padding: calc(var(--_space) * 0.75);
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
    }

    .empty {
      color: var(--_muted);
    }

    .coverage {
      display: grid;
      gap: calc(var(--_space) * 0.75);
      min-width: 0;
    }

    /* The coverage's own placeholder: as tall as its figures, map and table, so the page does not jump. */
    .coverage-skeleton {
      --_skeleton-size: 80rem;
    }

    .year-field {
      justify-self: start;
    }

    .province,
    .figure-line,
    .basis,
    .map-hint {
      margin: 0;
    }

    .province {
      display: grid;
      gap: 0.25rem;
    }

    .figure-line {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
    }

    .basis,
    .map-hint {
      color: var(--_muted);
      font-size: max(0.875rem, var(--_min-font));
    }

    .verdict.misses {
      color: var(--_danger);
    }

    .tile-map {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(8, minmax(0, 1fr));
      grid-auto-rows: minmax(4rem, auto);
      gap: 0.25rem;
    }

    .tile-cell {
      display: grid;
      min-width: 0;
    }

    .tile {
      display: grid;
      align-content: center;
      justify-items: center;
      gap: 0.125rem;
      min-width: 0;
      padding: 0.25rem 0.125rem;
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      font: inherit;
      line-height: 1.2;
      cursor: pointer;
      overflow-wrap: anywhere;
    }

    .tile.meets {
      background: var(--_badge-bg);
      color: var(--_badge-text);
      border-color: var(--_badge-text);
    }

    .tile.misses {
      border-color: var(--_danger);
      border-style: dashed;
    }

    .tile[aria-pressed='true'] {
      outline: 3px solid var(--_primary);
      outline-offset: 1px;
    }

    .tile:focus-visible {
      outline: 3px solid var(--_primary);
      outline-offset: 2px;
    }

    .tile-name {
      font-weight: 600;
    }

    .tile-share,
    .tile-verdict {
      font-size: max(0.8125rem, var(--_min-font));
    }

    /* Too narrow for eight columns: the tiles flow in rows, west to east as the cities are listed. */
    @container (max-width: 40rem) {
      .tile-map {
        grid-template-columns: repeat(auto-fill, minmax(4.5rem, 1fr));
      }

      .tile-cell {
        grid-column: auto !important;
        grid-row: auto !important;
      }
    }

    .table-wrap {
      overflow-x: auto;
      max-width: 100%;
    }

    table {
      border-collapse: collapse;
      width: 100%;
      font-size: max(0.9375rem, var(--_min-font));
    }

    caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 0.25rem;
    }

    th,
    td {
      padding: 0.375rem 0.5rem;
      border-bottom: 1px solid var(--_border);
      text-align: start;
      vertical-align: top;
    }

    td:nth-child(2),
    td:nth-child(3),
    td:nth-child(4) {
      text-align: end;
      white-space: nowrap;
    }
  `,
];
