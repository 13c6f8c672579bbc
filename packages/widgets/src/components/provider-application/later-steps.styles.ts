import { css } from 'lit';

/** The rules of the later steps (the checkbox groups, the files, the summary): they arrive with those steps. */
export const laterStepStyles = css`
  .checks {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }

  .check-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
    gap: 0 1rem;
  }

  .check-grid .check {
    font-weight: 400;
  }

  input[type='file'] {
    min-height: var(--_min-target);
    max-width: 100%;
  }

  .files {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.25rem;
  }

  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    overflow-wrap: anywhere;
  }

  .file-failed .file-state {
    color: var(--_danger);
  }

  .review-section {
    border-block-start: 1px solid var(--_border);
    padding-block-start: 0.5rem;
  }

  .review-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.5rem;
  }

  .review-head a {
    color: var(--_primary);
    display: inline-flex;
    align-items: center;
    min-height: var(--_min-target);
  }

  .review-row {
    display: grid;
    grid-template-columns: minmax(0, 10rem) minmax(0, 1fr);
    gap: 0 1rem;
    padding-block: 0.25rem;
  }

  .review-row dt {
    color: var(--_muted);
  }

  .review-row dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }

  @media (max-width: 30rem) {
    .review-row {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
