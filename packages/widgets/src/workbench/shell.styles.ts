import { css } from 'lit';
import { blockStyles } from '../styles/blocks.styles.js';
import { controlStyles, unavailableButtonStyles } from '../styles/controls.styles.js';

// A workbench shell's styles (the title, the sign-in prompt, the banner, the navigation, the view's frame): the
// views bring their own (list.styles.ts and each workbench's) when they arrive.
export const shellStyles = [
  blockStyles,
  controlStyles,
  unavailableButtonStyles,
  css`
    /* The loading skeleton's height: a view's on a desktop screen (styles/skeleton.styles.ts). */
    :host {
      --_skeleton-size: 32rem;
      --_warning: var(--smec-color-warning, #8a4600);
      --_warning-bg: #fff4e0;
    }

    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        --_warning: var(--smec-color-warning, #ffc266);
        --_warning-bg: #3a2a10;
      }
    }

    :host([theme='dark']) {
      --_warning: var(--smec-color-warning, #ffc266);
      --_warning-bg: #3a2a10;
    }

    .title {
      font-size: 1.375rem;
    }

    .sign-in {
      display: grid;
      gap: 0.5rem;
      padding: var(--_space);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }

    .banner {
      margin-block: var(--_space) 0;
      padding: 0.75rem 1rem;
      border-inline-start: 4px solid var(--_warning);
      background: var(--_warning-bg);
      border-radius: var(--_radius);
      overflow-wrap: anywhere;
    }

    .banner h3 {
      margin: 0 0 0.25rem;
      font-size: 1.125rem;
    }

    .banner-list {
      margin: 0;
      padding-inline-start: 1.25rem;
      display: grid;
      gap: 0.25rem;
    }

    .banner-list .urgent {
      font-weight: 700;
    }

    .banner .link-button {
      text-align: start;
    }

    .nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: var(--_space) 0 0;
      padding: 0;
      list-style: none;
    }

    .nav-button {
      font: inherit;
      min-height: 2.75rem;
      padding: 0.375rem 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      cursor: pointer;
    }

    .nav-button[aria-current='page'] {
      background: var(--_primary);
      border-color: var(--_primary);
      color: var(--_on-primary);
      font-weight: 700;
    }

    .view {
      margin-block-start: var(--_space);
      min-width: 0;
    }

    .view > h3 {
      font-size: 1.25rem;
      margin: 0 0 0.5rem;
    }
  `,
];
