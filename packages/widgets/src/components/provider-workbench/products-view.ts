import type { MyProduct, ServiceCategory } from '@smec/schemas';
import { html, nothing } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { renderErrorSummary } from '../../forms/error-summary.js';
import { fieldId, renderField } from '../../forms/field-view.js';
import { renderTextField } from '../../forms/text-field.js';
import { msg, str } from '../../i18n/localization.js';
import { Lazy } from '../../internal/lazy.js';
import { renderPrice } from '../../internal/price.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { renderError } from '../../views/error-view.js';
import { categoryName, loadReferenceData, type ReferenceData } from '../catalog/reference-data.js';
import { missingTexts, statusName } from './product-texts.js';
import { renderActionError } from '../../workbench/action-error.js';
import type { ViewContext, ViewHost, WorkbenchViewPart } from './view-context.js';
import { viewStyles } from './views.styles.js';
import type { ProductEditor } from './product-editor.js';

// The editor arrives with the first 「编辑」 or the first draft created.
const editorModule = new Lazy(() => import('./product-editor.js'));

type DraftField = 'name' | 'categoryId';

function draftFieldOf(path: string): DraftField | undefined {
  const name = path.replace(/^body\./, '');
  return name === 'name' || name === 'categoryId' ? name : undefined;
}

/** The provider's products, every status, with what publishing each still needs; a new draft by name and category. */
class ProductsView implements WorkbenchViewPart {
  private reference: ReferenceData | undefined;
  private referenceError: unknown;
  private draftName = '';
  private draftCategory = '';
  private draftErrors: Partial<Record<DraftField, string>> = {};
  private readonly creating: ActionController<DraftField>;
  private editing: string | undefined;
  private editor: ProductEditor | undefined;

  constructor(
    private readonly host: ViewHost,
    private readonly context: ViewContext,
  ) {
    this.creating = new ActionController<DraftField>(host, draftFieldOf);
    this.loadReference();
  }

  private loadReference(): void {
    this.referenceError = undefined;
    loadReferenceData(this.context.client(), new AbortController().signal).then(
      (reference) => {
        this.reference = reference;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.referenceError = error;
        this.host.requestUpdate();
      },
    );
  }

  private get categories(): readonly ServiceCategory[] | undefined {
    return this.reference?.categories;
  }

  private validateDraft(): boolean {
    const errors: Partial<Record<DraftField, string>> = {};
    if (this.draftName.trim().length < 2)
      errors.name = msg('请填写产品名称（至少 2 个字）', { id: 'workbench.draft.name.required' });
    if (!this.draftCategory) errors.categoryId = msg('请选择服务类别', { id: 'workbench.draft.category.required' });
    this.draftErrors = errors;
    this.host.requestUpdate();
    return Object.keys(errors).length === 0;
  }

  private create(event: Event): void {
    event.preventDefault();
    if (!this.validateDraft()) {
      this.context.focus('.draft-form .error-summary');
      return;
    }
    const input = { name: this.draftName.trim(), categoryId: this.draftCategory as ServiceCategory['id'] };
    const client = this.context.client();
    void this.creating.run({
      operation: 'me.products.create',
      body: JSON.stringify(input),
      send: ({ signal }) => client.me.products.create(input, { signal }),
      done: (product) => {
        this.draftName = '';
        this.draftCategory = '';
        this.context.announce(msg(str`已创建草稿“${product.name}”。`, { id: 'workbench.draft.created' }));
        this.context.refresh();
        this.edit(product);
      },
      failed: () => this.context.focus('#smec-draft-error'),
    });
  }

  private edit(product: MyProduct): void {
    this.editing = product.id;
    this.host.requestUpdate();
    this.context.focus('#smec-editor-title');
  }

  private closeEditor(): void {
    const id = this.editing;
    this.editing = undefined;
    this.editor = undefined;
    this.host.requestUpdate();
    if (id) this.context.focus(`[data-product-id="${id}"] .edit-button`);
  }

  private renderDraftForm(): unknown {
    const errors = this.draftErrors;
    const server = this.creating.fieldErrors;
    const nameError = errors.name ?? server.name?.message;
    const categoryError = errors.categoryId ?? server.categoryId?.message;
    const summary = [
      ...(nameError ? [{ name: 'draft-name', text: nameError }] : []),
      ...(categoryError ? [{ name: 'draft-category', text: categoryError }] : []),
    ];
    const focusField = (name: string) => this.host.shadowRoot?.querySelector<HTMLElement>(`#${fieldId(name)}`)?.focus();
    return html`<form class="draft-form" part="draft-form" novalidate @submit=${(e: Event) => this.create(e)}>
      <h4>${msg('新建产品草稿', { id: 'workbench.draft.title' })}</h4>
      ${renderErrorSummary(this.host, summary, focusField, 5)}
      <div class="draft-fields">
        <div
          @input=${(e: Event) => {
            this.draftName = (e.target as HTMLInputElement).value;
          }}
        >
          ${renderTextField('draft-name', msg('产品名称', { id: 'workbench.product.name' }), nameError, {
            value: this.draftName,
          })}
        </div>
        ${renderField({
          name: 'draft-category',
          label: msg('服务类别', { id: 'workbench.product.category' }),
          error: categoryError,
          control: html`<select
            id=${fieldId('draft-category')}
            aria-invalid=${categoryError ? 'true' : 'false'}
            aria-describedby=${categoryError ? `${fieldId('draft-category')}-error` : nothing}
            @change=${(e: Event) => {
              this.draftCategory = (e.target as HTMLSelectElement).value;
            }}
          >
            <option value="" ?selected=${!this.draftCategory}>${msg('请选择', { id: 'demand.choose' })}</option>
            ${(this.categories ?? []).map(
              (category) =>
                html`<option value=${category.id} ?selected=${this.draftCategory === category.id}>
                  ${categoryName(category.id, this.categories, this.context.locale())}
                </option>`,
            )}
          </select>`,
        })}
      </div>
      <div role="alert" id="smec-draft-error" tabindex="-1">
        ${
          this.creating.error && Object.keys(this.creating.fieldErrors).length === 0
            ? renderActionError(this.creating.error)
            : nothing
        }
      </div>
      <button type="submit" part="create-button" class="button button-primary" ?disabled=${this.creating.busy}>
        ${msg('创建草稿', { id: 'workbench.draft.create' })}
      </button>
    </form>`;
  }

  private renderProduct(product: MyProduct): unknown {
    const missing = product.status === 'published' ? [] : missingTexts(product, this.context.locale());
    return html`<li part="product" class="card" data-product-id=${product.id} data-status=${product.status}>
      <div class="card-head">
        <h4>${product.name}</h4>
        <span part="badge" class="badge status-${product.status}">${statusName(product.status)}</span>
      </div>
      <p class="muted">
        ${categoryName(product.categoryId, this.categories, this.context.locale())} · ${renderPrice(product.fee)}
      </p>
      ${
        missing.length
          ? html`<div part="missing" class="missing">
              <p>${msg('发布前还需要：', { id: 'workbench.product.missing' })}</p>
              <ul>
                ${missing.map((text) => html`<li>${text}</li>`)}
              </ul>
            </div>`
          : product.status === 'published'
            ? nothing
            : html`<p class="ready">${msg('内容已完整，可以发布。', { id: 'workbench.product.ready' })}</p>`
      }
      <div class="actions">
        <button
          type="button"
          class="button edit-button"
          part="edit-button"
          aria-label=${msg(str`编辑“${product.name}”`, { id: 'workbench.product.editLabel' })}
          @click=${() => this.edit(product)}
        >
          ${msg('编辑', { id: 'workbench.product.edit' })}
        </button>
      </div>
    </li>`;
  }

  private renderEditor(product: MyProduct): unknown {
    return editorModule.render(this.host, ({ ProductEditor }) => {
      if (this.editor?.productId !== product.id) {
        this.editor = new ProductEditor(this.host, this.context, product, {
          reference: () => this.reference,
          close: () => this.closeEditor(),
        });
      }
      return this.editor.render();
    });
  }

  render(): unknown {
    adoptViewStyles(this.host, viewStyles);
    const products = this.context.summary().products;
    const editing = this.editing ? products.find((product) => product.id === this.editing) : undefined;
    if (editing) return this.renderEditor(editing);
    return html`${
      this.referenceError
        ? html`<div role="alert">${renderError(this.referenceError, () => this.loadReference())}</div>`
        : nothing
    }
    ${this.renderDraftForm()}
    ${
      products.length === 0
        ? html`<p class="muted">${msg('您还没有服务产品。', { id: 'workbench.products.empty' })}</p>`
        : html`<ul class="cards" aria-label=${msg('您的服务产品', { id: 'workbench.products.list' })}>
            ${products.map((product) => this.renderProduct(product))}
          </ul>`
    }`;
  }
}

export function createView(host: ViewHost, context: ViewContext): WorkbenchViewPart {
  return new ProductsView(host, context);
}
