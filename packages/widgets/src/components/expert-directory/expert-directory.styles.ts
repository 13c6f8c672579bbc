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
      min-width: 0;
    }

    .status:empty {
      display: none;
    }

    .cards {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
      gap: calc(var(--_space) * 0.75);
    }

    .card {
      display: grid;
      align-content: start;
      gap: 0.375rem;
      padding: calc(var(--_space) * 0.75);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-width: 0;
      overflow-wrap: anywhere;
    }

    .title,
    .meta {
      margin: 0;
      color: var(--_muted);
    }

    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      font-size: max(0.9375rem, var(--_min-font));
    }

    .tags {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }

    .tag {
      padding: 0 0.5rem;
      border-radius: var(--_radius);
      background: var(--_tag-bg);
    }

    .bio {
      margin: 0;
    }

    .card .link-button {
      justify-self: start;
      min-height: var(--_target);
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
  `,
];
