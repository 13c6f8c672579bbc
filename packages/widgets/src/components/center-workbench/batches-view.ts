import type { BatchActionName, VoucherBatch } from '@smec/schemas';
import { isRegionWithin, shanghaiDayOf } from '@smec/schemas/rules';
import { Categories, FullVouchers, VoucherBatches } from '@smec/sdk/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { ConfirmController } from '../../controllers/confirm-controller.js';
import { fieldId } from '../../forms/field-view.js';
import { msg, str } from '../../i18n/localization.js';
import { useResources } from '../../internal/client.js';
import { formatDate, formatMoney, formatNumber } from '../../internal/format.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { renderError } from '../../views/error-view.js';
import { renderActionError } from '../../workbench/action-error.js';
import { allPages } from '../../workbench/all-pages.js';
import { listStyles } from '../../workbench/list.styles.js';
import type { ViewHost, WorkbenchViewPart } from '../../workbench/view-switch.js';
import { BatchEditor } from './batch-editor.js';
import { batchStatusName, sizeName } from './batch-texts.js';
import type { CenterViewContext } from './view-context.js';
import { VoucherDesk } from './voucher-desk.js';
import { nearlyUsedUp } from './waiting-actions.js';

// The batch writes live only in this view's module, so the shell's first view does not carry them.
useResources({ vouchers: FullVouchers, voucherBatches: VoucherBatches, categories: Categories });

const PAGE_LIMIT = 100;

const batchesStyles = css`
  ${listStyles}

  .editor {
    display: grid;
    gap: 0.75rem;
    margin-block: 1rem;
  }

  .terms {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    min-width: 0;
  }

  .card[data-nearly-used-up] {
    border-inline-start: 4px solid var(--_warning, var(--_primary));
  }

  .history {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .find {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem;
  }
`;

/** What each move is called on its button, and what its confirmation asks. */
function moveTexts(action: BatchActionName, name: string): { button: string; title: string; text: string } {
  switch (action) {
    case 'open':
      return {
        button: msg('开放领取', { id: 'center.batch.open' }),
        title: msg('开放此批次？', { id: 'center.batch.open.title' }),
        text: msg(str`“${name}”将公开，符合条件的企业可在领取时间内先到先得。开放后面额、比例等条款不能再修改。`, {
          id: 'center.batch.open.text',
        }),
      };
    case 'pause':
      return {
        button: msg('暂停领取', { id: 'center.batch.pause' }),
        title: msg('暂停此批次？', { id: 'center.batch.pause.title' }),
        text: msg(str`暂停后企业不能再领取“${name}”，已领取的服务券不受影响。之后可以重新开放。`, {
          id: 'center.batch.pause.text',
        }),
      };
    case 'close':
      return {
        button: msg('结束批次', { id: 'center.batch.close' }),
        title: msg('结束此批次？', { id: 'center.batch.close.title' }),
        text: msg(str`结束后“${name}”不能再领取，也不能重新开放。`, { id: 'center.batch.close.text' }),
      };
  }
}

/** The moves a batch of this status allows (rules/voucher-batch.ts BATCH_MOVES). */
function movesOf(batch: VoucherBatch): BatchActionName[] {
  switch (batch.status) {
    case 'draft':
      return ['open'];
    case 'open':
      return ['pause', 'close'];
    case 'paused':
      return ['open', 'close'];
    case 'closed':
      return [];
  }
}

/**
 * The center's voucher batches (服务券): its region's batches with their quota, claim window and status, nearly used
 * up ones marked; a draft's form and an edit (If-Match); open, pause and close after a confirmation; a voucher looked
 * up and revoked; a link to the settlement queue.
 */
class BatchesView implements WorkbenchViewPart {
  private readonly confirm: ConfirmController;
  private readonly move: ActionController;
  private readonly desk: VoucherDesk;
  private batches: VoucherBatch[] | undefined;
  /** Drafts made or changed here: the platform's list is public and shows no draft. */
  private readonly drafts = new Map<string, VoucherBatch>();
  private listError: unknown;
  private editor: BatchEditor | undefined;
  private movedOn: string | undefined;

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
  ) {
    this.confirm = new ConfirmController(host);
    this.move = new ActionController(host);
    this.desk = new VoucherDesk(host, context, this.confirm, () => this.writes());
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

  /** The center's own and its lower regions' batches: the public list, filtered by issuer. */
  private ours(batch: VoucherBatch): boolean {
    const region = this.region();
    return !region || isRegionWithin(batch.issuer.regionCode, region);
  }

  private loadList(): Promise<void> {
    this.listError = undefined;
    const client = this.context.client();
    return allPages((cursor) => client.vouchers.listBatches({ limit: PAGE_LIMIT, ...(cursor ? { cursor } : {}) })).then(
      (items) => {
        const listed = items.filter((batch) => this.ours(batch));
        for (const batch of listed) this.drafts.delete(batch.id);
        this.batches = [...[...this.drafts.values()].reverse(), ...listed.reverse()];
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.listError = error;
        this.host.requestUpdate();
      },
    );
  }

  private remember(batch: VoucherBatch): void {
    if (batch.status === 'draft') this.drafts.set(batch.id, batch);
    else this.drafts.delete(batch.id);
    // Shown as the platform answered at once; the list's next load agrees.
    if (this.batches) {
      const others = this.batches.filter((each) => each.id !== batch.id);
      this.batches = this.batches.some((each) => each.id === batch.id)
        ? this.batches.map((each) => (each.id === batch.id ? batch : each))
        : [batch, ...others];
    }
  }

  private startEdit(batch?: VoucherBatch): void {
    this.editor?.action.abort();
    const focusBack = batch ? `[data-batch-id="${batch.id}"] h4` : '[part~="add-batch-button"]';
    this.editor = new BatchEditor(
      this.host,
      this.context,
      batch,
      this.region(),
      Number(shanghaiDayOf(Date.now()).slice(0, 4)),
      (saved) => {
        this.remember(saved);
        this.closeEditor(`[data-batch-id="${saved.id}"] h4`);
        void this.loadList();
      },
      () => this.closeEditor(focusBack),
    );
    this.host.requestUpdate();
    this.context.focus(batch ? '#smec-batch-form-title' : `#${fieldId('name')}`);
  }

  private closeEditor(focus: string): void {
    this.editor?.action.abort();
    this.editor = undefined;
    this.host.requestUpdate();
    this.context.focus(focus);
  }

  private askMove(batch: VoucherBatch, action: BatchActionName): void {
    const texts = moveTexts(action, batch.name);
    this.confirm.ask({
      title: texts.title,
      text: texts.text,
      confirm: texts.button,
      part: `confirm-${action}-batch-button`,
      onConfirm: () => this.sendMove(batch, action),
    });
  }

  private sendMove(batch: VoucherBatch, action: BatchActionName): void {
    this.movedOn = batch.id;
    void this.move.run<VoucherBatch>({
      operation: 'voucherBatches.transition',
      body: `${batch.id}.r${batch.revision} ${action}`,
      send: ({ signal, idempotencyKey }) =>
        this.context.client().voucherBatches.transition(batch.id, action, undefined, {
          signal,
          headers: { 'idempotency-key': idempotencyKey },
        }),
      done: (moved) => {
        this.movedOn = undefined;
        this.remember(moved);
        const name = moved.name;
        const status = batchStatusName(moved.status);
        this.context.announce(msg(str`“${name}”现为：${status}。`, { id: 'center.batch.moved' }));
        this.host.requestUpdate();
        this.context.focus(`[data-batch-id="${moved.id}"] h4`);
        void this.loadList();
      },
      failed: () => this.context.focus(`#smec-batch-move-error-${batch.id}`),
    });
  }

  private renderBatch(batch: VoucherBatch): TemplateResult {
    const locale = this.context.locale();
    const writes = this.writes();
    const used = batch.quota - batch.remaining;
    const quota = formatNumber(batch.quota, locale);
    const left = formatNumber(batch.remaining, locale);
    const usedText = formatNumber(used, locale);
    const opens = formatDate(batch.claimOpensAt, locale);
    const closes = formatDate(batch.claimClosesAt, locale);
    const scope = batch.eligibility.regionCodes.join('、') || batch.issuer.regionCode;
    const sizes = batch.eligibility.sizes.map((size) => sizeName(size)).join('、');
    const low = nearlyUsedUp(batch);
    return html`<li
      part="batch"
      class="card"
      data-batch-id=${batch.id}
      data-status=${batch.status}
      ?data-nearly-used-up=${low}
    >
      <div class="card-head">
        <h4 tabindex="-1">${batch.name}</h4>
        <span part="badge" class="badge">${batchStatusName(batch.status)}</span>
      </div>
      ${
        low
          ? html`<p>
              <span part="nearly-used-up" class="badge">${msg('即将领完', { id: 'center.batch.nearlyUsedUp' })}</span>
            </p>`
          : nothing
      }
      <p>${batch.issuer.name}</p>
      <p>${msg(str`发放范围：${scope} · ${sizes}`, { id: 'center.batch.scope' })}</p>
      <p>
        ${msg(str`面额 ${formatMoney(batch.faceValue)}，最高抵扣 ${batch.maxCoverage}%`, { id: 'center.batch.value' })}
      </p>
      <p part="quota">
        ${msg(str`已领取 ${usedText} / ${quota} 张，剩余 ${left} 张`, { id: 'center.batch.quotaUsed' })}
      </p>
      <p>${msg(str`领取时间：${opens} 至 ${closes}`, { id: 'center.batch.window' })}</p>
      ${
        writes
          ? html`<div class="actions">
              ${
                batch.status !== 'closed'
                  ? html`<button
                      type="button"
                      part="edit-batch-button"
                      class="button"
                      @click=${() => this.startEdit(batch)}
                    >
                      ${msg('编辑', { id: 'center.event.edit' })}<span class="sr-only">${batch.name}</span>
                    </button>`
                  : nothing
              }
              ${movesOf(batch).map(
                (action) =>
                  html`<button
                    type="button"
                    part="${action}-batch-button"
                    class="button"
                    ?disabled=${this.move.busy}
                    @click=${() => this.askMove(batch, action)}
                  >
                    ${moveTexts(action, batch.name).button}<span class="sr-only">${batch.name}</span>
                  </button>`,
              )}
            </div>`
          : nothing
      }
      <div role="alert" id="smec-batch-move-error-${batch.id}" tabindex="-1">
        ${this.movedOn === batch.id && this.move.error ? renderActionError(this.move.error) : nothing}
      </div>
    </li>`;
  }

  private renderList(): unknown {
    if (this.listError) return renderError(this.listError, () => void this.loadList());
    if (!this.batches) return html`<p class="muted">${msg('正在加载…', { id: 'status.loading' })}</p>`;
    if (this.batches.length === 0)
      return html`<p class="muted">${msg('本中心还没有服务券批次。', { id: 'center.batches.empty' })}</p>`;
    return html`<ul class="cards">
      ${this.batches.map((batch) => this.renderBatch(batch))}
    </ul>`;
  }

  render(): unknown {
    adoptViewStyles(this.host, batchesStyles);
    const writes = this.writes();
    return html`<div class="actions">
        ${
          writes && !this.editor
            ? html`<button
                type="button"
                part="add-batch-button"
                class="button button-primary"
                @click=${() => this.startEdit()}
              >
                ${msg('新建服务券批次', { id: 'center.batches.add' })}
              </button>`
            : nothing
        }
        ${
          this.context.has('settlements')
            ? html`<button
                type="button"
                part="settlements-link"
                class="button"
                @click=${() => this.context.show('settlements')}
              >
                ${msg('前往服务券结算', { id: 'center.batches.settlements' })}
              </button>`
            : nothing
        }
      </div>
      ${this.editor ? this.editor.render() : nothing}
      ${
        this.editor
          ? nothing
          : html`<section aria-labelledby="smec-batches-title">
              <h4 id="smec-batches-title" tabindex="-1">
                ${msg('本中心的服务券批次', { id: 'center.batches.title' })}
              </h4>
              ${this.renderList()}
            </section>`
      }
      ${this.desk.render()} ${this.confirm.render()}`;
  }
}

export function createView(host: ViewHost, context: CenterViewContext): WorkbenchViewPart {
  return new BatchesView(host, context);
}
