import type { ServiceCategory, VoucherBatch } from '@smec/schemas';
import { ENTERPRISE_SIZES, ENTERPRISE_TAGS } from '@smec/schemas/rules';
import { html, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { renderCheckGroup } from '../../forms/check-group.js';
import { renderErrorSummary } from '../../forms/error-summary.js';
import { fieldId } from '../../forms/field-view.js';
import { ShownErrors } from '../../forms/shown-errors.js';
import { renderTextField } from '../../forms/text-field.js';
import { msg, str } from '../../i18n/localization.js';
import { renderEditFailure } from '../../workbench/edit-failure.js';
import type { ViewHost } from '../../workbench/view-switch.js';
import { batchFieldLabel, batchProblemText, sizeName, tagName } from './batch-texts.js';
import {
  BATCH_FIELDS,
  batchFieldOf,
  batchInputOf,
  batchPatchOf,
  batchProblems,
  emptyBatch,
  valuesOfBatch,
  type BatchChoiceField,
  type BatchField,
  type BatchProblem,
  type BatchTextField,
  type BatchValues,
} from './batch-values.js';
import type { CenterViewContext } from './view-context.js';

const TIME_FIELDS: readonly BatchField[] = ['claimOpensAt', 'claimClosesAt', 'settleBy'];
const MONEY_FIELDS: readonly BatchField[] = ['faceValue', 'annualCapPerEnterprise'];

/**
 * The form that creates a draft batch or edits one as it was read (If-Match): every term of DOMAIN.md, the shared
 * rules shown next to their fields once left or sent, the platform's refusals next to the fields it names, what was
 * typed kept on any failure. Once a batch has opened its frozen terms are shown but cannot be changed; a 412 offers
 * the latest version without losing the form.
 */
export class BatchEditor {
  readonly action: ActionController<BatchField>;
  values: BatchValues;
  private readonly shown = new ShownErrors<BatchField>();
  private reloading = false;
  private categories: readonly ServiceCategory[] = [];

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
    /** The batch as read (its revision is the If-Match), or undefined for a new draft. */
    private version: VoucherBatch | undefined,
    /** The staff member's center: the scope must lie within it. */
    private readonly issuerRegion: string | undefined,
    year: number,
    private readonly onSaved: (batch: VoucherBatch) => void,
    private readonly onClose: () => void,
  ) {
    this.action = new ActionController(host, batchFieldOf);
    this.values = version ? valuesOfBatch(version) : emptyBatch(year);
    void context
      .client()
      .categories.list()
      .then(
        (list) => {
          this.categories = list.items;
          host.requestUpdate();
        },
        // Without the names the form still works: the categories are then not offered, and none is required.
        () => undefined,
      );
  }

  private frozen(): boolean {
    return !!this.version && this.version.status !== 'draft';
  }

  private set(field: BatchTextField, value: string, touch = false): void {
    this.values = { ...this.values, [field]: value };
    if (touch) this.shown.touch(field);
    this.clearRefusal(field);
    this.host.requestUpdate();
  }

  private toggle(field: BatchChoiceField, value: string, checked: boolean): void {
    const chosen = this.values[field].filter((each) => each !== value);
    this.values = { ...this.values, [field]: checked ? [...chosen, value] : chosen };
    this.shown.touch(field);
    this.clearRefusal(field);
    this.host.requestUpdate();
  }

  private clearRefusal(field: BatchField): void {
    if (this.action.fieldErrors[field]) this.action.fieldErrors = { ...this.action.fieldErrors, [field]: undefined };
  }

  private errors(): Partial<Record<BatchField, string>> {
    const locale = this.context.locale();
    const texts: Partial<Record<BatchField, string>> = {};
    const problems = batchProblems(this.values, this.issuerRegion);
    for (const [field, problem] of Object.entries(problems) as [BatchField, BatchProblem][]) {
      texts[field] = batchProblemText(problem, locale);
    }
    return this.shown.of(BATCH_FIELDS, texts, this.action.fieldErrors);
  }

  /** Reads the batch again for its latest revision: what was typed stays, and saving then overwrites. */
  private reload(): void {
    const id = this.version!.id;
    this.reloading = true;
    this.host.requestUpdate();
    void this.context
      .client()
      .vouchers.getBatch(id)
      .then(
        (batch) => {
          this.version = batch;
          this.action.error = undefined;
          this.context.announce(msg('已载入最新版本，您填写的内容已保留。', { id: 'center.event.reloaded' }));
        },
        (error: unknown) => {
          this.action.error = error;
        },
      )
      .finally(() => {
        this.reloading = false;
        this.host.requestUpdate();
      });
  }

  private save(event: Event): void {
    event.preventDefault();
    this.shown.submitted = true;
    if (Object.keys(batchProblems(this.values, this.issuerRegion)).length > 0) {
      this.host.requestUpdate();
      this.context.focus('.batch-form .error-summary');
      return;
    }
    const client = this.context.client();
    const version = this.version;
    const body = version ? batchPatchOf(this.values, version) : batchInputOf(this.values);
    void this.action.run<VoucherBatch>({
      operation: version ? 'voucherBatches.update' : 'voucherBatches.create',
      body: `${version ? `${version.id}.r${version.revision}` : 'new'} ${JSON.stringify(body)}`,
      send: ({ signal, idempotencyKey }) => {
        const options = { signal, headers: { 'idempotency-key': idempotencyKey } };
        return version
          ? client.voucherBatches.update(version, batchPatchOf(this.values, version), options)
          : client.voucherBatches.create(batchInputOf(this.values), options);
      },
      done: (saved) => {
        const name = saved.name;
        this.context.announce(
          version
            ? msg(str`已保存服务券批次“${name}”。`, { id: 'center.batch.saved' })
            : msg(str`已创建服务券批次草稿“${name}”。`, { id: 'center.batch.created' }),
        );
        this.onSaved(saved);
      },
      failed: () => {
        this.host.requestUpdate();
        const named = Object.values(this.action.fieldErrors).some(Boolean);
        this.context.focus(named ? '.batch-form .error-summary' : '#smec-batch-error');
      },
    });
  }

  private renderText(field: BatchTextField, errors: Partial<Record<BatchField, string>>): TemplateResult {
    const time = TIME_FIELDS.includes(field);
    const money = MONEY_FIELDS.includes(field);
    const hint =
      field === 'regionCodes'
        ? msg('不填则为本中心所在地区全域；多个代码以逗号分隔，例如 440104, 440105', {
            id: 'center.batch.regions.hint',
          })
        : time
          ? msg('北京时间', { id: 'center.event.time.hint' })
          : money
            ? msg('以元为单位，例如 5000', { id: 'center.batch.money.hint' })
            : undefined;
    return html`<div
      @input=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)}
      @change=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value, true)}
    >
      ${renderTextField(field, batchFieldLabel(field), errors[field], {
        value: this.values[field],
        ...(time ? { type: 'datetime-local' } : {}),
        ...(money ? { inputmode: 'decimal' } : field !== 'name' && !time ? { inputmode: 'numeric' } : {}),
        ...(field === 'regionCodes' ? { optional: true } : {}),
        ...(hint ? { hint } : {}),
      })}
    </div>`;
  }

  private renderChoices(
    field: BatchChoiceField,
    choices: readonly { value: string; label: string }[],
    errors: Partial<Record<BatchField, string>>,
  ): TemplateResult {
    return renderCheckGroup({
      name: field,
      legend: batchFieldLabel(field),
      error: errors[field],
      choices,
      chosen: this.values[field],
      onToggle: (value, checked) => this.toggle(field, value, checked),
    });
  }

  render(): TemplateResult {
    const errors = this.errors();
    const name = this.version?.name ?? '';
    const locale = this.context.locale();
    const frozen = this.frozen();
    const categoryChoices = this.categories.map((category) => ({
      value: category.id,
      label: locale === 'en' ? category.nameEn : category.name,
    }));
    return html`<form part="batch-form" class="editor batch-form" novalidate @submit=${(e: Event) => this.save(e)}>
      <h4 id="smec-batch-form-title" tabindex="-1">
        ${
          this.version
            ? msg(str`编辑服务券批次：${name}`, { id: 'center.batch.editTitle' })
            : msg('新建服务券批次', { id: 'center.batches.add' })
        }
      </h4>
      ${renderErrorSummary(
        this.host,
        this.shown.summary(errors),
        (field) => this.host.shadowRoot?.querySelector<HTMLElement>(`#${fieldId(field)}`)?.focus(),
        5,
      )}
      ${this.renderText('name', errors)} ${this.renderText('quota', errors)} ${this.renderText('claimClosesAt', errors)}
      <fieldset part="batch-terms" class="editor terms" ?disabled=${frozen}>
        <legend>
          ${
            frozen
              ? msg('以下条款在批次开放后不能修改', { id: 'center.batch.terms.frozen' })
              : msg('发放条款', { id: 'center.batch.terms' })
          }
        </legend>
        ${this.renderText('year', errors)} ${this.renderText('regionCodes', errors)}
        ${this.renderChoices(
          'sizes',
          ENTERPRISE_SIZES.map((size) => ({ value: size, label: sizeName(size) })),
          errors,
        )}
        ${this.renderChoices(
          'tags',
          ENTERPRISE_TAGS.map((tag) => ({ value: tag, label: tagName(tag) })),
          errors,
        )}
        ${categoryChoices.length > 0 ? this.renderChoices('categoryIds', categoryChoices, errors) : ''}
        ${(
          ['faceValue', 'annualCapPerEnterprise', 'maxCoverage', 'claimOpensAt', 'useWithinDays', 'settleBy'] as const
        ).map((field) => this.renderText(field, errors))}
      </fieldset>
      <div role="alert" id="smec-batch-error" tabindex="-1">
        ${renderEditFailure(
          this.action.error,
          Object.values(this.action.fieldErrors).some(Boolean),
          {
            staleTitle: msg('此批次已被他人修改', { id: 'center.batch.stale' }),
            staleHint: msg('您填写的内容已保留。载入最新版本后再保存，将以您填写的内容为准。', {
              id: 'center.event.stale.hint',
            }),
            reload: msg('载入最新版本', { id: 'center.event.reload' }),
            reloadPart: 'reload-batch-button',
            kept: msg('您填写的内容已保留。', { id: 'demand.kept' }),
          },
          { busy: this.reloading, run: () => this.reload() },
        )}
      </div>
      <div class="actions">
        <button type="submit" part="save-batch-button" class="button button-primary" ?disabled=${this.action.busy}>
          ${msg('保存批次', { id: 'center.batch.save' })}
        </button>
        <button type="button" part="cancel-batch-button" class="button" @click=${() => this.onClose()}>
          ${msg('返回列表', { id: 'center.event.back' })}
        </button>
      </div>
    </form>`;
  }
}
