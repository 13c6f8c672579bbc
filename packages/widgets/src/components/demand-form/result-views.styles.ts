import { css } from 'lit';

/** The rules of the views shown after a submission or a lookup: they arrive with those views, not before. */
export const resultViewStyles = css`
  .tracking-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  .success,
  .status-view {
    display: grid;
    gap: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }

  .tracking-no {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 1.5rem;
    letter-spacing: 0.05em;
    user-select: all;
    /* At this size the number is wider than a 320 px screen's column: it breaks there rather than stick out. */
    overflow-wrap: anywhere;
  }

  .next-steps,
  .matches {
    padding-inline-start: 1.5rem;
    display: grid;
    gap: 0.25rem;
  }

  .facts {
    display: grid;
    gap: 0.25rem;
  }

  .facts div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }

  .facts dt {
    color: var(--_muted);
    min-width: 7rem;
  }

  .current-status {
    font-weight: 700;
  }

  .timeline {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.75rem;
    border-inline-start: 2px solid var(--_border);
    padding-inline-start: 1rem;
  }

  .timeline li {
    display: grid;
  }

  .timeline time {
    color: var(--_muted);
  }
`;
