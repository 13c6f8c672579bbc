import { css } from 'lit';

/** The error summary's rules: they arrive with the summary (and the words it lists), not before. */
export const errorSummaryStyles = css`
  .error-summary {
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: 0.5rem;
  }

  .error-summary h2 {
    font-size: 1.125rem;
  }

  .error-summary-title {
    font-size: 1.125rem;
    font-weight: 700;
    margin: 0;
  }

  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
  }
`;
