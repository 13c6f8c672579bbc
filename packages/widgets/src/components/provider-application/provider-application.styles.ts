import { css } from 'lit';
import demandFormStyles from '../demand-form/demand-form.styles.js';

// The demand form's rules for fields, groups and buttons, and the application's own: the steps, the checkbox
// groups, the files and the summary.
export default [
  ...demandFormStyles,
  css`
    /* The loading skeleton's height (a resumed application loading): the first step's on a desktop screen. */
    :host {
      --_skeleton-size: 62rem;
    }

    .steps {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
    }

    .step {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      color: var(--_muted);
    }

    .step-no {
      display: inline-grid;
      place-items: center;
      inline-size: 1.75rem;
      block-size: 1.75rem;
      border-radius: 50%;
      border: 2px solid currentColor;
      font-weight: 700;
    }

    .step-current {
      color: var(--_text);
      font-weight: 700;
    }

    .step-current .step-no {
      background: var(--_primary);
      border-color: var(--_primary);
      color: var(--_on-primary);
    }

    legend h3 {
      margin: 0;
      font-size: 1.125rem;
    }

    .review-note {
      color: var(--_text);
      font-weight: 600;
    }

    .actions,
    .link-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
    }

    .link-row input {
      flex: 1 1 16rem;
    }
  `,
];
