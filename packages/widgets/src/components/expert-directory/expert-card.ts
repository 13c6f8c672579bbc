import type { Expert, ServiceCategory } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../i18n/localization.js';
import { categoryName } from './expert-filters.js';

/** A bio longer than this is cut on the card, with 展开 to read the rest. */
export const SHORT_BIO = 80;

/** The first `SHORT_BIO` characters of a bio as a person counts them (an emoji is one), or the whole when short. */
export function shortBio(bio: string): string | undefined {
  const characters = [...bio];
  return characters.length > SHORT_BIO ? `${characters.slice(0, SHORT_BIO).join('')}…` : undefined;
}

/** One expert's card: name, title, specialties, years, provider and the bio, short unless opened. */
export function renderExpertCard(options: {
  expert: Expert;
  categories: ReadonlyMap<string, ServiceCategory>;
  locale: string;
  expanded: boolean;
  onToggle: (expert: Expert) => void;
}): TemplateResult {
  const { expert, categories, locale, expanded } = options;
  const short = shortBio(expert.bio);
  const bioId = `smec-ed-bio-${expert.id}`;
  return html`<li part="card" class="card" data-expert-id=${expert.id}>
    <h3 class="name" id="smec-ed-name-${expert.id}" tabindex="-1">${expert.name}</h3>
    <p part="title" class="title">${expert.title}</p>
    <ul part="specialties" class="tags" aria-label=${msg('专业领域', { id: 'expert.filter.specialty' })}>
      ${expert.specialties.map((id) => {
        const category = categories.get(id);
        return html`<li class="tag">${category ? categoryName(category, locale) : id}</li>`;
      })}
    </ul>
    <p class="meta">
      <span>${msg(str`从业 ${expert.years} 年`, { id: 'expert.years' })}</span>
      ${expert.provider ? html`<span part="provider">${expert.provider.name}</span>` : nothing}
    </p>
    ${
      expert.bio
        ? html`<p part="bio" class="bio" id=${bioId}>${short && !expanded ? short : expert.bio}</p>
            ${
              short
                ? html`<button
                    type="button"
                    part="expand-button"
                    class="link-button"
                    aria-expanded=${expanded ? 'true' : 'false'}
                    aria-controls=${bioId}
                    aria-describedby="smec-ed-name-${expert.id}"
                    @click=${() => options.onToggle(expert)}
                  >
                    ${expanded ? msg('收起', { id: 'expert.bio.collapse' }) : msg('展开', { id: 'expert.bio.expand' })}
                  </button>`
                : nothing
            }`
        : nothing
    }
  </li>`;
}
