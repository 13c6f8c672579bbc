import type { EngagementProof, Settlement, SettlementPage, SettlementState } from '@smec/schemas';
import { FullEngagements, Files, Settlements } from '@smec/sdk/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { ConfirmController } from '../../controllers/confirm-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { MoreController } from '../../controllers/more-controller.js';
import { msg, str } from '../../i18n/localization.js';
import { useResources } from '../../internal/client.js';
import { formatDate, formatMoney } from '../../internal/format.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { renderError } from '../../views/error-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { listStyles } from '../../workbench/list.styles.js';
import type { ViewHost, WorkbenchViewPart } from '../../workbench/view-switch.js';
import { renderActionError } from '../../workbench/action-error.js';
import { saveBlob } from './save-blob.js';
import type { CenterViewContext } from './view-context.js';
import { renderMoreButton } from '../../views/more-button-view.js';

// The settlement calls live only in this view's module, so the shell's first view does not carry them.
useResources({ settlements: Settlements, engagements: FullEngagements, files: Files });

const PAGE = 20;
const REASON_MIN = 2;
const REASON_MAX = 200;

const settlementStyles = css`
  ${listStyles}

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem;
  }

  .amounts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(7rem, 100%), 1fr));
    gap: 0.25rem 1rem;
    margin: 0;
  }

  .amounts dd {
    margin: 0;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .late {
    color: var(--_danger);
    font-weight: 700;
  }

  .proofs {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .proofs button {
    font: inherit;
    color: var(--_primary);
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
    min-height: var(--_min-target, auto);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  textarea {
    width: 100%;
    box-sizing: border-box;
    font: inherit;
  }
`;

function stateName(state: SettlementState): string {
  return state === 'waiting'
    ? msg('待结算', { id: 'center.settlement.state.waiting' })
    : msg('已退回，待补充材料', { id: 'center.settlement.state.refused' });
}

function proofName(proof: EngagementProof, index: number): string {
  const n = index + 1;
  return proof.kind === 'contract'
    ? msg(str`服务合同 ${n}`, { id: 'center.settlement.proof.contract' })
    : msg(str`交付凭证 ${n}`, { id: 'center.settlement.proof.proof' });
}

const EXTENSIONS: Record<EngagementProof['file']['mediaType'], string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/**
 * The settlement queue (结算): accepted, voucher-paid engagements of the center's region not yet settled, with the
 * amounts, the voucher and its batch's deadline, the provider's proofs; settle one, or refuse it with a reason the
 * provider reads; the whole queue as CSV.
 */
class SettlementsView implements WorkbenchViewPart {
  private state: SettlementState | '' = '';
  private readonly action: ActionController;
  private readonly confirm: ConfirmController;
  private readonly more: MoreController<Settlement>;
  private readonly reasons = new Map<string, string>();
  private readonly refusing = new Set<string>();
  private reasonError: { id: string; text: string } | undefined;
  private failedOn: string | undefined;
  private exportError: unknown;
  private readonly load: LoadTask<readonly [SettlementState | ''], SettlementPage>;

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
  ) {
    this.action = new ActionController(host);
    this.confirm = new ConfirmController(host);
    this.more = new MoreController(host, 'settlements.list');
    this.load = new LoadTask(host, {
      operation: 'settlements.list',
      args: () => [this.state] as const,
      task: ([state], { signal }) =>
        this.context.client().settlements.list({ limit: PAGE, ...(state ? { state } : {}) }, { signal }),
    });
    // Made while the shell renders, after its update began: the first run is started here, not by that update.
    queueMicrotask(() => void this.load.run());
  }

  private key(): string {
    return `settlements ${this.state}`;
  }

  private filter(state: SettlementState | ''): void {
    this.state = state;
    this.more.reset();
    this.host.requestUpdate();
  }

  private reload(): void {
    this.more.reset();
    void this.load.run();
    this.context.refresh();
  }

  private settle(item: Settlement): void {
    const amount = formatMoney(item.voucherAmount);
    const { enterpriseName, productName } = item;
    this.confirm.ask({
      title: msg('确认结算？', { id: 'center.settlement.confirm.title' }),
      text: msg(str`将为${enterpriseName}的“${productName}”结算服务券金额 ${amount}。结算后不能撤回。`, {
        id: 'center.settlement.confirm.text',
      }),
      confirm: msg('确认结算', { id: 'center.settlement.confirm.button' }),
      part: 'confirm-settle-button',
      onConfirm: () => {
        this.failedOn = item.engagementId;
        void this.action.run({
          operation: 'engagements.settle',
          body: `settle ${item.engagementId}`,
          send: ({ signal, idempotencyKey }) =>
            this.context.client().engagements.settle(item.engagementId, { signal, idempotencyKey }),
          done: () => {
            this.failedOn = undefined;
            this.context.announce(msg(str`“${productName}”已结算。`, { id: 'center.settlement.settled' }));
            this.reload();
            this.context.focus('#smec-settlements-title');
          },
          failed: () => this.context.focus(`#smec-settlement-error-${item.engagementId}`),
        });
      },
    });
  }

  private refuse(item: Settlement): void {
    const reason = (this.reasons.get(item.engagementId) ?? '').trim();
    const fieldId = `smec-refusal-${item.engagementId}`;
    if (reason.length < REASON_MIN || reason.length > REASON_MAX) {
      this.reasonError = {
        id: item.engagementId,
        text: msg(str`请填写退回原因（${REASON_MIN} 至 ${REASON_MAX} 个字）`, {
          id: 'center.settlement.reason.required',
        }),
      };
      this.host.requestUpdate();
      this.context.focus(`#${fieldId}`);
      return;
    }
    this.reasonError = undefined;
    this.failedOn = item.engagementId;
    void this.action.run({
      operation: 'engagements.refuseSettlement',
      body: `refuse ${item.engagementId} ${reason}`,
      send: ({ signal, idempotencyKey }) =>
        this.context.client().engagements.refuseSettlement(item.engagementId, reason, { signal, idempotencyKey }),
      done: () => {
        this.failedOn = undefined;
        this.reasons.delete(item.engagementId);
        this.refusing.delete(item.engagementId);
        this.context.announce(
          msg(str`已退回“${item.productName}”的结算，服务机构会收到原因。`, { id: 'center.settlement.refused' }),
        );
        this.reload();
        this.context.focus('#smec-settlements-title');
      },
      failed: () => this.context.focus(`#smec-settlement-error-${item.engagementId}`),
    });
  }

  private async openProof(proof: EngagementProof): Promise<void> {
    try {
      const blob = await this.context.client().files.get({ id: proof.file.id });
      saveBlob(blob, `${proof.file.id}.${EXTENSIONS[proof.file.mediaType]}`);
    } catch (error) {
      this.exportError = error;
      this.host.requestUpdate();
    }
  }

  private async exportCsv(): Promise<void> {
    this.exportError = undefined;
    try {
      const blob = await this.context.client().settlements.exportCsv(this.state ? { state: this.state } : {});
      saveBlob(blob, 'settlements.csv');
      this.context.announce(msg('已导出结算清单。', { id: 'center.settlement.exported' }));
    } catch (error) {
      this.exportError = error;
    }
    this.host.requestUpdate();
  }

  private renderRefusal(item: Settlement): TemplateResult {
    const fieldId = `smec-refusal-${item.engagementId}`;
    const error = this.reasonError?.id === item.engagementId ? this.reasonError.text : undefined;
    return html`<div class="field">
        <label for=${fieldId}>${msg('退回原因（服务机构可见）', { id: 'center.settlement.reason' })}</label>
        ${error ? html`<p id="${fieldId}-error" class="field-error">${error}</p>` : nothing}
        <textarea
          id=${fieldId}
          rows="2"
          maxlength=${REASON_MAX}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${fieldId}-error` : nothing}
          .value=${this.reasons.get(item.engagementId) ?? ''}
          @input=${(e: Event) => this.reasons.set(item.engagementId, (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="actions">
        <button
          type="button"
          part="refuse-button"
          class="button button-primary"
          ?disabled=${this.action.busy}
          @click=${() => this.refuse(item)}
        >
          ${msg('退回结算', { id: 'center.settlement.refuse.send' })}
        </button>
        <button
          type="button"
          class="button"
          @click=${() => {
            this.refusing.delete(item.engagementId);
            this.reasonError = undefined;
            this.host.requestUpdate();
          }}
        >
          ${msg('取消', { id: 'center.settlement.refuse.cancel' })}
        </button>
      </div>`;
  }

  private renderItem(item: Settlement): TemplateResult {
    const locale = this.context.locale();
    // A viewer (只读) sees no write buttons.
    const writes = this.context.canWrite();
    return html`<li part="settlement" class="card" data-engagement-id=${item.engagementId} data-state=${item.state}>
      <div class="card-head">
        <h4 tabindex="-1">${item.productName}</h4>
        <span part="badge" class="badge">${stateName(item.state)}</span>
      </div>
      <p>${item.enterpriseName} · ${item.providerName}</p>
      <p>${msg(str`服务券 ${item.voucherCode} · ${item.batchName}`, { id: 'center.settlement.voucher' })}</p>
      <dl class="amounts">
        <div>
          <dt>${msg('合同金额', { id: 'center.settlement.contract' })}</dt>
          <dd>${formatMoney(item.contractAmount)}</dd>
        </div>
        <div>
          <dt>${msg('服务券抵扣', { id: 'center.settlement.voucherAmount' })}</dt>
          <dd>${formatMoney(item.voucherAmount)}</dd>
        </div>
        <div>
          <dt>${msg('企业自付', { id: 'center.settlement.selfPaid' })}</dt>
          <dd>${formatMoney(item.selfPaid)}</dd>
        </div>
      </dl>
      <p class=${item.late ? 'late' : ''}>
        ${msg(str`结算截止：${formatDate(item.settleBy, locale)}`, { id: 'center.settlement.settleBy' })}
        ${item.late ? html`（${msg('已逾期', { id: 'center.settlement.late' })}）` : nothing}
      </p>
      ${
        item.refusalReason
          ? html`<p>${msg(str`退回原因：${item.refusalReason}`, { id: 'center.settlement.refusalReason' })}</p>`
          : nothing
      }
      ${
        item.proofs.length === 0
          ? html`<p class="muted">${msg('服务机构尚未提交结算材料。', { id: 'center.settlement.noProofs' })}</p>`
          : html`<ul class="proofs" aria-label=${msg('结算材料', { id: 'center.settlement.proofs' })}>
              ${item.proofs.map(
                (proof, index) =>
                  html`<li>
                    <button type="button" part="proof" @click=${() => void this.openProof(proof)}>
                      ${proofName(proof, index)}
                    </button>
                  </li>`,
              )}
            </ul>`
      }
      ${
        !writes
          ? nothing
          : this.refusing.has(item.engagementId)
            ? this.renderRefusal(item)
            : html`<div class="actions">
                <button
                  type="button"
                  part="settle-button"
                  class="button button-primary"
                  ?disabled=${this.action.busy}
                  @click=${() => this.settle(item)}
                >
                  ${msg('结算', { id: 'center.settlement.settle' })}
                </button>
                ${
                  item.state === 'waiting'
                    ? html`<button
                        type="button"
                        part="refuse-open-button"
                        class="button"
                        @click=${() => {
                          this.refusing.add(item.engagementId);
                          this.host.requestUpdate();
                          this.context.focus(`#smec-refusal-${item.engagementId}`);
                        }}
                      >
                        ${msg('退回…', { id: 'center.settlement.refuse' })}
                      </button>`
                    : nothing
                }
              </div>`
      }
      <div role="alert" id="smec-settlement-error-${item.engagementId}" tabindex="-1">
        ${this.failedOn === item.engagementId && this.action.error ? renderActionError(this.action.error) : nothing}
      </div>
    </li>`;
  }

  private renderList(first: SettlementPage): TemplateResult {
    const shown = this.more.shown(this.key(), first);
    return html`<p class="muted" part="settlement-total">
        ${msg(str`共 ${first.total} 项`, { id: 'center.settlement.total' })}
      </p>
      ${
        shown.items.length === 0
          ? html`<p class="muted">${msg('没有待结算的服务。', { id: 'center.settlement.empty' })}</p>`
          : html`<ul class="cards">
              ${shown.items.map((item) => this.renderItem(item))}
            </ul>`
      }
      ${renderMoreButton(
        this.more,
        this.key(),
        first,
        (cursor, signal) =>
          this.context
            .client()
            .settlements.list({ limit: PAGE, cursor, ...(this.state ? { state: this.state } : {}) }, { signal }),
        msg('加载更多', { id: 'center.settlement.more' }),
      )}
      ${this.more.error ? renderActionError(this.more.error) : nothing}`;
  }

  render(): unknown {
    adoptViewStyles(this.host, settlementStyles);
    return html`<section aria-labelledby="smec-settlements-title">
      <h3 id="smec-settlements-title" tabindex="-1">${msg('服务券结算', { id: 'center.settlement.title' })}</h3>
      <div class="filters">
        <div class="field">
          <label for="smec-settlement-state">${msg('状态', { id: 'center.settlement.filter' })}</label>
          <select
            id="smec-settlement-state"
            part="settlement-filter"
            .value=${this.state}
            @change=${(e: Event) => this.filter((e.target as HTMLSelectElement).value as SettlementState | '')}
          >
            <option value="">${msg('全部', { id: 'center.settlement.filter.all' })}</option>
            <option value="waiting">${stateName('waiting')}</option>
            <option value="refused">${stateName('refused')}</option>
          </select>
        </div>
        <button type="button" part="export-button" class="button" @click=${() => void this.exportCsv()}>
          ${msg('导出 CSV', { id: 'center.settlement.export' })}
        </button>
      </div>
      <div role="alert">${this.exportError ? renderActionError(this.exportError) : nothing}</div>
      ${this.load.render({
        initial: () => renderSkeleton(),
        pending: () => renderSkeleton(),
        complete: (page) => this.renderList(page),
        error: (error) => renderError(error, () => void this.load.run()),
      })}
      ${this.confirm.render()}
    </section>`;
  }
}

export function createView(host: ViewHost, context: CenterViewContext): WorkbenchViewPart {
  return new SettlementsView(host, context);
}
