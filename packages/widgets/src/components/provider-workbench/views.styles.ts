import { css } from 'lit';
import { listStyles } from '../../workbench/list.styles.js';

// The views' own rules around every workbench's (the steps' fields before them, so that an invalid field's border
// wins), adopted when the first view arrives (internal/view-styles.ts).
export const viewStyles = css`
  .steps input,
  .steps textarea,
  .follow-up textarea,
  .deliver-note textarea {
    font: inherit;
    width: 100%;
    box-sizing: border-box;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }

  ${listStyles}

  .missing {
    color: var(--_warning);
    background: var(--_warning-bg);
    border-inline-start: 4px solid var(--_warning);
    padding: 0.25rem 0.5rem;
  }

  .missing ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }

  .draft-form,
  .editor,
  .profile-form {
    display: grid;
    gap: 0.75rem;
    max-width: 48rem;
    min-width: 0;
  }

  .draft-form h4,
  .editor h4 {
    margin: 0;
    font-size: 1.125rem;
  }

  .draft-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr));
    gap: 0.75rem;
  }

  .steps {
    list-style: decimal;
    padding-inline-start: 1.5rem;
    margin: 0;
    display: grid;
    gap: 0.75rem;
  }

  .preview {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    overflow-wrap: anywhere;
  }

  .preview dl {
    display: grid;
    gap: 0.25rem;
    margin: 0;
  }

  .preview dt {
    font-weight: 700;
  }

  .preview dd {
    margin: 0 0 0.5rem;
  }

  .amounts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
  }

  .amounts dd {
    margin: 0;
    font-weight: 700;
  }

  .average {
    margin: 0 0 var(--_space);
  }

  /* The eight items of a rating, two columns wide enough for the longest name, one on a narrow screen. */
  .items {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(8rem, 100%), 1fr));
    gap: 0.125rem 1rem;
    margin: 0;
  }

  .items div {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
  }

  .items dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
`;
