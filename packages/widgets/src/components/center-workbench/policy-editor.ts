import type { Policy, ServiceCategory } from '@smec/schemas';
import { POLICY_TEXT_LIMITS } from '@smec/schemas/rules';
import { hasProblemCode } from '@smec/sdk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { renderCheckGroup } from '../../forms/check-group.js';
import { renderErrorSummary } from '../../forms/error-summary.js';
import { describedBy, fieldId, renderField } from '../../forms/field-view.js';
import { ShownErrors } from '../../forms/shown-errors.js';
import { renderTextField } from '../../forms/text-field.js';
import { msg, str } from '../../i18n/localization.js';
import { describeError } from '../../views/error-view.js';
import { renderEditFailure } from '../../workbench/edit-failure.js';
import { FRESH_READ } from '../../workbench/fresh-read.js';
import type { ViewHost } from '../../workbench/view-switch.js';
import {
  POLICY_FIELDS,
  emptyPolicy,
  policyFieldOf,
  policyInputOf,
  policyPatchOf,
  policyProblems,
  valuesOfPolicy,
  type PolicyField,
  type PolicyProblem,
  type PolicyTextValue,
  type PolicyValues,
} from './policy-values.js';
import type { CenterViewContext } from './view-context.js';

export function policyFieldLabel(field: PolicyField): string {
  switch (field) {
    case 'title':
      return msg('政策标题', { id: 'center.policy.title' });
    case 'issuer':
      return msg('发文机关', { id: 'center.policy.issuer' });
    case 'docNumber':
      return msg('发文字号', { id: 'center.policy.docNumber' });
    case 'regionCode':
      return msg('所属地区代码', { id: 'center.policy.region' });
    case 'publishedAt':
      return msg('发布日期', { id: 'center.policy.publishedAt' });
    case 'effectiveFrom':
      return msg('生效日期', { id: 'center.policy.effectiveFrom' });
    case 'effectiveUntil':
      return msg('失效日期', { id: 'center.policy.effectiveUntil' });
    case 'categoryIds':
      return msg('相关服务类别', { id: 'center.policy.categories' });
    case 'summary':
      return msg('政策摘要', { id: 'center.policy.summary' });
    case 'url':
      return msg('原文链接', { id: 'center.policy.url' });
  }
}

function problemText(field: PolicyField, problem: PolicyProblem): string {
  switch (problem) {
    case 'required': {
      const limits = POLICY_TEXT_LIMITS[field as keyof typeof POLICY_TEXT_LIMITS];
      const min = limits?.min ?? 2;
      const max = limits?.max ?? 200;
      return msg(str`请填写${policyFieldLabel(field)}（${min} 至 ${max} 个字）`, {
        id: 'center.policy.problem.required',
      });
    }
    case 'tooLong': {
      const max = POLICY_TEXT_LIMITS[field as keyof typeof POLICY_TEXT_LIMITS]?.max ?? 200;
      return msg(str`${policyFieldLabel(field)}最多 ${max} 个字`, { id: 'center.policy.problem.tooLong' });
    }
    case 'date':
      return msg('请填写日期', { id: 'center.policy.problem.date' });
    case 'order':
      return msg('失效日期不能早于生效日期', { id: 'center.policy.problem.order' });
    case 'region':
      return msg('请填写 6 位行政区划代码', { id: 'center.policy.problem.region' });
    case 'url':
      return msg('请填写以 https:// 开头的网址', { id: 'center.event.problem.url' });
  }
}

/**
 * The form that publishes a policy or edits one as it was read (If-Match): every field of the policy input, the
 * rules shown next to their fields once left or sent, a document number the issuer already has (409) next to the
 * document number, what was typed kept on any failure; a 412 says someone else changed it and offers reloading.
 */
export class PolicyEditor {
  readonly action: ActionController<PolicyField>;
  values: PolicyValues;
  private readonly shown = new ShownErrors<PolicyField>();
  private reloading = false;
  private categories: readonly ServiceCategory[] = [];

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
    private version: Policy | undefined,
    regionCode: string,
    private readonly onSaved: (policy: Policy) => void,
    private readonly onClose: () => void,
  ) {
    this.action = new ActionController(host, policyFieldOf);
    this.values = version ? valuesOfPolicy(version) : emptyPolicy(regionCode);
    void context
      .client()
      .categories.list()
      .then(
        (list) => {
          this.categories = list.items;
          host.requestUpdate();
        },
        // The categories are optional: without their names they are not offered.
        () => undefined,
      );
  }

  private set(field: PolicyTextValue, value: string, touch = false): void {
    this.values = { ...this.values, [field]: value };
    if (touch) this.shown.touch(field);
    this.clear(field);
    this.host.requestUpdate();
  }

  private clear(field: PolicyField): void {
    if (this.action.fieldErrors[field]) this.action.fieldErrors = { ...this.action.fieldErrors, [field]: undefined };
    // A changed document number (or issuer) may be free: the refusal of the old one no longer applies.
    if ((field === 'docNumber' || field === 'issuer') && this.taken()) this.action.error = undefined;
  }

  /** The platform's 409: the issuer already has a policy of this document number. */
  private taken(): boolean {
    return hasProblemCode(this.action.error, 'doc_number_taken');
  }

  private errors(): Partial<Record<PolicyField, string>> {
    const texts: Partial<Record<PolicyField, string>> = {};
    for (const [field, problem] of Object.entries(policyProblems(this.values)) as [PolicyField, PolicyProblem][]) {
      texts[field] = problemText(field, problem);
    }
    const refused = { ...this.action.fieldErrors };
    if (this.taken()) refused.docNumber = { code: 'doc_number_taken', message: describeError(this.action.error) };
    return this.shown.of(POLICY_FIELDS, texts, refused);
  }

  private onFields(): boolean {
    return this.taken() || Object.values(this.action.fieldErrors).some(Boolean);
  }

  private reload(): void {
    const id = this.version!.id;
    this.reloading = true;
    this.host.requestUpdate();
    void this.context
      .client()
      .policies.get(id, FRESH_READ)
      .then(
        (policy) => {
          this.version = policy;
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
    if (Object.keys(policyProblems(this.values)).length > 0) {
      this.host.requestUpdate();
      this.context.focus('.policy-form .error-summary');
      return;
    }
    const client = this.context.client();
    const version = this.version;
    const body = version ? policyPatchOf(this.values, version) : policyInputOf(this.values);
    void this.action.run<Policy>({
      operation: version ? 'policies.update' : 'policies.create',
      body: `${version ? `${version.id}.r${version.revision}` : 'new'} ${JSON.stringify(body)}`,
      send: ({ signal, idempotencyKey }) => {
        const options = { signal, headers: { 'idempotency-key': idempotencyKey } };
        return version
          ? client.policies.update(version, policyPatchOf(this.values, version), options)
          : client.policies.create(policyInputOf(this.values), options);
      },
      done: (saved) => {
        const title = saved.title;
        this.context.announce(
          version
            ? msg(str`已保存政策“${title}”。`, { id: 'center.policy.saved' })
            : msg(str`已发布政策“${title}”。`, { id: 'center.policy.created' }),
        );
        this.onSaved(saved);
      },
      failed: () => {
        this.host.requestUpdate();
        this.context.focus(this.onFields() ? '.policy-form .error-summary' : '#smec-policy-error');
      },
    });
  }

  private renderText(field: PolicyTextValue, errors: Partial<Record<PolicyField, string>>): TemplateResult {
    const date = field === 'publishedAt' || field === 'effectiveFrom' || field === 'effectiveUntil';
    const optional = field === 'publishedAt' || field === 'effectiveUntil';
    const hint =
      field === 'docNumber'
        ? msg('同一发文机关的发文字号不能重复，例如 粤府办〔2016〕58号', { id: 'center.policy.docNumber.hint' })
        : field === 'publishedAt'
          ? msg('不填则为今天', { id: 'center.policy.publishedAt.hint' })
          : field === 'effectiveUntil'
            ? msg('不填则长期有效', { id: 'center.policy.effectiveUntil.hint' })
            : undefined;
    return html`<div
      @input=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)}
      @change=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value, true)}
    >
      ${renderTextField(field, policyFieldLabel(field), errors[field], {
        value: this.values[field],
        ...(date ? { type: 'date' } : {}),
        ...(field === 'url' ? { type: 'url', inputmode: 'url' } : {}),
        ...(field === 'regionCode' ? { inputmode: 'numeric' } : {}),
        ...(optional ? { optional: true } : {}),
        ...(hint ? { hint } : {}),
      })}
    </div>`;
  }

  render(): TemplateResult {
    const errors = this.errors();
    const title = this.version?.title ?? '';
    const locale = this.context.locale();
    const summaryError = errors.summary;
    return html`<form part="policy-form" class="editor policy-form" novalidate @submit=${(e: Event) => this.save(e)}>
      <h4 id="smec-policy-form-title" tabindex="-1">
        ${
          this.version
            ? msg(str`编辑政策：${title}`, { id: 'center.policy.editTitle' })
            : msg('发布政策', { id: 'center.policies.add' })
        }
      </h4>
      ${renderErrorSummary(
        this.host,
        this.shown.summary(errors),
        (field) => this.host.shadowRoot?.querySelector<HTMLElement>(`#${fieldId(field)}`)?.focus(),
        5,
      )}
      ${(['title', 'issuer', 'docNumber', 'regionCode', 'publishedAt', 'effectiveFrom', 'effectiveUntil'] as const).map(
        (field) => this.renderText(field, errors),
      )}
      ${
        this.categories.length > 0
          ? renderCheckGroup({
              name: 'categoryIds',
              legend: policyFieldLabel('categoryIds'),
              error: errors.categoryIds,
              choices: this.categories.map((category) => ({
                value: category.id,
                label: locale === 'en' ? category.nameEn : category.name,
              })),
              chosen: this.values.categoryIds,
              onToggle: (value, checked) => {
                const chosen = this.values.categoryIds.filter((each) => each !== value);
                this.values = { ...this.values, categoryIds: checked ? [...chosen, value] : chosen };
                this.host.requestUpdate();
              },
            })
          : nothing
      }
      ${renderField({
        name: 'summary',
        label: policyFieldLabel('summary'),
        error: summaryError,
        control: html`<textarea
          id=${fieldId('summary')}
          rows="4"
          aria-invalid=${summaryError ? 'true' : 'false'}
          aria-describedby=${describedBy('summary', false, summaryError) || nothing}
          .value=${this.values.summary}
          @input=${(e: Event) => this.set('summary', (e.target as HTMLTextAreaElement).value)}
          @change=${(e: Event) => this.set('summary', (e.target as HTMLTextAreaElement).value, true)}
        ></textarea>`,
      })}
      ${this.renderText('url', errors)}
      <div role="alert" id="smec-policy-error" tabindex="-1">
        ${renderEditFailure(
          this.action.error,
          this.onFields(),
          {
            staleTitle: msg('此政策已被他人修改', { id: 'center.policy.stale' }),
            staleHint: msg('您填写的内容已保留。载入最新版本后再保存，将以您填写的内容为准。', {
              id: 'center.event.stale.hint',
            }),
            reload: msg('载入最新版本', { id: 'center.event.reload' }),
            reloadPart: 'reload-policy-button',
            kept: msg('您填写的内容已保留。', { id: 'demand.kept' }),
          },
          { busy: this.reloading, run: () => this.reload() },
        )}
      </div>
      <div class="actions">
        <button type="submit" part="save-policy-button" class="button button-primary" ?disabled=${this.action.busy}>
          ${this.version ? msg('保存政策', { id: 'center.policy.save' }) : msg('发布政策', { id: 'center.policies.add' })}
        </button>
        <button type="button" part="cancel-policy-button" class="button" @click=${() => this.onClose()}>
          ${msg('返回列表', { id: 'center.event.back' })}
        </button>
      </div>
    </form>`;
  }
}
