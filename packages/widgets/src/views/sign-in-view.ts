import { html, type TemplateResult } from 'lit';

export interface SignInOptions {
  /** What signing in allows, in the widget's words. */
  hint: string;
  /** The button's text (「登录后报名」). */
  label: string;
  /** The button's part. */
  part: string;
  /** The prompt's own heading: the widget shows nothing else until somebody signs in. */
  title?: string;
  /** Fires the widget's `smec-auth-required`. */
  onSignIn: () => void;
}

/**
 * The prompt to sign in: why, a button that asks the host page to sign the visitor in, and the host's own sign-in
 * link (the `sign-in` slot). Signing in is the host page's business.
 */
export function renderSignIn({ hint, label, part, title, onSignIn }: SignInOptions): TemplateResult {
  const button = html`<button type="button" part=${part} class="button button-primary" @click=${onSignIn}>
      ${label}
    </button>
    <slot name="sign-in"></slot>`;
  if (!title)
    return html`<div class="sign-in">
      <p>${hint}</p>
      ${button}
    </div>`;
  return html`<section part="sign-in" class="sign-in" aria-labelledby="smec-sign-in-title">
    <h3 id="smec-sign-in-title">${title}</h3>
    <p>${hint}</p>
    <div class="actions">${button}</div>
  </section>`;
}
