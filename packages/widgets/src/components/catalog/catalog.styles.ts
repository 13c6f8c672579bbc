import { css } from 'lit';
import { blockStyles } from '../../styles/blocks.styles.js';
import { controlStyles, unavailableButtonStyles } from '../../styles/controls.styles.js';

export default [
  blockStyles,
  controlStyles,
  unavailableButtonStyles,
  css`
    :host {
      container-type: inline-size;
    }

    fieldset {
      margin: 0;
    }

    /* Search */
    .search {
      display: grid;
      gap: 0.25rem;
      margin-block-end: var(--_space);
    }

    .search label {
      font-weight: 600;
    }

    .search-row {
      display: flex;
      gap: 0.5rem;
      min-width: 0;
    }

    input[type='search'],
    select {
      min-height: 2.5rem;
      padding: 0.375rem 0.625rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    input[type='search'] {
      flex: 1;
      min-width: 0;
    }

    input::placeholder {
      color: var(--_muted);
      opacity: 1;
    }

    /* Layout: the filters beside the results, above them in a narrow column. */
    .layout {
      display: grid;
      gap: var(--_space);
    }

    @container (min-width: 48rem) {
      .layout {
        grid-template-columns: 15rem minmax(0, 1fr);
        align-items: start;
      }
    }

    /* Facets */
    .facets {
      display: grid;
      gap: var(--_space);
      /* The loading skeleton of the categories (styles/skeleton.styles.ts): a line for each. */
      --_skeleton-size: 31rem;
    }

    .facets-title {
      font-size: 1.125rem;
    }

    .facets-body {
      display: grid;
      gap: var(--_space);
    }

    .facets-toggle {
      display: none;
    }

    /* In a narrow column the filters fold away behind a button. */
    @container (max-width: 47.99rem) {
      .facets-label {
        display: none;
      }

      .facets-toggle {
        display: inline-flex;
        font-size: max(1rem, var(--_min-font));
      }

      .facets-toggle::after {
        content: '';
        width: 0.5em;
        height: 0.5em;
        margin-inline-start: 0.25em;
        border-right: 2px solid currentColor;
        border-bottom: 2px solid currentColor;
        transform: rotate(45deg);
      }

      .facets-toggle[aria-expanded='true']::after {
        transform: rotate(-135deg);
      }

      .facets-body:not(.open) {
        display: none;
      }
    }

    .facet {
      display: grid;
      gap: 0.125rem;
      padding: 0.5rem 0.75rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .facet legend {
      padding-inline: 0.25rem;
      font-weight: 600;
    }

    .option {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2rem;
      cursor: pointer;
    }

    .option input {
      width: 1.125rem;
      height: 1.125rem;
      margin: 0;
      accent-color: var(--_primary);
    }

    .select-label {
      margin-block-start: 0.25rem;
    }

    .facet select {
      width: 100%;
    }

    /* Results */
    .results {
      display: grid;
      gap: var(--_space);
      min-width: 0;
    }

    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }

    .status {
      font-weight: 600;
    }

    .sort {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }

    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
      gap: var(--_space);
      padding: 0;
      list-style: none;
    }

    .card {
      display: grid;
      align-content: start;
      gap: 0.375rem;
      height: 100%;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    .card-title {
      font-size: max(1.0625rem, var(--_min-font));
      line-height: 1.4;
    }

    .card-provider {
      color: var(--_muted);
    }

    .card-tags,
    .detail-meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.375rem 0.75rem;
    }

    .tag,
    .badge {
      display: inline-block;
      padding: 0 0.5rem;
      border-radius: 999px;
      font-size: max(0.875rem, var(--_min-font));
      background: var(--_tag-bg);
    }

    .badge-voucher {
      color: var(--_badge-text);
      background: var(--_badge-bg);
      font-weight: 600;
    }

    .facts {
      display: grid;
      gap: 0.125rem;
    }

    .facts div {
      display: flex;
      gap: 0.5rem;
    }

    .facts dt {
      color: var(--_muted);
      flex: none;
    }

    .price-now {
      font-size: max(1.0625rem, var(--_min-font));
    }

    .price-free {
      font-weight: 600;
      color: var(--_badge-text);
    }

    .price-was {
      margin-inline-start: 0.375rem;
      color: var(--_muted);
    }

    .skeleton .card {
      min-height: 10rem;
      gap: 0.75rem;
    }

    .empty,
    .error {
      display: grid;
      justify-items: start;
      gap: 0.5rem;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_subtle);
    }

    .error {
      border: 2px solid var(--_danger);
    }

    .pagination {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: center;
      gap: 0.75rem;
    }

    /* Detail */
    .detail {
      display: grid;
      gap: 0.75rem;
      justify-items: start;
    }

    .detail > * {
      max-width: 72ch;
    }

    .detail h2 {
      font-size: 1.375rem;
      line-height: 1.3;
    }

    .detail h3 {
      margin-block-start: 0.5rem;
      font-size: max(1.0625rem, var(--_min-font));
    }

    .summary {
      color: var(--_muted);
    }

    .steps {
      display: grid;
      gap: 0.375rem;
      padding-inline-start: 1.5rem;
    }

    .steps strong {
      margin-inline-end: 0.5rem;
    }

    .contacts {
      display: grid;
      gap: 0.25rem;
    }

    .contacts div {
      display: grid;
      grid-template-columns: 6rem minmax(0, 1fr);
      gap: 0.5rem;
    }

    .contacts dt {
      color: var(--_muted);
    }

    /* A website or an e-mail address is one long word: it breaks rather than widen a phone's screen. */
    .contacts dd {
      overflow-wrap: anywhere;
    }

    a {
      color: var(--_primary);
      text-underline-offset: 0.2em;
    }
  `,
];
