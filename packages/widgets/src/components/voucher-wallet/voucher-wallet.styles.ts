import { css } from 'lit';
import { blockStyles } from '../../styles/blocks.styles.js';
import { controlStyles, unavailableButtonStyles } from '../../styles/controls.styles.js';

export default [
  blockStyles,
  controlStyles,
  unavailableButtonStyles,
  css`
    /* The loading skeleton's height: the data's on a desktop screen (styles/skeleton.styles.ts). */
    :host {
      --_skeleton-size: 40rem;
    }

    :host {
      --_warning: var(--smec-color-warning, #8a4600);
      --_warning-bg: #fff4e0;
    }

    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        --_warning: var(--smec-color-warning, #ffc266);
        --_warning-bg: #3a2a10;
      }
    }

    :host([theme='dark']) {
      --_warning: var(--smec-color-warning, #ffc266);
      --_warning-bg: #3a2a10;
    }

    .title {
      font-size: 1.375rem;
    }

    .section {
      margin-block-start: calc(var(--_space) * 1.5);
    }

    .section > h3 {
      font-size: 1.125rem;
      margin-block-end: 0.5rem;
    }

    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(18rem, 100%), 1fr));
      gap: 0.75rem;
      padding: 0;
      list-style: none;
      margin: 0;
    }

    .card {
      display: grid;
      gap: 0.375rem;
      align-content: start;
      padding: 0.75rem 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_subtle);
    }

    .card-head {
      display: flex;
      justify-content: space-between;
      align-items: start;
      gap: 0.5rem;
    }

    .card-head h4 {
      margin: 0;
      font-size: max(1rem, var(--_min-font));
    }

    .amount {
      font-size: 1.5rem;
      font-weight: 700;
    }

    .badge {
      flex: none;
      padding: 0 0.5rem;
      border-radius: 999px;
      font-size: max(0.875rem, var(--_min-font));
      background: var(--_tag-bg);
      color: var(--_text);
      border: 1px solid var(--_border);
    }

    .badge.status-issued,
    .badge.upcoming {
      background: var(--_badge-bg);
      color: var(--_badge-text);
    }

    .rated {
      border-inline-start: 4px solid var(--_primary);
      padding-inline-start: 0.5rem;
    }

    .deadline.near {
      color: var(--_warning);
      background: var(--_warning-bg);
      border-inline-start: 4px solid var(--_warning);
      padding: 0.125rem 0.5rem;
      font-weight: 700;
    }

    .countdown {
      white-space: nowrap;
    }

    .timeline {
      margin: 0.25rem 0 0;
      padding-inline-start: 1.25rem;
      list-style: decimal;
      display: grid;
      gap: 0.25rem;
      font-size: max(0.875rem, var(--_min-font));
    }

    .timeline li > * + * {
      margin-inline-start: 0.5em;
    }

    .history summary {
      cursor: pointer;
      color: var(--_primary);
    }

    .amounts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }

    .amounts dt {
      font-size: max(0.875rem, var(--_min-font));
      color: var(--_muted);
    }

    .amounts dd {
      font-weight: 700;
    }

    .button:disabled {
      cursor: not-allowed;
      border-style: dashed;
      color: var(--_muted);
      background: var(--_surface);
    }

    .status:empty {
      display: none;
    }

    .status {
      margin-block: 0.5rem;
      font-weight: 700;
    }

    .error {
      color: var(--_danger);
      border: 1px solid var(--_danger);
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
      margin-block: 0.5rem;
    }

    .action-error:focus {
      outline: none;
    }

    .sign-in {
      display: grid;
      gap: 0.5rem;
      padding: var(--_space);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }

    .empty {
      color: var(--_muted);
    }
  `,
];
