import { css } from 'lit';
import { blockStyles } from '../../styles/blocks.styles.js';
import { controlStyles } from '../../styles/controls.styles.js';

export default [
  blockStyles,
  controlStyles,
  css`
    /* The loading skeleton's height: the data's on a desktop screen (styles/skeleton.styles.ts). */
    :host {
      --_skeleton-size: 55rem;
    }

    :host {
      --_ok-text: #0f5323;
      --_ok-bg: #e3f4e6;
      --_off-text: #57606a;
      --_off-bg: #eef1f5;
    }

    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        --_ok-text: #a6e3b3;
        --_ok-bg: #183a22;
        --_off-text: #c9d1d9;
        --_off-bg: #2a3038;
      }
    }

    :host([theme='dark']) {
      --_ok-text: #a6e3b3;
      --_ok-bg: #183a22;
      --_off-text: #c9d1d9;
      --_off-bg: #2a3038;
    }

    .base {
      display: grid;
      gap: var(--_space);
    }

    h2 {
      font-size: 1.375rem;
    }

    h3 {
      font-size: max(1.0625rem, var(--_min-font));
      margin: 0;
    }

    h4 {
      font-size: max(1rem, var(--_min-font));
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
      /* No say in the row's narrowest width either (the field's own width grows with care mode's larger text). */
      width: 0;
      min-width: 0;
    }

    .filter-grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
      gap: calc(var(--_space) * 0.75);
    }

    input,
    select {
      min-height: 2.5rem;
      padding: 0.375rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    input[aria-invalid='true'] {
      border-color: var(--_danger);
      border-width: 2px;
    }

    .error-title {
      color: var(--_danger);
      font-weight: 600;
    }

    .status:empty {
      display: none;
    }

    .list {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0;
    }

    .item {
      display: grid;
      gap: 0.375rem;
      padding: calc(var(--_space) * 0.75) 0;
      border-bottom: 1px solid var(--_border);
    }

    .item-meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      font-size: max(0.9375rem, var(--_min-font));
    }

    .badge {
      display: inline-block;
      padding: 0 0.5rem;
      border-radius: 999px;
      border: 1px solid currentColor;
      font-size: max(0.875rem, var(--_min-font));
      font-weight: 600;
    }

    .badge-inForce {
      color: var(--_ok-text);
      background: var(--_ok-bg);
    }

    .badge-expired,
    .badge-upcoming {
      color: var(--_off-text);
      background: var(--_off-bg);
    }

    .tag {
      padding: 0 0.5rem;
      border-radius: var(--_radius);
      background: var(--_tag-bg);
    }

    .button {
      justify-content: center;
      justify-self: start;
      text-decoration: none;
    }

    .button[disabled] {
      cursor: progress;
      opacity: 0.7;
    }

    .detail {
      display: grid;
      gap: calc(var(--_space) * 0.75);
    }

    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
    }

    .facts dt {
      color: var(--_muted);
    }

    .summary {
      white-space: pre-line;
    }

    .services {
      list-style: none;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
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
  `,
];
