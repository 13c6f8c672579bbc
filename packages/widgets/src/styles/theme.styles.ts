import { css } from 'lit';

// The theme every widget shares: the public `--smec-*` tokens mapped to private `--_*` ones with light and dark
// defaults, so that a page styling one widget styles them all. Every colour pair keeps a contrast of at least 4.5:1
// (text) or 3:1 (borders, focus) in both schemes. It also holds the resets and helpers (focus ring, screen-reader
// text) that every widget's own stylesheet builds on.
const darkTokens = css`
  --_primary: var(--smec-color-primary, #8cb8ff);
  --_on-primary: var(--smec-color-on-primary, #0b1a33);
  --_text: var(--smec-color-text, #e8eaed);
  --_muted: var(--smec-color-muted, #a8b0ba);
  --_surface: var(--smec-color-surface, #15181d);
  --_subtle: var(--smec-color-subtle, #1f242b);
  --_border: var(--smec-color-border, #6e7781);
  --_danger: var(--smec-color-danger, #ff9b8f);
  --_badge-text: #a6e3b3;
  --_badge-bg: #183a22;
  --_tag-bg: #2a3038;
  --_skeleton: #2a3038;
  color-scheme: dark;
`;

// Care mode (适老化, MIIT's 互联网网站适老化通用设计规范): text of at least 18 px (and never less than the page's),
// targets of at least 44 × 44 px and text colours of at least 7:1, with borders of at least 4.5:1. Sizes are in rem
// with a px floor, so that they grow with the visitor's text zoom and a page that shrinks its rem cannot undo them.
// The page's `--smec-care-color-*` replace the `--smec-color-*` while care mode is on; the widgets' own colours that
// fall short of 7:1 (a star, a warning, a closed policy's badge) get care values here too.
const careTokens = css`
  --_primary: var(--smec-care-color-primary, #0a4b8f);
  --_on-primary: var(--smec-care-color-on-primary, #ffffff);
  --_text: var(--smec-care-color-text, #1b1f24);
  --_muted: var(--smec-care-color-muted, #414951);
  --_surface: var(--smec-care-color-surface, #ffffff);
  --_subtle: var(--smec-care-color-subtle, #f4f6f9);
  --_border: var(--smec-care-color-border, #646c75);
  --_danger: var(--smec-care-color-danger, #8f1d13);
  --_warning: var(--smec-care-color-warning, #6b3500);
  --_star: var(--smec-care-color-star, #7a3e00);
  --_off-text: var(--_muted);
`;

const careDarkTokens = css`
  --_primary: var(--smec-care-color-primary, #9cc3ff);
  --_on-primary: var(--smec-care-color-on-primary, #0b1a33);
  --_text: var(--smec-care-color-text, #e8eaed);
  --_muted: var(--smec-care-color-muted, #bcc4cc);
  --_surface: var(--smec-care-color-surface, #15181d);
  --_subtle: var(--smec-care-color-subtle, #1f242b);
  --_border: var(--smec-care-color-border, #8a939c);
  --_danger: var(--smec-care-color-danger, #ffaea4);
  --_warning: var(--smec-care-color-warning, #ffc266);
  --_star: var(--smec-care-color-star, #ffc266);
`;

export const themeStyles = css`
  :host {
    --_primary: var(--smec-color-primary, #0b5cad);
    --_on-primary: var(--smec-color-on-primary, #ffffff);
    --_text: var(--smec-color-text, #1b1f24);
    --_muted: var(--smec-color-muted, #57606a);
    --_surface: var(--smec-color-surface, #ffffff);
    --_subtle: var(--smec-color-subtle, #f4f6f9);
    --_border: var(--smec-color-border, #8c959f);
    --_danger: var(--smec-color-danger, #b42318);
    --_radius: var(--smec-radius, 8px);
    --_space: var(--smec-space, 1rem);
    /*
     * The floors care mode raises: of every smaller text (font-size: max(0.875rem, var(--_min-font))) and of a
     * widget's small targets (a star, a radio button's label); and the height of a control.
     */
    --_min-font: 0px;
    --_min-target: 0px;
    --_target: 2.5rem;
    --_badge-text: #0f5323;
    --_badge-bg: #e3f4e6;
    --_tag-bg: #eef1f5;
    --_skeleton: #e6e9ee;
    color-scheme: light;
    display: block;
    font-family: var(--smec-font-family, inherit);
    line-height: 1.6;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }

  :host([theme='dark']) {
    ${darkTokens}
  }

  /* Two attributes and more, to outrank a widget's own light and dark tokens (:host(:not([theme='light']))). */
  :host([care]) {
    ${careTokens}
    --_min-font: max(1.125rem, 18px);
    --_target: max(2.75rem, 44px);
    --_min-target: var(--_target);
    font-size: max(1em, var(--_min-font));
    line-height: 1.7;
  }

  @media (prefers-color-scheme: dark) {
    :host([care]:not([theme='light'])) {
      ${careDarkTokens}
    }
  }

  :host([care][theme='dark']) {
    ${careDarkTokens}
  }

  /*
   * Every control is a target of at least 44 × 44 px. A text field is wide anyway (and may shrink in its row); a
   * checkbox or radio button is the size of its label, which selects it too; a link inside running text stays
   * inline (WCAG's exception).
   */
  :host([care]) :is(button, select, textarea, summary, [role='button'], .button) {
    min-height: var(--_target);
    min-width: var(--_target);
  }

  :host([care]) input:not([type='checkbox'], [type='radio']) {
    min-height: var(--_target);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  h2,
  h3,
  p,
  ul,
  ol,
  dl,
  dd {
    margin: 0;
  }

  button,
  input,
  select,
  textarea,
  a.button {
    font: inherit;
    color: inherit;
  }

  /* A select is as wide as its longest option; on a phone it must still fit its field. */
  select {
    max-inline-size: 100%;
    min-inline-size: 0;
  }

  :focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }

  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .muted {
    color: var(--_muted);
  }

  .base {
    color: var(--_text);
    background: var(--_surface);
    padding: var(--_space);
    border-radius: var(--_radius);
  }
`;
