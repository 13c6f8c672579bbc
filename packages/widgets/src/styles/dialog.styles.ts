import { css } from 'lit';

// The frame every dialog of the widgets shares (the wallet's use, hand-back and confirmation dialogs, the catalog's
// consult dialog, the calendar's day and detail dialogs): one set of rules, so they look alike and none repeats them.
// A dialog states only how it differs (a wider box, its own head).
export const dialogStyles = css`
  dialog {
    width: min(40rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    overflow: auto;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 50%);
  }

  .dialog-head {
    display: flex;
    justify-content: space-between;
    align-items: start;
    gap: 0.5rem;
  }

  .button-danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
`;
