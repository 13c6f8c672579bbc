import { css } from 'lit';

/** Progress towards the targets (targets-view.ts): the scorecard's and the center workbench overview's. */
export const targetStyles = css`
  .targets {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }

  .target {
    display: grid;
    gap: 0.25rem;
  }

  .target-label {
    font-weight: 600;
  }

  .bar {
    width: 100%;
    max-width: 24rem;
    height: 0.75rem;
  }

  .bar-track {
    fill: var(--_subtle);
    stroke: var(--_border);
    stroke-width: 0.5;
  }

  .bar-fill {
    fill: var(--_primary);
  }
`;
