import { css } from 'lit';

// The rules every workbench's views share (cards of a list, badges, fields, notices, a record, errors), adopted
// with a view's own when the first view arrives (internal/view-styles.ts).
export const listStyles = css`
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(18rem, 100%), 1fr));
    gap: 0.75rem;
    padding: 0;
    list-style: none;
    margin: var(--_space) 0 0;
  }

  .card {
    display: grid;
    gap: 0.375rem;
    align-content: start;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .card p {
    margin: 0;
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

  .badge {
    flex: none;
    padding: 0 0.5rem;
    border-radius: 999px;
    font-size: max(0.875rem, var(--_min-font));
    background: var(--_tag-bg);
    color: var(--_text);
    border: 1px solid var(--_border);
  }

  .field {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
  }

  .field input:not([type='checkbox']),
  .field select,
  .field textarea {
    font: inherit;
    width: 100%;
    box-sizing: border-box;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }

  .field-invalid :is(input, select, textarea) {
    border: 2px solid var(--_danger);
  }

  .field-error {
    color: var(--_danger);
    font-weight: 700;
    margin: 0;
  }

  .hint {
    margin: 0;
    color: var(--_muted);
  }

  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
    margin: 0;
    min-width: 0;
  }

  legend {
    font-weight: 700;
    padding: 0 0.25rem;
  }

  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }

  .checks label,
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 2rem;
  }

  /* A checkbox is as large a target as its label, which selects it too. */
  :host([care]) :is(.checks label, .check) {
    min-height: var(--_target);
  }

  .notice {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_warning);
    background: var(--_warning-bg);
  }

  .timeline {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
    display: grid;
    gap: 0.25rem;
  }

  .error {
    color: var(--_danger);
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: 0.5rem;
  }
`;
