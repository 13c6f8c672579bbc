import type { Policy, PolicyStatus } from '@smec/schemas';
import { isRegionWithin } from '@smec/schemas/rules';
import { Categories, FullPolicies } from '@smec/sdk/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { ConfirmController } from '../../controllers/confirm-controller.js';
import { fieldId, renderField } from '../../forms/field-view.js';
import { msg, str } from '../../i18n/localization.js';
import { useResources } from '../../internal/client.js';
import { formatDate } from '../../internal/format.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { renderError } from '../../views/error-view.js';
import { renderActionError } from '../../workbench/action-error.js';
import { allPages } from '../../workbench/all-pages.js';
import { FRESH_READ } from '../../workbench/fresh-read.js';
import { listStyles } from '../../workbench/list.styles.js';
import type { ViewHost, WorkbenchViewPart } from '../../workbench/view-switch.js';
import { PolicyEditor } from './policy-editor.js';
import type { CenterViewContext } from './view-context.js';
import { renderReasonArea } from '../../workbench/text-area-field.js';

// The policy writes live only in this view's module.
useResources({ policies: FullPolicies, categories: Categories });

const PAGE_LIMIT = 100;
const REASON_MIN = 2;
const REASON_MAX = 200;

const policiesStyles = css`
  ${listStyles}

  .editor {
    display: grid;
    gap: 0.75rem;
    margin-block: 1rem;
  }
`;

function policyStatusName(status: PolicyStatus): string {
  switch (status) {
    case 'upcoming':
      return msg('尚未生效', { id: 'center.policy.status.upcoming' });
    case 'inForce':
      return msg('有效', { id: 'center.policy.status.inForce' });
    case 'expired':
      return msg('已失效', { id: 'center.policy.status.expired' });
  }
}

/** The newest publication first, then by title: the order a center reviews its policies in. */
function byPublication(a: Policy, b: Policy): number {
  return b.publishedAt.localeCompare(a.publishedAt) || a.title.localeCompare(b.title);
}

/**
 * The center's policies (政策): those of its region and the regions below, newest first, with their document
 * number, issuer, day of publication and status; publish one, edit one (If-Match), withdraw one with a reason after
 * a confirmation (it leaves the public list).
 */
class PoliciesView implements WorkbenchViewPart {
  private readonly confirm: ConfirmController;
  private readonly withdrawal: ActionController;
  private policies: Policy[] | undefined;
  private listError: unknown;
  private editor: PolicyEditor | undefined;
  /** The policy whose withdrawal reason is being typed. */
  private withdrawing: string | undefined;
  private reason = '';
  private reasonTouched = false;

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
  ) {
    this.confirm = new ConfirmController(host);
    this.withdrawal = new ActionController(host);
    // Made while the shell renders, after its update began: the first load is started here, not by that update.
    queueMicrotask(() => void this.loadList());
  }

  /** The center's region, as the platform says. */
  private region(): string | undefined {
    return this.context.regionCode() ?? undefined;
  }

  private writes(): boolean {
    return this.context.canWrite();
  }

  private loadList(): Promise<void> {
    this.listError = undefined;
    const region = this.region();
    const client = this.context.client();
    return allPages((cursor) =>
      client.policies.list({ limit: PAGE_LIMIT, ...(cursor ? { cursor } : {}) }, FRESH_READ),
    ).then(
      (items) => {
        this.policies = items
          .filter((policy) => !region || isRegionWithin(policy.regionCode, region))
          .sort(byPublication);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.listError = error;
        this.host.requestUpdate();
      },
    );
  }

  private startEdit(policy?: Policy): void {
    this.editor?.action.abort();
    const back = policy ? `[data-policy-id="${policy.id}"] h4` : '[part~="add-policy-button"]';
    this.withdrawing = undefined;
    this.editor = new PolicyEditor(
      this.host,
      this.context,
      policy,
      this.region() ?? '',
      (saved) => {
        this.policies = [saved, ...(this.policies ?? []).filter((each) => each.id !== saved.id)].sort(byPublication);
        this.closeEditor(`[data-policy-id="${saved.id}"] h4`);
        void this.loadList();
      },
      () => this.closeEditor(back),
    );
    this.host.requestUpdate();
    this.context.focus(policy ? '#smec-policy-form-title' : `#${fieldId('title')}`);
  }

  private closeEditor(focus: string): void {
    this.editor?.action.abort();
    this.editor = undefined;
    this.host.requestUpdate();
    this.context.focus(focus);
  }

  private reasonError(): string | undefined {
    const length = this.reason.trim().length;
    return this.reasonTouched && (length < REASON_MIN || this.reason.length > REASON_MAX)
      ? msg(str`请填写撤回原因（${REASON_MIN} 至 ${REASON_MAX} 个字）`, { id: 'center.policy.reason.required' })
      : undefined;
  }

  private askWithdraw(event: Event, policy: Policy): void {
    event.preventDefault();
    this.reasonTouched = true;
    if (this.reasonError()) {
      this.host.requestUpdate();
      this.context.focus(`#${fieldId('withdrawReason')}`);
      return;
    }
    const title = policy.title;
    this.confirm.ask({
      title: msg('撤回此政策？', { id: 'center.policy.withdraw.title' }),
      text: msg(str`“${title}”将从政策库和搜索中移除，不能恢复。撤回原因记入记录。`, {
        id: 'center.policy.withdraw.text',
      }),
      confirm: msg('确认撤回', { id: 'center.policy.withdraw.confirm' }),
      part: 'confirm-withdraw-button',
      onConfirm: () => this.withdraw(policy),
    });
  }

  private withdraw(policy: Policy): void {
    const reason = this.reason.trim();
    void this.withdrawal.run<Policy>({
      operation: 'policies.withdraw',
      body: `withdraw ${policy.id} ${reason}`,
      send: ({ signal, idempotencyKey }) =>
        this.context
          .client()
          .policies.withdraw(policy.id, reason, { signal, headers: { 'idempotency-key': idempotencyKey } }),
      done: () => {
        this.withdrawing = undefined;
        this.reason = '';
        this.reasonTouched = false;
        this.policies = this.policies?.filter((each) => each.id !== policy.id);
        const title = policy.title;
        this.context.announce(msg(str`已撤回政策“${title}”。`, { id: 'center.policy.withdrawn' }));
        this.host.requestUpdate();
        this.context.focus('#smec-policies-title');
      },
      failed: () => this.context.focus(`#smec-policy-withdraw-error`),
    });
  }

  private renderWithdraw(policy: Policy): TemplateResult {
    const error = this.reasonError();
    return html`<form
        part="withdraw-form"
        class="editor"
        novalidate
        @submit=${(e: Event) => this.askWithdraw(e, policy)}
      >
        ${renderField({
          name: 'withdrawReason',
          label: msg('撤回原因（记入记录）', { id: 'center.policy.reason' }),
          error,
          control: renderReasonArea('withdrawReason', this.reason, error, REASON_MAX, (value) => {
            this.reason = value;
            this.host.requestUpdate();
          }),
        })}
        <div class="actions">
          <button type="submit" part="withdraw-button" class="button" ?disabled=${this.withdrawal.busy}>
            ${msg('撤回政策…', { id: 'center.policy.withdraw.ask' })}
          </button>
          <button
            type="button"
            class="button"
            @click=${() => {
              this.withdrawing = undefined;
              this.host.requestUpdate();
              this.context.focus(`[data-policy-id="${policy.id}"] [part~="withdraw-open-button"]`);
            }}
          >
            ${msg('取消', { id: 'center.settlement.refuse.cancel' })}
          </button>
        </div>
      </form>
      <div role="alert" id="smec-policy-withdraw-error" tabindex="-1">
        ${this.withdrawal.error ? renderActionError(this.withdrawal.error) : nothing}
      </div>`;
  }

  private renderPolicy(policy: Policy): TemplateResult {
    const locale = this.context.locale();
    const writes = this.writes();
    const published = formatDate(`${policy.publishedAt}T12:00:00+08:00`, locale);
    return html`<li part="policy" class="card" data-policy-id=${policy.id}>
      <div class="card-head">
        <h4 tabindex="-1">${policy.title}</h4>
        <span part="badge" class="badge">${policyStatusName(policy.status)}</span>
      </div>
      <p part="doc-number">${policy.docNumber}</p>
      <p>${policy.issuer} · ${policy.regionName}</p>
      <p>${msg(str`发布于 ${published}`, { id: 'center.policy.published' })}</p>
      ${
        writes
          ? this.withdrawing === policy.id
            ? this.renderWithdraw(policy)
            : html`<div class="actions">
                <button type="button" part="edit-policy-button" class="button" @click=${() => this.startEdit(policy)}>
                  ${msg('编辑', { id: 'center.event.edit' })}<span class="sr-only">${policy.title}</span>
                </button>
                <button
                  type="button"
                  part="withdraw-open-button"
                  class="button"
                  @click=${() => {
                    this.withdrawing = policy.id;
                    this.reason = '';
                    this.reasonTouched = false;
                    this.withdrawal.error = undefined;
                    this.host.requestUpdate();
                    this.context.focus(`#${fieldId('withdrawReason')}`);
                  }}
                >
                  ${msg('撤回…', { id: 'center.policy.withdraw' })}<span class="sr-only">${policy.title}</span>
                </button>
              </div>`
          : nothing
      }
    </li>`;
  }

  private renderList(): unknown {
    if (this.listError) return renderError(this.listError, () => void this.loadList());
    if (!this.policies) return html`<p class="muted">${msg('正在加载…', { id: 'status.loading' })}</p>`;
    if (this.policies.length === 0)
      return html`<p class="muted">${msg('本中心还没有发布政策。', { id: 'center.policies.empty' })}</p>`;
    return html`<p class="muted" part="policy-total">
        ${msg(str`共 ${this.policies.length} 项`, { id: 'center.settlement.total' })}
      </p>
      <ul class="cards">
        ${this.policies.map((policy) => this.renderPolicy(policy))}
      </ul>`;
  }

  render(): unknown {
    adoptViewStyles(this.host, policiesStyles);
    if (this.editor) return html`${this.editor.render()} ${this.confirm.render()}`;
    return html`${
        this.writes()
          ? html`<div class="actions">
              <button
                type="button"
                part="add-policy-button"
                class="button button-primary"
                @click=${() => this.startEdit()}
              >
                ${msg('发布政策', { id: 'center.policies.add' })}
              </button>
            </div>`
          : nothing
      }
      <section aria-labelledby="smec-policies-title">
        <h4 id="smec-policies-title" tabindex="-1">${msg('本中心的政策', { id: 'center.policies.title' })}</h4>
        ${this.renderList()}
      </section>
      ${this.confirm.render()}`;
  }
}

export function createView(host: ViewHost, context: CenterViewContext): WorkbenchViewPart {
  return new PoliciesView(host, context);
}
