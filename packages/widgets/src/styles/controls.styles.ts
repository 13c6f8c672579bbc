import { css } from 'lit';

// Buttons, links drawn as buttons and the parts of a form field that every widget draws the same way. A widget's own
// stylesheet comes after these and only states how its controls differ (a busy button, a narrower select …).
export const controlStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    min-height: var(--_target);
    padding: 0.375rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }

  .button:hover {
    border-color: var(--_primary);
  }

  /* Two classes, to outrank the theme's colour reset of a link drawn as a button (a.button). */
  .button.button-primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }

  .link,
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }

  .field-invalid {
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: 0.75rem;
  }

  .field-error {
    color: var(--_danger);
    font-weight: 600;
  }

  .counter {
    color: var(--_muted);
    font-size: max(0.875rem, var(--_min-font));
  }

  .counter-over {
    color: var(--_danger);
    font-weight: 600;
  }
`;

/**
 * A button that cannot be used right now stays focusable (`aria-disabled`, so that it can say why) and looks
 * unavailable. Widgets whose buttons only wait for a moment (a form being sent) show that differently.
 */
export const unavailableButtonStyles = css`
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    border-style: dashed;
    color: var(--_muted);
    background: var(--_surface);
  }
`;
