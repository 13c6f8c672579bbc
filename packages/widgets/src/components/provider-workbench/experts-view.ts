import type { Expert, ExpertDetail } from '@smec/schemas';
import { EXPERT_MESSAGES, EXPERT_SPECIALTIES_MAX, EXPERT_SPECIALTIES_MIN } from '@smec/schemas/rules';
import { Experts, isSmecApiError } from '@smec/sdk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { renderCheckGroup } from '../../forms/check-group.js';
import { renderErrorSummary } from '../../forms/error-summary.js';
import { fieldId, renderField } from '../../forms/field-view.js';
import { renderTextField } from '../../forms/text-field.js';
import { msg, str } from '../../i18n/localization.js';
import { useResources } from '../../internal/client.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { renderError } from '../../views/error-view.js';
import { categoryName, loadReferenceData, type ReferenceData } from '../catalog/reference-data.js';
import { renderActionError } from '../../workbench/action-error.js';
import {
  EMPTY_EXPERT,
  EXPERT_FIELDS,
  expertFieldOf,
  expertInputOf,
  expertPatchOf,
  expertProblems,
  valuesOfExpert,
  type ExpertField,
  type ExpertValues,
} from './expert-values.js';
import type { ViewContext, ViewHost, WorkbenchViewPart } from './view-context.js';
import { viewStyles } from './views.styles.js';

useResources({ experts: Experts });

/** A provider keeps a few dozen experts at most; one page shows them all. */
const LIST_LIMIT = 100;

function label(field: ExpertField): string {
  switch (field) {
    case 'name':
      return msg('姓名', { id: 'workbench.expert.name' });
    case 'title':
      return msg('职称', { id: 'workbench.expert.title' });
    case 'specialties':
      return msg('专业领域', { id: 'workbench.expert.specialties' });
    case 'years':
      return msg('从业年限（年）', { id: 'workbench.expert.years' });
    case 'bio':
      return msg('个人简介', { id: 'workbench.expert.bio' });
    case 'productIds':
      return msg('负责的服务产品', { id: 'workbench.expert.products' });
  }
}

/** The platform's words on each field it refused: a rule's (400) or a reference's (422, a product not the provider's). */
function refusedFields(error: unknown): Partial<Record<ExpertField, string>> {
  const fields: Partial<Record<ExpertField, string>> = {};
  if (!isSmecApiError(error)) return fields;
  for (const { path, message } of error.problem.errors ?? []) {
    const field = expertFieldOf(path);
    if (field && !fields[field]) fields[field] = message;
  }
  return fields;
}

/** The provider's experts (服务专家库): the list, and a form that adds one or edits one. */
class ExpertsView implements WorkbenchViewPart {
  private readonly action: ActionController;
  private reference: ReferenceData | undefined;
  private experts: Expert[] | undefined;
  private listError: unknown;
  /** `new`, the id of the expert edited, or nothing while the list alone shows. */
  private editing: string | undefined;
  private detailError: unknown;
  private values: ExpertValues | undefined;
  /** Fields left once: their rules are shown from then on, as the visitor types. */
  private touched = new Set<ExpertField>();
  private submitted = false;
  private refused: Partial<Record<ExpertField, string>> = {};

  constructor(
    private readonly host: ViewHost,
    private readonly context: ViewContext,
  ) {
    this.action = new ActionController(host);
    loadReferenceData(context.client(), new AbortController().signal).then(
      (reference) => {
        this.reference = reference;
        host.requestUpdate();
      },
      // The specialties then show their ids; the list and the form still work.
      () => undefined,
    );
    void this.loadList();
  }

  /** Loads the list; resolves once it is shown (or its error is). */
  private loadList(): Promise<void> {
    this.listError = undefined;
    const providerId = this.context.summary().account.profile.id;
    return this.context
      .client()
      .experts.list({ providerId, limit: LIST_LIMIT })
      .then(
        (page) => {
          this.experts = page.items;
          this.host.requestUpdate();
        },
        (error: unknown) => {
          this.listError = error;
          this.host.requestUpdate();
        },
      );
  }

  private open(id: string): void {
    this.editing = id;
    this.touched = new Set();
    this.submitted = false;
    this.refused = {};
    this.detailError = undefined;
    this.action.error = undefined;
    if (id === 'new') {
      this.values = { ...EMPTY_EXPERT };
      this.host.requestUpdate();
      this.context.focus(`#${fieldId('name')}`);
      return;
    }
    this.values = undefined;
    this.host.requestUpdate();
    // The list holds no products: the expert's own page does.
    this.context
      .client()
      .experts.get(id)
      .then(
        (expert) => {
          if (this.editing !== id) return;
          this.values = valuesOfExpert(expert);
          this.host.requestUpdate();
          this.context.focus(`#${fieldId('name')}`);
        },
        (error: unknown) => {
          this.detailError = error;
          this.host.requestUpdate();
        },
      );
  }

  private close(focus: string): void {
    this.editing = undefined;
    this.values = undefined;
    this.action.abort();
    this.host.requestUpdate();
    this.context.focus(focus);
  }

  private set<K extends ExpertField>(field: K, value: ExpertValues[K], touch = false): void {
    this.values = { ...this.values!, [field]: value };
    if (touch) this.touched.add(field);
    // What the platform refused stands until that field changes.
    if (this.refused[field]) this.refused = { ...this.refused, [field]: undefined };
    this.host.requestUpdate();
  }

  private toggle(field: 'specialties' | 'productIds', value: string, checked: boolean, order: readonly string[]): void {
    const chosen = new Set(this.values![field]);
    if (checked) chosen.add(value);
    else chosen.delete(value);
    this.set(
      field,
      order.filter((candidate) => chosen.has(candidate)),
      true,
    );
  }

  /** Each field's words: the platform's refusal, else its rule once it was left or the form was sent. */
  private errors(): Partial<Record<ExpertField, string>> {
    const locale = this.context.locale();
    const problems = expertProblems(this.values!);
    const errors: Partial<Record<ExpertField, string>> = {};
    for (const field of EXPERT_FIELDS) {
      const key = problems[field];
      const text =
        this.refused[field] ??
        (key && (this.submitted || this.touched.has(field)) ? EXPERT_MESSAGES[key][locale] : undefined);
      if (text) errors[field] = text;
    }
    return errors;
  }

  private save(event: Event): void {
    event.preventDefault();
    this.submitted = true;
    const values = this.values!;
    if (Object.keys(expertProblems(values)).length > 0) {
      this.host.requestUpdate();
      this.context.focus('.expert-form .error-summary');
      return;
    }
    const client = this.context.client();
    const id = this.editing!;
    const body = id === 'new' ? expertInputOf(values) : expertPatchOf(values);
    void this.action.run<ExpertDetail>({
      operation: id === 'new' ? 'me.experts.create' : 'me.experts.update',
      body: `${id} ${JSON.stringify(body)}`,
      send: ({ signal, idempotencyKey }) =>
        id === 'new'
          ? client.me.experts.create(expertInputOf(values), { signal, idempotencyKey })
          : client.me.experts.update(id, expertPatchOf(values), { signal, idempotencyKey }),
      done: (expert) => {
        const name = expert.name;
        this.context.announce(
          id === 'new'
            ? msg(str`已添加专家“${name}”。`, { id: 'workbench.expert.added' })
            : msg(str`已保存专家“${name}”。`, { id: 'workbench.expert.saved' }),
        );
        this.close('#smec-experts-title');
        // The list in the platform's order, the expert in it; then the focus on them.
        void this.loadList().then(() => this.context.focus(`[data-expert-id="${expert.id}"] h4`));
      },
      failed: (error) => {
        this.refused = refusedFields(error);
        this.host.requestUpdate();
        this.context.focus(Object.keys(this.refused).length ? '.expert-form .error-summary' : '#smec-expert-error');
      },
    });
  }

  private renderExpert(expert: Expert): TemplateResult {
    const locale = this.context.locale();
    const categories = this.reference?.categories;
    const years = expert.years;
    return html`<li part="expert" class="card" data-expert-id=${expert.id}>
      <div class="card-head">
        <h4 tabindex="-1">${expert.name}</h4>
        <span part="badge" class="badge">${expert.title}</span>
      </div>
      <p>${msg(str`从业 ${years} 年`, { id: 'workbench.expert.yearsValue' })}</p>
      <p>
        ${expert.specialties.map((id) => categoryName(id, categories, locale)).join(msg('、', { id: 'workbench.expert.separator' }))}
      </p>
      <div class="actions">
        <button
          type="button"
          part="edit-expert-button"
          class="button"
          ?disabled=${this.action.busy}
          @click=${() => this.open(expert.id)}
        >
          ${msg('编辑', { id: 'workbench.product.edit' })}<span class="sr-only">${expert.name}</span>
        </button>
      </div>
    </li>`;
  }

  private renderForm(values: ExpertValues): TemplateResult {
    const locale = this.context.locale();
    const errors = this.errors();
    const summary = this.submitted ? Object.entries(errors).map(([name, text]) => ({ name, text: text! })) : [];
    const categories = this.reference?.categories ?? [];
    const products = this.context.summary().products;
    const editingName = this.editing === 'new' ? '' : values.name;
    const text = (field: 'name' | 'title' | 'years') =>
      html`<div
        @input=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)}
        @change=${() => this.set(field, this.values![field], true)}
      >
        ${renderTextField(field, label(field), errors[field], {
          value: values[field],
          ...(field === 'years' ? { inputmode: 'numeric' } : {}),
          ...(field === 'name' ? { autocomplete: 'name' } : {}),
        })}
      </div>`;
    return html`<form part="expert-form" class="editor expert-form" novalidate @submit=${(e: Event) => this.save(e)}>
      <h4>
        ${
          this.editing === 'new'
            ? msg('添加专家', { id: 'workbench.experts.add' })
            : msg(str`编辑专家：${editingName}`, { id: 'workbench.expert.editTitle' })
        }
      </h4>
      ${renderErrorSummary(
        this.host,
        summary,
        (name) => this.host.shadowRoot?.querySelector<HTMLElement>(`#${fieldId(name)}`)?.focus(),
        5,
      )}
      ${text('name')} ${text('title')}
      ${renderCheckGroup({
        name: 'specialties',
        legend: label('specialties'),
        hint: msg(str`按服务类别选择 ${EXPERT_SPECIALTIES_MIN} 至 ${EXPERT_SPECIALTIES_MAX} 个`, {
          id: 'workbench.expert.specialties.hint',
        }),
        error: errors.specialties,
        choices: categories.map((category) => ({
          value: category.id,
          label: categoryName(category.id, categories, locale),
        })),
        chosen: values.specialties,
        loading: msg('正在加载…', { id: 'status.loading' }),
        onToggle: (id, on) =>
          this.toggle(
            'specialties',
            id,
            on,
            categories.map((category) => category.id),
          ),
      })}
      ${text('years')}
      ${renderField({
        name: 'bio',
        label: label('bio'),
        error: errors.bio,
        optional: true,
        control: html`<textarea
          id=${fieldId('bio')}
          rows="4"
          aria-invalid=${errors.bio ? 'true' : 'false'}
          aria-describedby=${errors.bio ? `${fieldId('bio')}-error` : nothing}
          .value=${values.bio}
          @input=${(e: Event) => this.set('bio', (e.target as HTMLTextAreaElement).value)}
          @change=${() => this.set('bio', this.values!.bio, true)}
        ></textarea>`,
      })}
      ${
        products.length === 0
          ? html`<p class="muted">${msg('本机构还没有服务产品。', { id: 'workbench.expert.noProducts' })}</p>`
          : renderCheckGroup({
              name: 'productIds',
              legend: label('productIds'),
              hint: msg('从本机构的服务产品中选择（选填）', { id: 'workbench.expert.products.hint' }),
              error: errors.productIds,
              choices: products.map((product) => ({ value: product.id, label: product.name })),
              chosen: values.productIds,
              onToggle: (id, on) =>
                this.toggle(
                  'productIds',
                  id,
                  on,
                  products.map((product) => product.id),
                ),
            })
      }
      <div role="alert" id="smec-expert-error" tabindex="-1">
        ${this.action.error && Object.keys(this.refused).length === 0 ? renderActionError(this.action.error) : nothing}
      </div>
      <div class="actions">
        <button type="submit" part="save-expert-button" class="button button-primary" ?disabled=${this.action.busy}>
          ${msg('保存专家', { id: 'workbench.expert.save' })}
        </button>
        <button
          type="button"
          part="cancel-expert-button"
          class="button"
          @click=${() => this.close('[part~="add-expert-button"]')}
        >
          ${msg('取消', { id: 'workbench.expert.cancel' })}
        </button>
      </div>
    </form>`;
  }

  private renderEditing(): unknown {
    if (this.values) return this.renderForm(this.values);
    if (this.detailError)
      return html`<div role="alert">${renderError(this.detailError, () => this.open(this.editing!))}</div>`;
    return html`<p class="muted">${msg('正在加载…', { id: 'status.loading' })}</p>`;
  }

  private renderList(): unknown {
    if (this.listError) return renderError(this.listError, () => void this.loadList());
    if (!this.experts) return html`<p class="muted">${msg('正在加载…', { id: 'status.loading' })}</p>`;
    if (this.experts.length === 0)
      return html`<p class="muted">${msg('还没有登记专家。', { id: 'workbench.experts.empty' })}</p>`;
    return html`<ul class="cards">
      ${this.experts.map((expert) => this.renderExpert(expert))}
    </ul>`;
  }

  render(): unknown {
    adoptViewStyles(this.host, viewStyles);
    return html`${
        this.editing
          ? this.renderEditing()
          : html`<div class="actions">
              <button
                type="button"
                part="add-expert-button"
                class="button button-primary"
                @click=${() => this.open('new')}
              >
                ${msg('添加专家', { id: 'workbench.experts.add' })}
              </button>
            </div>`
      }
      <section aria-labelledby="smec-experts-title">
        <h4 id="smec-experts-title" tabindex="-1">${msg('本机构的专家', { id: 'workbench.experts.title' })}</h4>
        ${this.renderList()}
      </section>`;
  }
}

export function createView(host: ViewHost, context: ViewContext): WorkbenchViewPart {
  return new ExpertsView(host, context);
}
