// The host page's own sign-in link, which the widgets that need a signed-in enterprise show in their `sign-in` slot:
// the host writes it in its page's language, so the story does too.
import { html } from 'lit';

const TEXTS: Record<string, string> = {
  'zh-CN': '企业用户登录',
  'zh-HK': '企業用戶登入',
  en: 'Sign in as an enterprise',
};

export function signInLink(lang: string) {
  return html`<a slot="sign-in" href="#sign-in">${TEXTS[lang] ?? TEXTS['zh-CN']}</a>`;
}
