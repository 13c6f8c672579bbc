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
