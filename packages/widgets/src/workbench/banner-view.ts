import { html, type TemplateResult } from 'lit';

/** One action waiting, a button to the view where it is done. */
export interface BannerAction<View extends string> {
  /** Names the action for tests and styles (`data-action`). */
  readonly kind: string;
  readonly text: string;
  readonly view: View;
  /** Shown in bold, before the others. */
  readonly urgent?: boolean;
}

export interface BannerTexts {
  readonly title: string;
  /** What is said when nothing waits. */
  readonly none: string;
}

/** The actions waiting, each a button to the view where it is done; a short line when there is none. */
export function renderBanner<View extends string>(
  texts: BannerTexts,
  actions: readonly BannerAction<View>[],
  onGo: (view: View) => void,
): TemplateResult {
  return html`<section part="banner" class="banner" aria-labelledby="smec-banner-title">
    <h3 id="smec-banner-title">${texts.title}</h3>
    ${
      actions.length === 0
        ? html`<p class="muted">${texts.none}</p>`
        : html`<ul class="banner-list">
            ${actions.map(
              (action) =>
                html`<li data-action=${action.kind} class=${action.urgent ? 'urgent' : ''}>
                  <button type="button" class="link-button" part="banner-action" @click=${() => onGo(action.view)}>
                    ${action.text}
                  </button>
                </li>`,
            )}
          </ul>`
    }
  </section>`;
}
