import { css } from 'lit';
import demandFormStyles from '../demand-form/demand-form.styles.js';

// The demand form's rules for fields, errors and buttons, and the notice's own: the list of applicants and their facts.
export default [
  ...demandFormStyles,
  css`
    /* The loading skeleton's height: three applicants on a desktop screen (styles/skeleton.styles.ts). */
    :host {
      --_skeleton-size: 45rem;
    }

    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_space);
    }

    .item {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space);
      display: grid;
      gap: 0.75rem;
      min-width: 0;
    }

    .item-title {
      font-size: max(1.0625rem, var(--_min-font));
      overflow-wrap: anywhere;
    }

    .facts {
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
      gap: 0.5rem 1rem;
    }

    .facts dt {
      color: var(--_muted);
      font-size: max(0.875rem, var(--_min-font));
    }

    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .uscc,
    .objection-no {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      overflow-wrap: anywhere;
    }

    .objection-no {
      font-size: 1.125rem;
    }

    .confirmation {
      border: 2px solid var(--_primary);
      border-radius: var(--_radius);
      padding: var(--_space);
      display: grid;
      gap: 0.5rem;
    }

    /* In care mode the summary's links are targets of their own (each alone on its line), at least 44 px. */
    .error-summary a {
      display: inline-flex;
      align-items: center;
      min-height: var(--_min-target);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
    }
  `,
];
