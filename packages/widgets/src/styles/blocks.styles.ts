import { css } from 'lit';

// The blocks several widgets show: the title of an error message, a row of actions.
export const blockStyles = css`
  .error-title {
    color: var(--_danger);
    font-weight: 700;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
`;
