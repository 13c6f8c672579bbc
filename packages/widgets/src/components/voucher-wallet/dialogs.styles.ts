import { css } from 'lit';
import { dialogStyles } from '../../styles/dialog.styles.js';

// The use and hand-back dialogs' own rules, after the frame all dialogs share: they arrive with the dialogs, which the
// wallet fetches when first opened.
export default css`
  ${dialogStyles}

  dialog form,
  dialog {
    display: grid;
    gap: 0.75rem;
  }

  dialog:not([open]) {
    display: none;
  }

  .dialog-head {
    align-items: center;
  }

  .field {
    display: grid;
    gap: 0.25rem;
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
    grid-template-columns: minmax(0, 1fr);
  }

  legend {
    font-weight: 700;
    padding: 0;
  }

  input[type='search'],
  input[type='text'],
  select {
    min-height: 2.5rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .invalid input[type='search'],
  .invalid input[type='text'] {
    border-color: var(--_danger);
    border-width: 2px;
  }

  .choices {
    display: grid;
    gap: 0.25rem;
    max-height: 14rem;
    overflow: auto;
  }

  .option {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    padding: 0.25rem 0.5rem;
    border-radius: var(--_radius);
  }

  .product-price {
    margin-inline-start: auto;
    white-space: nowrap;
  }

  .price-was {
    margin-inline-start: 0.25rem;
  }

  .option:has(input:checked) {
    background: var(--_subtle);
    outline: 1px solid var(--_primary);
  }

  .field-error:empty {
    display: none;
  }

  .preview {
    font-size: 1.125rem;
    font-weight: 700;
  }

  .preview:empty {
    display: none;
  }
`;
