import { css } from 'lit';

// Grey bars where data will appear (views/skeleton-view.ts, the catalog's placeholder cards). A skeleton block is as
// tall as the widget's data usually is on a desktop screen, `--_skeleton-size` in the widget's own stylesheet, so
// that the host page below the widget does not move when the data arrives (Cumulative Layout Shift).
export const skeletonStyles = css`
  .skeleton-block {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    min-block-size: var(--_skeleton-size, 0);
    padding-block: 0.5rem;
  }

  .skeleton span {
    display: block;
    height: 1rem;
    border-radius: 4px;
    background: var(--_skeleton);
  }

  .skeleton span:first-child {
    width: 70%;
  }

  .skeleton span:last-child {
    width: 40%;
  }

  @media (prefers-reduced-motion: no-preference) {
    .skeleton span {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
  }

  @keyframes pulse {
    to {
      opacity: 0.45;
    }
  }
`;
