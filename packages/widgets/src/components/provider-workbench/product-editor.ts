import type { MyProduct } from '@smec/schemas';
import { hasProblemCode, isSmecApiError } from '@smec/sdk/core';
import { productPublishRefusals } from '@smec/schemas/rules';
import { html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { ConfirmController } from '../../controllers/confirm-controller.js';
import { renderErrorSummary, type SummaryItem } from '../../forms/error-summary.js';
import { describedBy, fieldId, renderField, renderFieldError } from '../../forms/field-view.js';
import { msg, str } from '../../i18n/localization.js';
import { categoryName, type ReferenceData } from '../catalog/reference-data.js';
import { renderPreview } from './product-preview.js';
import { refusalText, statusName } from './product-texts.js';
import {
  moveStep,
  parseYuan,
  patchOf,
  previewOf,
  publishableOf,
  valuesOf,
  type ProductValues,
} from './product-values.js';
import { renderActionError } from '../../workbench/action-error.js';
import type { ViewContext, ViewHost } from './view-context.js';

/** The fields of the editor, by the paths the platform names them with. */
const FIELDS = [
  'name',
  'categoryId',
  'summary',
  'function',
  'process',
  'standard',
  'fee.isFree',
  'fee.listPrice',
  'fee.discountPrice',
  'fee.note',
  'timeLimitDays',
  'suitableFor',
  'voucherEligible',
  'regionCodes',
] as const;
type Field = (typeof FIELDS)[number];

function fieldOf(path: string): Field | undefined {
  const trimmed = path.replace(/^body\./, '');
  return FIELDS.find((field) => trimmed === field || trimmed.startsWith(`${field}.`));
}

/** The control id of a field (`fee.listPrice` → `smec-df-fee-listPrice`). */
function idOf(field: Field): string {
  return fieldId(field.replace('.', '-'));
}

export interface EditorInputs {
  reference(): ReferenceData | undefined;
  close(): void;
}

/**
 * One product's editor: the five publics validated as they are typed with the shared rules, saved with the ETag
 * (a 412 offers to reload the newer version and keeps what was typed), published (the platform's refusals next to
 * their fields) and withdrawn (asked first), with a preview as the catalog shows it.
 */
export class ProductEditor {
  readonly productId: string;
  private product: MyProduct;
  private values: ProductValues;
  private readonly touched = new Set<Field>();
  private showAll = false;
  private serverErrors: Partial<Record<Field, string>> = {};
  private stale = false;
  private previewing = false;
  private readonly action: ActionController<Field>;
  private readonly confirm: ConfirmController;

  constructor(
    private readonly host: ViewHost,
    private readonly context: ViewContext,
    product: MyProduct,
    private readonly inputs: EditorInputs,
  ) {
    this.productId = product.id;
    this.product = product;
    this.values = valuesOf(product);
    this.action = new ActionController<Field>(host, fieldOf);
    // Made after the shell's ModalController, so it comes after it.
    this.confirm = new ConfirmController(host);
  }

  /** What the rules say of the values now, by field: the shared publishing rules, and amounts that are no amount. */
  private ruleErrors(): Partial<Record<Field, string>> {
    const locale = this.context.locale();
    const errors: Partial<Record<Field, string>> = {};
    const amount = msg('请填写金额（元），最多两位小数', { id: 'workbench.editor.amount' });
    if (this.values.name.trim().length < 2)
      errors.name = msg('请填写产品名称（至少 2 个字）', { id: 'workbench.draft.name.required' });
    if (!this.values.isFree && parseYuan(this.values.listPrice) === undefined) errors['fee.listPrice'] = amount;
    if (!this.values.isFree && parseYuan(this.values.discountPrice) === undefined) errors['fee.discountPrice'] = amount;
    for (const refusal of productPublishRefusals(publishableOf(this.values))) {
      const field = fieldOf(refusal.path);
      if (field && !errors[field]) errors[field] = refusalText(refusal.key, locale);
    }
    return errors;
  }

  /** The errors shown: the platform's, then the rules' of the fields touched (all after a publish attempt). */
  private shownErrors(): Partial<Record<Field, string>> {
    const rules = this.ruleErrors();
    const shown: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      const server = this.serverErrors[field] ?? this.action.fieldErrors[field]?.message;
      const rule = this.showAll || this.touched.has(field) ? rules[field] : undefined;
      const text = server ?? rule;
      if (text) shown[field] = text;
    }
    return shown;
  }

  private set<K extends keyof ProductValues>(key: K, value: ProductValues[K], field: Field): void {
    this.values = { ...this.values, [key]: value };
    this.touched.add(field);
    delete this.serverErrors[field];
    this.host.requestUpdate();
  }

  private focusField(name: string): void {
    const field = FIELDS.find((candidate) => candidate === name) ?? 'name';
    this.host.shadowRoot?.querySelector<HTMLElement>(`#${idOf(field)}`)?.focus();
  }

  private save(then?: (product: MyProduct) => void): void {
    const typedErrors = this.ruleErrors();
    const unreadable = (['name', 'fee.listPrice', 'fee.discountPrice'] as const).filter((field) => typedErrors[field]);
    if (unreadable.length) {
      for (const field of unreadable) this.touched.add(field);
      this.host.requestUpdate();
      this.context.focus('.editor .error-summary');
      return;
    }
    const client = this.context.client();
    const patch = patchOf(this.values);
    const version = { id: this.product.id, revision: this.product.revision };
    void this.action.run({
      operation: 'me.products.update',
      body: JSON.stringify({ version, patch }),
      send: ({ signal }) => client.me.products.update(version, patch, { signal }),
      done: (product) => {
        this.product = product;
        this.stale = false;
        this.context.refresh();
        if (then) then(product);
        else {
          this.context.announce(msg('已保存。', { id: 'workbench.editor.saved' }));
          this.context.focus('#smec-editor-title');
        }
      },
      failed: (error) => {
        this.stale = hasProblemCode(error, 'precondition_failed');
        this.context.focus(this.stale ? '#smec-editor-stale' : '#smec-editor-error');
      },
    });
  }

  /** Fetches the newer version: what was typed stays, and the next save builds on it. */
  private reload(): void {
    const client = this.context.client();
    void this.action.run({
      operation: 'me.products.get',
      send: ({ signal }) => client.me.products.get(this.product.id, { signal }),
      done: (product) => {
        this.product = product;
        this.stale = false;
        this.context.announce(
          msg('已载入最新版本。您填写的内容仍保留；保存后将以您填写的内容为准。', { id: 'workbench.editor.reloaded' }),
        );
        this.context.focus('#smec-editor-title');
      },
      failed: () => this.context.focus('#smec-editor-error'),
    });
  }

  private publish(): void {
    this.showAll = true;
    this.save((saved) => {
      const client = this.context.client();
      void this.action.run({
        operation: 'me.products.publish',
        body: `publish ${saved.id}.r${saved.revision}`,
        send: ({ signal }) => client.me.products.publish(saved.id, { signal }),
        done: (product) => {
          this.product = product;
          this.serverErrors = {};
          this.context.refresh();
          this.context.announce(
            msg(str`“${product.name}”已发布，企业现在可以在服务目录中找到它。`, { id: 'workbench.editor.published' }),
          );
          this.context.focus('#smec-editor-title');
        },
        failed: (error) => {
          this.serverErrors = refusalsOf(error);
          this.context.focus(Object.keys(this.serverErrors).length ? '.editor .error-summary' : '#smec-editor-error');
        },
      });
    });
  }

  private askWithdraw(): void {
    const product = this.product;
    this.confirm.ask({
      title: msg('下架这项服务？', { id: 'workbench.withdraw.title' }),
      text: msg(
        str`“${product.name}”将从服务目录中移除，企业不能再下单；进行中的订单不受影响。您可以修改后重新发布。`,
        {
          id: 'workbench.withdraw.text',
        },
      ),
      confirm: msg('确认下架', { id: 'workbench.withdraw.confirm' }),
      part: 'confirm-withdraw-button',
      onConfirm: () => this.withdraw(),
    });
  }

  private withdraw(): void {
    const client = this.context.client();
    const id = this.product.id;
    void this.action.run({
      operation: 'me.products.withdraw',
      body: `withdraw ${id}.r${this.product.revision}`,
      send: ({ signal }) => client.me.products.withdraw(id, { signal }),
      done: (product) => {
        this.product = product;
        this.context.refresh();
        this.context.announce(msg(str`“${product.name}”已下架。`, { id: 'workbench.editor.withdrawn' }));
        this.context.focus('#smec-editor-title');
      },
      failed: () => this.context.focus('#smec-editor-error'),
    });
  }

  private textArea(field: Field, key: keyof ProductValues, label: string, hint: string | undefined, error?: string) {
    const value = this.values[key] as string;
    return renderField({
      name: field.replace('.', '-'),
      label,
      hint,
      error,
      control: html`<textarea
        id=${idOf(field)}
        rows="3"
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(field.replace('.', '-'), !!hint, error) || nothing}
        @input=${(e: Event) => this.set(key, (e.target as HTMLTextAreaElement).value as never, field)}
      ></textarea>`,
    });
  }

  private input(field: Field, key: keyof ProductValues, label: string, error?: string, inputmode = 'text') {
    const name = field.replace('.', '-');
    return renderField({
      name,
      label,
      error,
      control: html`<input
        id=${idOf(field)}
        .value=${this.values[key] as string}
        inputmode=${inputmode}
        autocomplete="off"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(name, false, error) || nothing}
        @input=${(e: Event) => this.set(key, (e.target as HTMLInputElement).value as never, field)}
      />`,
    });
  }

  private moveStepTo(index: number, delta: number, button: 'up' | 'down'): void {
    this.set('process', moveStep(this.values.process, index, delta), 'process');
    const to = Math.min(Math.max(index + delta, 0), this.values.process.length - 1);
    // The focus follows the step it moved, unless it reached the end it was moving towards.
    const last = this.values.process.length - 1;
    const side =
      (button === 'up' && to === 0) || (button === 'down' && to === last) ? (button === 'up' ? 'down' : 'up') : button;
    this.context.focus(`#smec-step-${to}-${side}`);
  }

  private removeStep(index: number): void {
    this.set(
      'process',
      this.values.process.filter((_, at) => at !== index),
      'process',
    );
    this.context.focus(this.values.process.length ? `#smec-step-${Math.max(index - 1, 0)}-title` : '#smec-step-add');
  }

  private addStep(): void {
    this.set('process', [...this.values.process, { title: '', description: '' }], 'process');
    this.context.focus(`#smec-step-${this.values.process.length - 1}-title`);
  }

  private renderSteps(error: string | undefined): TemplateResult {
    const steps = this.values.process;
    const update = (index: number, key: 'title' | 'description', value: string) =>
      this.set(
        'process',
        // The steps as they are now: two inputs may fire before the next render.
        this.values.process.map((step, at) => (at === index ? { ...step, [key]: value } : step)),
        'process',
      );
    return html`<fieldset
      class=${error ? 'field field-invalid' : 'field'}
      aria-describedby=${error ? `${idOf('process')}-error` : nothing}
    >
      <legend id=${idOf('process')} tabindex="-1">
        ${msg('服务流程（至少两个步骤）', { id: 'workbench.editor.process' })}
      </legend>
      ${renderFieldError('process', error)}
      <ol class="steps">
        ${steps.map((step, index) => {
          const n = index + 1;
          return html`<li>
            <label for="smec-step-${index}-title">${msg(str`第 ${n} 步名称`, { id: 'workbench.step.title' })}</label>
            <input
              id="smec-step-${index}-title"
              .value=${step.title}
              @input=${(e: Event) => update(index, 'title', (e.target as HTMLInputElement).value)}
            />
            <label for="smec-step-${index}-description"
              >${msg(str`第 ${n} 步说明`, { id: 'workbench.step.description' })}</label
            >
            <textarea
              id="smec-step-${index}-description"
              rows="2"
              .value=${step.description}
              @input=${(e: Event) => update(index, 'description', (e.target as HTMLTextAreaElement).value)}
            ></textarea>
            <div class="actions">
              <button
                type="button"
                class="button"
                id="smec-step-${index}-up"
                ?disabled=${index === 0}
                aria-label=${msg(str`第 ${n} 步上移`, { id: 'workbench.step.upLabel' })}
                @click=${() => this.moveStepTo(index, -1, 'up')}
              >
                ${msg('上移', { id: 'workbench.step.up' })}
              </button>
              <button
                type="button"
                class="button"
                id="smec-step-${index}-down"
                ?disabled=${index === steps.length - 1}
                aria-label=${msg(str`第 ${n} 步下移`, { id: 'workbench.step.downLabel' })}
                @click=${() => this.moveStepTo(index, 1, 'down')}
              >
                ${msg('下移', { id: 'workbench.step.down' })}
              </button>
              <button
                type="button"
                class="button"
                aria-label=${msg(str`删除第 ${n} 步`, { id: 'workbench.step.removeLabel' })}
                @click=${() => this.removeStep(index)}
              >
                ${msg('删除', { id: 'workbench.step.remove' })}
              </button>
            </div>
          </li>`;
        })}
      </ol>
      <div class="actions">
        <button type="button" class="button" id="smec-step-add" part="add-step-button" @click=${() => this.addStep()}>
          ${msg('添加步骤', { id: 'workbench.step.add' })}
        </button>
      </div>
    </fieldset>`;
  }

  private renderFee(errors: Partial<Record<Field, string>>): TemplateResult {
    const v = this.values;
    return html`<fieldset class="fee">
      <legend>${msg('收费', { id: 'workbench.editor.fee' })}</legend>
      <label class="check">
        <input
          type="checkbox"
          id=${idOf('fee.isFree')}
          .checked=${v.isFree}
          aria-describedby=${errors['fee.isFree'] ? `${idOf('fee.isFree')}-error` : nothing}
          @change=${(e: Event) => this.set('isFree', (e.target as HTMLInputElement).checked, 'fee.isFree')}
        />
        ${msg('免费（公益服务）', { id: 'workbench.editor.free' })}
      </label>
      ${renderFieldError('fee-isFree', errors['fee.isFree'])}
      ${
        v.isFree
          ? nothing
          : html`${this.input('fee.listPrice', 'listPrice', msg('标准价格（元）', { id: 'workbench.editor.listPrice' }), errors['fee.listPrice'], 'decimal')}
            ${this.input('fee.discountPrice', 'discountPrice', msg('优惠价格（元，选填）', { id: 'workbench.editor.discount' }), errors['fee.discountPrice'], 'decimal')}`
      }
      ${this.textArea('fee.note', 'note', msg('收费说明', { id: 'workbench.product.feeNote' }), undefined, errors['fee.note'])}
    </fieldset>`;
  }

  private renderRegions(error: string | undefined): TemplateResult {
    const reference = this.inputs.reference();
    const province = reference?.regions.get('440000');
    const choices = [...(province ? [province] : []), ...(reference?.cities ?? [])];
    const chosen = new Set(this.values.regionCodes);
    const toggle = (code: string, on: boolean) => {
      const codes = on ? [...this.values.regionCodes, code] : this.values.regionCodes.filter((c) => c !== code);
      this.set('regionCodes', codes, 'regionCodes');
    };
    return html`<fieldset
      class=${error ? 'field field-invalid' : 'field'}
      aria-describedby=${error ? `${idOf('regionCodes')}-error` : nothing}
    >
      <legend id=${idOf('regionCodes')} tabindex="-1">${msg('服务地区', { id: 'workbench.product.regions' })}</legend>
      ${renderFieldError('regionCodes', error)}
      <div class="checks">
        ${choices.map(
          (region) =>
            html`<label>
              <input
                type="checkbox"
                .checked=${chosen.has(region.code)}
                @change=${(e: Event) => toggle(region.code, (e.target as HTMLInputElement).checked)}
              />
              ${region.name}
            </label>`,
        )}
      </div>
    </fieldset>`;
  }

  render(): unknown {
    const locale = this.context.locale();
    const errors = this.shownErrors();
    const reference = this.inputs.reference();
    const summary: SummaryItem[] = FIELDS.filter((field) => errors[field]).map((field) => ({
      name: field,
      text: errors[field]!,
    }));
    const product = this.product;
    const busy = this.action.busy;
    const otherError = this.action.error && !this.stale && Object.keys(this.serverErrors).length === 0;
    const v = this.values;
    return html`<form
      part="editor"
      class="editor"
      novalidate
      @submit=${(e: Event) => (e.preventDefault(), this.save())}
    >
      <div class="card-head">
        <h4 id="smec-editor-title" tabindex="-1">
          ${msg(str`编辑：${product.name}`, { id: 'workbench.editor.title' })}
        </h4>
        <span part="badge" class="badge status-${product.status}">${statusName(product.status)}</span>
      </div>
      <div class="actions">
        <button type="button" class="button" part="back-button" @click=${() => this.inputs.close()}>
          ${msg('返回产品列表', { id: 'workbench.editor.back' })}
        </button>
      </div>
      <div role="alert" id="smec-editor-stale" tabindex="-1">
        ${
          this.stale
            ? html`<div class="notice" part="stale">
                <p>
                  ${msg('保存失败：这项产品已在别处被修改。您填写的内容仍保留。', { id: 'workbench.editor.stale' })}
                </p>
                <button type="button" class="button" part="reload-button" @click=${() => this.reload()}>
                  ${msg('载入最新版本（保留我填写的内容）', { id: 'workbench.editor.reload' })}
                </button>
              </div>`
            : nothing
        }
      </div>
      ${renderErrorSummary(this.host, summary, (name) => this.focusField(name), 5)}
      ${this.input('name', 'name', msg('产品名称', { id: 'workbench.product.name' }), errors.name)}
      ${renderField({
        name: 'categoryId',
        label: msg('服务类别', { id: 'workbench.product.category' }),
        error: errors.categoryId,
        control: html`<select
          id=${idOf('categoryId')}
          @change=${(e: Event) => this.set('categoryId', (e.target as HTMLSelectElement).value, 'categoryId')}
        >
          ${(reference?.categories ?? []).map(
            (category) =>
              html`<option value=${category.id} ?selected=${v.categoryId === category.id}>
                ${categoryName(category.id, reference?.categories, locale)}
              </option>`,
          )}
        </select>`,
      })}
      ${this.textArea('summary', 'summary', msg('服务简介', { id: 'workbench.editor.summary' }), undefined, errors.summary)}
      ${this.textArea(
        'function',
        'function',
        msg('服务功能', { id: 'workbench.product.function' }),
        msg('这项服务为企业解决什么问题', { id: 'workbench.editor.function.hint' }),
        errors.function,
      )}
      ${this.renderSteps(errors.process)}
      ${this.textArea(
        'standard',
        'standard',
        msg('服务标准', { id: 'workbench.product.standard' }),
        msg('交付什么、达到什么要求', { id: 'workbench.editor.standard.hint' }),
        errors.standard,
      )}
      ${this.renderFee(errors)}
      ${this.input('timeLimitDays', 'timeLimitDays', msg('服务时限（工作日，1–365）', { id: 'workbench.editor.timeLimit' }), errors.timeLimitDays, 'numeric')}
      ${this.textArea('suitableFor', 'suitableFor', msg('适用对象', { id: 'workbench.product.suitableFor' }), undefined, errors.suitableFor)}
      <label class="check">
        <input
          type="checkbox"
          id=${idOf('voucherEligible')}
          .checked=${v.voucherEligible}
          @change=${(e: Event) => this.set('voucherEligible', (e.target as HTMLInputElement).checked, 'voucherEligible')}
        />
        ${msg('可用服务券支付', { id: 'workbench.editor.voucher' })}
      </label>
      ${this.renderRegions(errors.regionCodes)}
      <div role="alert" id="smec-editor-error" tabindex="-1">
        ${otherError ? renderActionError(this.action.error) : nothing}
      </div>
      <div class="actions">
        <button type="submit" part="save-button" class="button button-primary" ?disabled=${busy}>
          ${msg('保存', { id: 'workbench.editor.save' })}
        </button>
        ${
          product.status === 'published'
            ? html`<button
                type="button"
                part="withdraw-button"
                class="button"
                ?disabled=${busy}
                @click=${() => this.askWithdraw()}
              >
                ${msg('下架', { id: 'workbench.editor.withdraw' })}
              </button>`
            : html`<button
                type="button"
                part="publish-button"
                class="button"
                ?disabled=${busy}
                @click=${() => this.publish()}
              >
                ${msg('保存并发布', { id: 'workbench.editor.publish' })}
              </button>`
        }
        <button
          type="button"
          part="preview-button"
          class="button"
          aria-expanded=${this.previewing ? 'true' : 'false'}
          @click=${() => {
            this.previewing = !this.previewing;
            this.host.requestUpdate();
          }}
        >
          ${msg('预览', { id: 'workbench.editor.preview' })}
        </button>
      </div>
      ${
        this.previewing
          ? renderPreview({
              product: previewOf(v),
              providerName: this.context.summary().account.profile.name,
              reference,
              categories: reference?.categories,
              locale,
            })
          : nothing
      }
      ${this.confirm.render()}
    </form>`;
  }
}

/** The platform's publishing refusals, by field, each with its words in the language the client asked for. */
function refusalsOf(error: unknown): Partial<Record<Field, string>> {
  const refusals: Partial<Record<Field, string>> = {};
  if (!isSmecApiError(error)) return refusals;
  for (const item of error.problem.errors ?? []) {
    const field = fieldOf(item.path);
    if (field && !refusals[field]) refusals[field] = item.message;
  }
  return refusals;
}
