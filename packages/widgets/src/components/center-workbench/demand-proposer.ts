import type { Provider, ServiceProduct } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import type { ViewHost } from '../../workbench/view-switch.js';
import { renderActionError } from '../../workbench/action-error.js';
import type { ProposalsBody } from './demand-api.js';
import { NOTE_MAX, PROPOSALS_MAX } from './demand-values.js';

const SEARCH_LIMIT = 10;
const PRODUCTS_LIMIT = 50;

/** One provider chosen for the proposal, with the product (if any) and the note typed for it. */
interface Choice {
  readonly provider: Provider;
  productId: string;
  note: string;
  products: readonly ServiceProduct[] | undefined;
}

/** The id of a field of the propose form, as its label, error and focus name it. */
export function proposeFieldId(field: string): string {
  return `smec-propose-${field}`;
}

/**
 * The form of 「推荐服务机构」: providers found by a search, 1–5 of them chosen, each optionally with one of its
 * products and a note, and a note for the whole proposal. What is typed stays when the platform refuses it.
 */
export class DemandProposer {
  private query = '';
  private results: readonly Provider[] | undefined;
  private searching = false;
  private searchError: unknown;
  private searcher: AbortController | undefined;
  private readonly choices: Choice[] = [];
  private note = '';
  /** How many more providers the demand may be proposed (five in all). */
  limit = PROPOSALS_MAX;
  /** Errors next to their fields, by field (`search`, `note-0`, `note`), the form's own or the platform's. */
  readonly errors = new Map<string, string>();

  constructor(
    private readonly host: ViewHost,
    private readonly client: () => SmecClient,
    private readonly focus: (selector: string) => void,
  ) {}

  dispose(): void {
    this.searcher?.abort();
  }

  /** The body to send, or undefined (with the error shown next to the search) when no provider is chosen. */
  body(): ProposalsBody | undefined {
    this.errors.clear();
    if (this.choices.length === 0) {
      this.errors.set(
        'search',
        msg(str`请至少选择 1 家、至多 ${this.limit} 家服务机构`, { id: 'center.propose.required' }),
      );
      this.host.requestUpdate();
      this.focus(`#${proposeFieldId('search')}`);
      return undefined;
    }
    const note = this.note.trim();
    return {
      proposals: this.choices.map((choice) => ({
        providerId: choice.provider.id,
        ...(choice.productId ? { productId: choice.productId } : {}),
        ...(choice.note.trim() ? { note: choice.note.trim() } : {}),
      })),
      ...(note ? { note } : {}),
    };
  }

  /** The platform's refusal of fields, shown next to each; the first one takes the focus. */
  refused(fields: Partial<Record<string, { message: string }>>): boolean {
    this.errors.clear();
    for (const [field, problem] of Object.entries(fields)) {
      if (problem)
        this.errors.set(field === 'proposals' || field.startsWith('provider-') ? 'search' : field, problem.message);
    }
    const first = this.errors.keys().next().value;
    this.host.requestUpdate();
    if (first) this.focus(`#${proposeFieldId(first)}`);
    return first !== undefined;
  }

  private async search(): Promise<void> {
    this.searcher?.abort();
    const searcher = (this.searcher = new AbortController());
    this.searching = true;
    this.searchError = undefined;
    this.host.requestUpdate();
    try {
      const query = this.query.trim();
      const page = await this.client().providers.list(
        { limit: SEARCH_LIMIT, ...(query ? { q: query } : {}) },
        { signal: searcher.signal },
      );
      if (searcher.signal.aborted) return;
      this.results = page.items;
    } catch (error) {
      if (searcher.signal.aborted) return;
      this.searchError = error;
    }
    this.searching = false;
    this.host.requestUpdate();
    this.focus('#smec-propose-results');
  }

  private choose(provider: Provider): void {
    if (this.choices.length >= this.limit || this.choices.some((choice) => choice.provider.id === provider.id)) return;
    const choice: Choice = { provider, productId: '', note: '', products: undefined };
    this.choices.push(choice);
    this.errors.delete('search');
    this.host.requestUpdate();
    this.focus(`#${proposeFieldId(`product-${this.choices.length - 1}`)}`);
    // Its products are offered once they arrive; without them the provider is proposed as a whole.
    this.client()
      .products.list({ provider: provider.id, limit: PRODUCTS_LIMIT })
      .then(
        (page) => {
          choice.products = page.items;
          this.host.requestUpdate();
        },
        () => {
          choice.products = [];
          this.host.requestUpdate();
        },
      );
  }

  private remove(index: number): void {
    this.choices.splice(index, 1);
    this.errors.clear();
    this.host.requestUpdate();
    this.focus(`#${proposeFieldId('search')}`);
  }

  private renderError(field: string): TemplateResult | typeof nothing {
    const error = this.errors.get(field);
    return error ? html`<p id="${proposeFieldId(field)}-error" class="field-error">${error}</p>` : nothing;
  }

  private described(field: string): string | typeof nothing {
    return this.errors.has(field) ? `${proposeFieldId(field)}-error` : nothing;
  }

  private renderResults(): unknown {
    if (this.searchError) return renderActionError(this.searchError);
    if (!this.results) return nothing;
    const full = this.choices.length >= this.limit;
    return html`<ul
      id="smec-propose-results"
      class="picks"
      tabindex="-1"
      aria-label=${msg('搜索结果', { id: 'center.propose.results' })}
    >
      ${
        this.results.length === 0
          ? html`<li class="muted">${msg('没有找到服务机构。', { id: 'center.propose.noResults' })}</li>`
          : this.results.map((provider) => {
              const chosen = this.choices.some((choice) => choice.provider.id === provider.id);
              return html`<li>
                <span>${provider.name}</span>
                <button
                  type="button"
                  part="propose-add-button"
                  class="button"
                  data-provider-id=${provider.id}
                  ?disabled=${chosen || full}
                  @click=${() => this.choose(provider)}
                >
                  ${chosen ? msg('已选', { id: 'center.propose.chosen' }) : msg('选择', { id: 'center.propose.choose' })}
                  <span class="sr-only">${provider.name}</span>
                </button>
              </li>`;
            })
      }
    </ul>`;
  }

  private renderChoice(choice: Choice, index: number): TemplateResult {
    const productField = proposeFieldId(`product-${index}`);
    const noteField = proposeFieldId(`note-${index}`);
    const name = choice.provider.name;
    return html`<li part="proposal" class="proposal" data-provider-id=${choice.provider.id}>
      <p><strong>${name}</strong></p>
      <div class="field">
        <label for=${productField}>${msg('推荐产品（可选）', { id: 'center.propose.product' })}</label>
        <select
          id=${productField}
          .value=${choice.productId}
          @change=${(e: Event) => (choice.productId = (e.target as HTMLSelectElement).value)}
        >
          <option value="">${msg('不指定产品，推荐机构', { id: 'center.propose.noProduct' })}</option>
          ${(choice.products ?? []).map(
            (product) =>
              html`<option value=${product.id} ?selected=${product.id === choice.productId}>${product.name}</option>`,
          )}
        </select>
      </div>
      <div class="field ${this.errors.has(`note-${index}`) ? 'field-invalid' : ''}">
        <label for=${noteField}>${msg('推荐说明（可选）', { id: 'center.propose.choiceNote' })}</label>
        ${this.renderError(`note-${index}`)}
        <textarea
          id=${noteField}
          rows="2"
          maxlength=${NOTE_MAX}
          aria-invalid=${this.errors.has(`note-${index}`) ? 'true' : 'false'}
          aria-describedby=${this.described(`note-${index}`)}
          .value=${choice.note}
          @input=${(e: Event) => (choice.note = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <button type="button" part="propose-remove-button" class="button" @click=${() => this.remove(index)}>
        ${msg(str`移除${name}`, { id: 'center.propose.remove' })}
      </button>
    </li>`;
  }

  render(busy: boolean, onSend: () => void): TemplateResult {
    const searchField = proposeFieldId('search');
    const noteField = proposeFieldId('note');
    const count = this.choices.length;
    return html`<fieldset part="propose-form" class="move">
      <legend>${msg('推荐服务机构', { id: 'center.propose.title' })}</legend>
      <p class="hint">
        ${msg(str`已选 ${count} / ${this.limit} 家。企业在查询进度时看到推荐，被推荐的机构在其工作台看到该需求。`, {
          id: 'center.propose.hint',
        })}
      </p>
      <div class="field ${this.errors.has('search') ? 'field-invalid' : ''}">
        <label for=${searchField}>${msg('搜索服务机构', { id: 'center.propose.search' })}</label>
        ${this.renderError('search')}
        <div class="search">
          <input
            id=${searchField}
            part="propose-search"
            type="search"
            maxlength="100"
            aria-invalid=${this.errors.has('search') ? 'true' : 'false'}
            aria-describedby=${this.described('search')}
            .value=${this.query}
            @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void this.search();
              }
            }}
          />
          <button
            type="button"
            part="propose-search-button"
            class="button"
            ?disabled=${this.searching}
            @click=${() => void this.search()}
          >
            ${msg('搜索', { id: 'center.propose.searchButton' })}
          </button>
        </div>
      </div>
      ${this.renderResults()}
      ${
        count
          ? html`<ol class="proposals">
              ${this.choices.map((choice, index) => this.renderChoice(choice, index))}
            </ol>`
          : nothing
      }
      <div class="field ${this.errors.has('note') ? 'field-invalid' : ''}">
        <label for=${noteField}>${msg('总体说明（可选）', { id: 'center.propose.note' })}</label>
        ${this.renderError('note')}
        <textarea
          id=${noteField}
          rows="2"
          maxlength=${NOTE_MAX}
          aria-invalid=${this.errors.has('note') ? 'true' : 'false'}
          aria-describedby=${this.described('note')}
          .value=${this.note}
          @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="actions">
        <button type="button" part="propose-button" class="button button-primary" ?disabled=${busy} @click=${onSend}>
          ${msg('发送推荐', { id: 'center.propose.send' })}
        </button>
      </div>
    </fieldset>`;
  }
}
