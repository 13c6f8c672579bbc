import { css } from 'lit';
import { blockStyles } from '../../styles/blocks.styles.js';
import { controlStyles } from '../../styles/controls.styles.js';

export default [
  blockStyles,
  controlStyles,
  css`
    /* The loading skeleton's height: the data's on a desktop screen (styles/skeleton.styles.ts). */
    :host {
      --_skeleton-size: 21.125rem;
    }

    .base {
      display: grid;
      gap: var(--_space);
      max-width: 48rem;
    }

    h2 {
      font-size: 1.375rem;
    }

    h3 {
      font-size: max(1.0625rem, var(--_min-font));
    }

    .muted,
    .hint {
      color: var(--_muted);
    }

    form {
      display: grid;
      gap: var(--_space);
    }

    fieldset {
      margin: 0;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      display: grid;
      gap: var(--_space);
      min-width: 0;
    }

    legend {
      font-weight: 700;
      font-size: 1.125rem;
      padding-inline: 0.25rem;
    }

    .field {
      display: grid;
      gap: 0.25rem;
    }

    .field > label,
    .label {
      font-weight: 600;
    }

    input:not([type='checkbox']),
    select,
    textarea {
      min-height: 2.5rem;
      padding: 0.375rem 0.625rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      width: 100%;
      max-width: 32rem;
    }

    textarea {
      resize: vertical;
    }

    [aria-invalid='true'] {
      border-color: var(--_danger);
      border-width: 2px;
    }

    input:disabled,
    select:disabled {
      background: var(--_subtle);
      color: var(--_muted);
    }

    .region-row,
    .budget-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }

    .sub-label {
      display: grid;
      gap: 0.125rem;
      flex: 1 1 12rem;
    }

    .budget-row input[type='text'] {
      width: 12rem;
    }

    .check {
      display: inline-flex;
      align-items: center;
      min-height: var(--_min-target);
      gap: 0.5rem;
      font-weight: 600;
    }

    input[type='checkbox'] {
      width: 1.25rem;
      height: 1.25rem;
      accent-color: var(--_primary);
    }

    .button {
      justify-content: center;
      justify-self: start;
    }

    .button-primary {
      font-weight: 600;
    }

    .button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.75;
    }

    .error {
      border: 1px solid var(--_danger);
      border-radius: var(--_radius);
      padding: var(--_space);
      display: grid;
      gap: 0.5rem;
    }
  `,
];
