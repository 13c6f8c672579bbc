import { css } from 'lit';
import { blockStyles } from '../../styles/blocks.styles.js';
import { controlStyles, unavailableButtonStyles } from '../../styles/controls.styles.js';

export default [
  blockStyles,
  controlStyles,
  unavailableButtonStyles,
  css`
    /* The loading skeleton's height: the data's on a desktop screen (styles/skeleton.styles.ts). */
    :host {
      --_skeleton-size: 52.2rem;
    }

    :host {
      --_star: var(--smec-color-star, #a35400);
    }

    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        --_star: var(--smec-color-star, #ffc266);
      }
    }

    :host([theme='dark']) {
      --_star: var(--smec-color-star, #ffc266);
    }

    .base {
      display: grid;
      gap: var(--_space);
      max-width: 48rem;
    }

    h2 {
      font-size: 1.375rem;
    }

    h3 {
      font-size: max(1.0625rem, var(--_min-font));
    }

    .hint,
    .status:empty {
      color: var(--_muted);
    }

    .status:empty {
      display: none;
    }

    .button {
      justify-content: center;
      justify-self: start;
    }

    form,
    .items {
      display: grid;
      gap: var(--_space);
    }

    fieldset {
      margin: 0;
      padding: 0.5rem 0.75rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-width: 0;
    }

    legend {
      font-weight: 700;
      padding-inline: 0.25rem;
    }

    legend .muted {
      font-weight: 400;
    }

    .field {
      display: grid;
      gap: 0.25rem;
    }

    .field > label {
      font-weight: 700;
    }

    fieldset.field-invalid {
      border-color: var(--_danger);
    }

    /* One radio per point, drawn as a star; the radio itself stays focusable on top of its star. */
    .stars {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.125rem;
    }

    .star {
      position: relative;
      display: inline-grid;
      place-items: center;
      min-width: max(1.75rem, var(--_min-target));
      min-height: max(1.75rem, var(--_min-target));
      cursor: pointer;
    }

    .star input {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      margin: 0;
      opacity: 0;
      cursor: pointer;
    }

    .glyph {
      font-size: 1.375rem;
      line-height: 1;
      color: var(--_muted);
      border-radius: 4px;
    }

    .zero .glyph {
      display: inline-grid;
      place-items: center;
      width: 1.375rem;
      height: 1.375rem;
      font-size: max(0.875rem, var(--_min-font));
      font-weight: 700;
      border: 1px solid var(--_muted);
      border-radius: 50%;
    }

    .star.on .glyph {
      color: var(--_star);
    }

    .zero.on .glyph {
      color: var(--_on-primary);
      background: var(--_primary);
      border-color: var(--_primary);
    }

    .star input:focus-visible + .glyph {
      outline: 3px solid var(--_primary);
      outline-offset: 2px;
    }

    .star:hover .glyph {
      transform: scale(1.15);
    }

    .item-value {
      margin-inline-start: 0.5rem;
      font-variant-numeric: tabular-nums;
      color: var(--_muted);
    }

    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.25rem;
    }

    .choice {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      min-width: var(--_min-target);
      min-height: max(2rem, var(--_min-target));
      cursor: pointer;
    }

    .choice input {
      width: 1.125rem;
      height: 1.125rem;
      margin: 0;
      accent-color: var(--_primary);
    }

    textarea {
      min-height: 5rem;
      padding: 0.375rem 0.625rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      width: 100%;
      resize: vertical;
    }

    textarea[aria-invalid='true'] {
      border: 2px solid var(--_danger);
    }

    .running-score,
    .score {
      font-weight: 700;
      font-size: 1.125rem;
    }

    .error {
      display: grid;
      justify-items: start;
      gap: 0.5rem;
      padding: var(--_space);
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
      background: var(--_subtle);
    }

    .sign-in {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
    }

    .result,
    .follow-up {
      display: grid;
      gap: 0.5rem;
    }

    h2[tabindex='-1']:focus {
      outline: none;
    }

    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
      gap: 0.25rem 1rem;
    }

    .facts div {
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
      border-block-end: 1px solid var(--_subtle);
    }

    .facts dt {
      color: var(--_muted);
    }

    .comment {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }

    blockquote.comment {
      padding-inline-start: 0.75rem;
      border-inline-start: 3px solid var(--_border);
    }

    .due {
      font-weight: 700;
    }

    .answers {
      display: grid;
      gap: 0.5rem;
      padding: 0;
      list-style: none;
    }

    .answers li,
    .answer {
      padding: 0.5rem 0.75rem;
      border-radius: var(--_radius);
      background: var(--_subtle);
    }

    /* Show mode */
    .summary {
      display: grid;
      gap: 0.75rem;
      padding: var(--_space);
      border-radius: var(--_radius);
      background: var(--_subtle);
    }

    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 2rem;
    }

    .figures dt {
      color: var(--_muted);
      font-size: max(0.875rem, var(--_min-font));
    }

    .figure {
      font-size: 1.375rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }

    .distribution {
      display: grid;
      gap: 0.25rem;
      padding: 0;
      list-style: none;
    }

    .distribution li {
      display: grid;
      grid-template-columns: minmax(0, 6rem) minmax(2rem, 1fr) minmax(0, 7.5rem);
      align-items: center;
      gap: 0.75rem;
    }

    .bar {
      width: 100%;
      height: 0.625rem;
    }

    .bar-track {
      fill: var(--_surface);
    }

    .bar-fill {
      fill: var(--_star);
    }

    .level-count {
      font-variant-numeric: tabular-nums;
    }

    .ratings {
      display: grid;
      gap: 0.75rem;
      padding: 0;
      list-style: none;
    }

    .rating {
      display: grid;
      gap: 0.375rem;
      padding-block-end: 0.75rem;
      border-block-end: 1px solid var(--_border);
    }

    .rating-head,
    .rating-facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: baseline;
    }

    .enterprise {
      font-weight: 700;
    }

    .tag {
      padding: 0 0.5rem;
      border-radius: 999px;
      background: var(--_tag-bg);
      font-size: max(0.875rem, var(--_min-font));
    }

    .empty {
      color: var(--_muted);
    }

    @media (prefers-reduced-motion: reduce) {
      .star:hover .glyph {
        transform: none;
      }
    }
  `,
];
