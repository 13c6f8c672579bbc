import { DEMAND_STATUSES, DEMAND_TRANSITIONS } from '@smec/schemas/rules';
import type { DemandPage, DemandStatus, DemandTransition, Region } from '@smec/schemas';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { ConfirmController } from '../../controllers/confirm-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { MoreController } from '../../controllers/more-controller.js';
import { msg, str } from '../../i18n/localization.js';
import { formatDate } from '../../internal/format.js';
import { formatDateTime } from '../../internal/date-time.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { renderError } from '../../views/error-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { renderActionError } from '../../workbench/action-error.js';
import { listStyles } from '../../workbench/list.styles.js';
import type { ViewHost, WorkbenchViewPart } from '../../workbench/view-switch.js';
import { categoryName, loadReferenceData, regionName, type ReferenceData } from '../catalog/reference-data.js';
import { listDemands, proposeMatches, transferDemand, type DemandFilters, type StaffDemand } from './demand-api.js';
import { DemandProposer } from './demand-proposer.js';
import { budgetText } from '../../workbench/demand-budget.js';
import { deadlineText, demandStatusName, overdueName } from './demand-texts.js';
import {
  deadlinesOf,
  mayPropose,
  mayTransfer,
  proposalsLeft,
  NOTE_MAX,
  proposalFieldOf,
  REASON_MAX,
  reasonFits,
  regionsBelow,
  transferTargets,
} from './demand-values.js';
import type { CenterViewContext } from './view-context.js';
import { renderMoreButton } from '../../views/more-button-view.js';

const PAGE = 20;

const demandStyles = css`
  ${listStyles}

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 1rem;
  }

  .overdue {
    color: var(--_danger);
    font-weight: 700;
  }

  .facts {
    display: grid;
    grid-template-columns: minmax(0, 8rem) minmax(0, 1fr);
    gap: 0.25rem 0.75rem;
    margin: 0;
  }

  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .detail,
  .move,
  .proposal {
    display: grid;
    gap: 0.5rem;
    min-width: 0;
  }

  .detail p {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .actions,
  .search {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .search input {
    flex: 1 1 10rem;
    min-width: 0;
  }

  .picks,
  .proposals {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .picks li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
`;

type Move = 'accept' | 'propose' | 'transfer' | 'reject' | 'close';

/**
 * The demands (需求) of the center's region and the regions below it: an inbox with filters and the response
 * deadlines, a demand's detail with its contact and timeline, and the staff's moves on it.
 */
class DemandsView implements WorkbenchViewPart {
  private filters: DemandFilters = { status: '', region: '', overdue: false };
  private scope: string | undefined;
  private reference: ReferenceData | undefined;
  private readonly more: MoreController<StaffDemand>;
  private readonly load: LoadTask<readonly [DemandFilters], DemandPage>;
  private readonly action: ActionController<string>;
  private readonly confirm: ConfirmController;
  private opened: StaffDemand | undefined;
  private opening: string | undefined;
  private openError: unknown;
  private proposer: DemandProposer | undefined;
  /** What the staff typed for each move (reason, note, target), kept on every error. */
  private readonly texts = new Map<string, string>();
  private readonly errors = new Map<string, string>();
  private failedMove: Move | undefined;

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
  ) {
    this.more = new MoreController(host, 'demands.list');
    this.action = new ActionController(host, proposalFieldOf);
    this.confirm = new ConfirmController(host);
    this.load = new LoadTask(host, {
      operation: 'demands.list',
      args: () => [this.filters] as const,
      task: ([filters], { signal }) => listDemands(this.context.client(), filters, { limit: PAGE, signal }),
    });
    // Made while the shell renders, after its update began: the first run is started here, not by that update.
    queueMicrotask(() => void this.load.run());
    this.scope = context.regionCode() ?? undefined;
    // Names of categories and regions; codes are shown until they arrive, and if they never do.
    void loadReferenceData(this.context.client(), new AbortController().signal).then(
      (reference) => {
        this.reference = reference;
        this.host.requestUpdate();
      },
      () => undefined,
    );
  }

  private key(): string {
    const { status, region, overdue } = this.filters;
    return `demands ${status} ${region} ${overdue}`;
  }

  private filter(change: Partial<DemandFilters>): void {
    this.filters = { ...this.filters, ...change };
    this.more.reset();
    this.host.requestUpdate();
  }

  private text(field: string): string {
    return this.texts.get(field) ?? '';
  }

  private open(id: string): void {
    this.opening = id;
    this.openError = undefined;
    this.errors.clear();
    this.texts.clear();
    this.failedMove = undefined;
    this.proposer?.dispose();
    this.proposer = undefined;
    this.host.requestUpdate();
    this.context
      .client()
      .demands.get(id)
      .then(
        (demand) => {
          if (this.opening !== id) return;
          this.opening = undefined;
          this.show(demand);
          this.context.focus('#smec-demand-title');
        },
        (error: unknown) => {
          if (this.opening !== id) return;
          this.opening = undefined;
          this.openError = error;
          this.host.requestUpdate();
        },
      );
  }

  private show(demand: StaffDemand): void {
    this.opened = demand;
    if (mayPropose(demand.status) && proposalsLeft(demand) > 0) {
      this.proposer ??= new DemandProposer(
        this.host,
        () => this.context.client(),
        (selector) => this.context.focus(selector),
      );
      this.proposer.limit = proposalsLeft(demand);
    } else {
      this.proposer?.dispose();
      this.proposer = undefined;
    }
    this.host.requestUpdate();
  }

  private back(): void {
    const id = this.opened?.id;
    this.opened = undefined;
    this.proposer?.dispose();
    this.proposer = undefined;
    this.more.reset();
    void this.load.run();
    this.host.requestUpdate();
    this.context.focus(id ? `[data-demand-id="${id}"] [part~="demand-open-button"]` : '#smec-view-title');
  }

  private invalid(field: string, message: string): void {
    this.errors.clear();
    this.errors.set(field, message);
    this.host.requestUpdate();
    this.context.focus(`#smec-demand-${field}`);
  }

  private send(
    move: Move,
    body: string,
    call: (key: string, signal: AbortSignal) => Promise<StaffDemand>,
    said: string,
  ): void {
    const demand = this.opened!;
    this.failedMove = move;
    void this.action.run({
      operation: `demands.${move}`,
      body: `${demand.id} ${body}`,
      send: ({ signal, idempotencyKey }) => call(idempotencyKey, signal),
      done: (updated) => {
        this.failedMove = undefined;
        this.errors.clear();
        this.texts.clear();
        this.context.announce(said);
        this.context.refresh();
        // A transferred demand is another center's to handle (out of sight when it went up): back to the inbox.
        if (move === 'transfer') {
          this.back();
          return;
        }
        if (move === 'propose') {
          this.proposer?.dispose();
          this.proposer = undefined;
        }
        this.show(updated);
        this.context.focus('#smec-demand-title');
      },
      failed: () => {
        const fields = this.action.fieldErrors;
        if (move === 'propose' && this.proposer?.refused(fields)) return;
        const field = move === 'transfer' ? (fields['toRegion'] ? 'target' : 'transfer') : move;
        const problem = fields['reason'] ?? fields['note'] ?? fields['toRegion'];
        if (problem) this.invalid(field, problem.message);
        else this.context.focus(`#smec-demand-error-${move}`);
      },
    });
  }

  private transition(move: 'accept' | 'reject' | 'close', body: DemandTransition, said: string): void {
    const id = this.opened!.id;
    this.send(
      move,
      JSON.stringify(body),
      (idempotencyKey, signal) => this.context.client().demands.transition(id, body, { signal }),
      said,
    );
  }

  private accept(): void {
    const title = this.opened!.title;
    this.transition('accept', { action: 'accept' }, msg(str`已受理“${title}”。`, { id: 'center.demand.accepted' }));
  }

  private reject(): void {
    const demand = this.opened!;
    const reason = this.text('reject').trim();
    if (!reasonFits(reason)) {
      this.invalid(
        'reject',
        msg(str`请填写不予受理的原因（2 至 ${REASON_MAX} 个字）`, { id: 'center.demand.reject.required' }),
      );
      return;
    }
    this.errors.clear();
    this.confirm.ask({
      title: msg('不予受理这项需求？', { id: 'center.demand.reject.title' }),
      text: msg(str`“${demand.title}”将被退回，企业会看到原因：${reason}`, { id: 'center.demand.reject.text' }),
      confirm: msg('不予受理', { id: 'center.demand.reject.confirm' }),
      part: 'confirm-reject-demand-button',
      onConfirm: () =>
        this.transition(
          'reject',
          { action: 'reject', reason },
          msg(str`“${demand.title}”已不予受理，企业会看到原因。`, { id: 'center.demand.rejected' }),
        ),
    });
  }

  private close(): void {
    const demand = this.opened!;
    const note = this.text('close').trim();
    if (note.length > NOTE_MAX) {
      this.invalid('close', msg(str`说明不能超过 ${NOTE_MAX} 个字`, { id: 'center.demand.note.tooLong' }));
      return;
    }
    this.errors.clear();
    this.confirm.ask({
      title: msg('办结这项需求？', { id: 'center.demand.close.title' }),
      text: msg(str`“${demand.title}”办结后不能再推荐或转办。`, { id: 'center.demand.close.text' }),
      confirm: msg('确认办结', { id: 'center.demand.close.confirm' }),
      part: 'confirm-close-demand-button',
      onConfirm: () =>
        this.transition(
          'close',
          { action: 'close', ...(note ? { note } : {}) },
          msg(str`“${demand.title}”已办结。`, { id: 'center.demand.closed' }),
        ),
    });
  }

  private propose(): void {
    const demand = this.opened!;
    const body = this.proposer?.body();
    if (!body) return;
    const count = body.proposals.length;
    this.send(
      'propose',
      JSON.stringify(body),
      (idempotencyKey, signal) => proposeMatches(this.context.client(), demand.id, body, { signal, idempotencyKey }),
      msg(str`已为“${demand.title}”推荐 ${count} 家服务机构。`, { id: 'center.demand.proposed' }),
    );
  }

  private transfer(targets: readonly Region[]): void {
    const demand = this.opened!;
    const toRegion = this.text('target');
    const reason = this.text('transfer').trim();
    const target = targets.find((region) => region.code === toRegion);
    if (!target) {
      this.invalid('target', msg('请选择转办到的服务中心', { id: 'center.demand.transfer.targetRequired' }));
      return;
    }
    if (!reasonFits(reason)) {
      this.invalid(
        'transfer',
        msg(str`请填写转办原因（2 至 ${REASON_MAX} 个字）`, { id: 'center.demand.transfer.reasonRequired' }),
      );
      return;
    }
    this.errors.clear();
    const name = target.name;
    this.confirm.ask({
      title: msg('转办这项需求？', { id: 'center.demand.transfer.title' }),
      text: msg(str`“${demand.title}”将转给${name}的服务中心办理，原因：${reason}`, {
        id: 'center.demand.transfer.text',
      }),
      confirm: msg('确认转办', { id: 'center.demand.transfer.confirm' }),
      part: 'confirm-transfer-button',
      onConfirm: () =>
        this.send(
          'transfer',
          `${toRegion} ${reason}`,
          (idempotencyKey, signal) =>
            transferDemand(this.context.client(), demand.id, { toRegion, reason }, { signal, idempotencyKey }),
          msg(str`“${demand.title}”已转办至${name}。`, { id: 'center.demand.transferred' }),
        ),
    });
  }

  private renderDeadlines(demand: StaffDemand): unknown {
    const locale = this.context.locale();
    const deadlines = deadlinesOf(demand, Date.now());
    const overdue = demand.overdue;
    if (!deadlines.length && !overdue) return nothing;
    return html`<ul part="deadlines" class="timeline">
      ${deadlines.map(
        (deadline) =>
          html`<li part="deadline" class=${deadline.overdue ? 'overdue' : ''} data-kind=${deadline.kind}>
            ${deadline.overdue ? html`<span aria-hidden="true">⚠ </span>` : nothing}${deadlineText(deadline, locale)}
          </li>`,
      )}
      ${
        overdue && !deadlines.some((deadline) => deadline.overdue)
          ? html`<li part="deadline" class="overdue">
              <span aria-hidden="true">⚠ </span>${msg('已超过办理时限', { id: 'center.demand.overdue' })}
            </li>`
          : nothing
      }
    </ul>`;
  }

  private renderItem(demand: StaffDemand): TemplateResult {
    const locale = this.context.locale();
    const overdue = demand.overdue;
    return html`<li
      part="demand"
      class="card"
      data-demand-id=${demand.id}
      data-status=${demand.status}
      ?data-overdue=${overdue}
    >
      <div class="card-head">
        <h4>${demand.title}</h4>
        <span part="badge" class="badge">${demandStatusName(demand.status)}</span>
      </div>
      ${
        overdue
          ? html`<p part="overdue-flag" class="overdue"><span aria-hidden="true">⚠ </span>${overdueName()}</p>`
          : nothing
      }
      <p>${demand.enterprise.name}</p>
      <p class="muted">
        ${categoryName(demand.categoryId, this.reference?.categories, locale)} ·
        ${regionName(this.reference, demand.regionCode)}
      </p>
      <p class="muted">
        ${msg(str`提交于 ${formatDate(demand.submittedAt, locale)}`, { id: 'center.demand.submitted' })}
      </p>
      ${this.renderDeadlines(demand)}
      <div class="actions">
        <button
          type="button"
          part="demand-open-button"
          class="button"
          ?disabled=${this.opening === demand.id}
          @click=${() => this.open(demand.id)}
        >
          ${msg('查看详情', { id: 'center.demand.open' })}<span class="sr-only">${demand.title}</span>
        </button>
      </div>
    </li>`;
  }

  private renderList(first: DemandPage): TemplateResult {
    const shown = this.more.shown(this.key(), first);
    return html`<p class="muted" part="demand-total">
        ${msg(str`共 ${first.total} 项`, { id: 'center.demand.total' })}
      </p>
      ${
        shown.items.length === 0
          ? html`<p class="muted">${msg('没有符合条件的需求。', { id: 'center.demand.empty' })}</p>`
          : html`<ul class="cards">
              ${shown.items.map((demand) => this.renderItem(demand))}
            </ul>`
      }
      ${renderMoreButton(this.more, this.key(), first, (cursor, signal) => listDemands(this.context.client(), this.filters, { cursor, limit: PAGE, signal }), msg('加载更多', { id: 'center.demand.more' }))}
      ${this.more.error ? renderActionError(this.more.error) : nothing}`;
  }

  private renderFilters(): TemplateResult {
    const below = regionsBelow(this.scope, [...(this.reference?.regions.values() ?? [])]);
    return html`<div class="filters">
      <div class="field">
        <label for="smec-demand-status">${msg('状态', { id: 'center.demand.filter.status' })}</label>
        <select
          id="smec-demand-status"
          part="demand-status-filter"
          .value=${this.filters.status}
          @change=${(e: Event) => this.filter({ status: (e.target as HTMLSelectElement).value as DemandStatus | '' })}
        >
          <option value="">${msg('全部', { id: 'center.demand.filter.all' })}</option>
          ${DEMAND_STATUSES.map(
            (status) =>
              html`<option value=${status} ?selected=${status === this.filters.status}>
                ${demandStatusName(status)}
              </option>`,
          )}
        </select>
      </div>
      ${
        below.length
          ? html`<div class="field">
              <label for="smec-demand-region">${msg('地区', { id: 'center.demand.filter.region' })}</label>
              <select
                id="smec-demand-region"
                part="demand-region-filter"
                .value=${this.filters.region}
                @change=${(e: Event) => this.filter({ region: (e.target as HTMLSelectElement).value })}
              >
                <option value="">${msg('本中心及下级全部', { id: 'center.demand.filter.allRegions' })}</option>
                ${below.map(
                  (region) =>
                    html`<option value=${region.code} ?selected=${region.code === this.filters.region}>
                      ${region.name}
                    </option>`,
                )}
              </select>
            </div>`
          : nothing
      }
      <label class="check">
        <input
          type="checkbox"
          part="demand-overdue-filter"
          .checked=${this.filters.overdue}
          @change=${(e: Event) => this.filter({ overdue: (e.target as HTMLInputElement).checked })}
        />
        ${msg('只看已逾期', { id: 'center.demand.filter.overdue' })}
      </label>
    </div>`;
  }

  private renderField(field: string, label: string, max: number, rows = 2): TemplateResult {
    const id = `smec-demand-${field}`;
    const error = this.errors.get(field);
    return html`<div class="field ${error ? 'field-invalid' : ''}">
      <label for=${id}>${label}</label>
      ${error ? html`<p id="${id}-error" class="field-error">${error}</p>` : nothing}
      <textarea
        id=${id}
        rows=${rows}
        maxlength=${max}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        .value=${this.text(field)}
        @input=${(e: Event) => this.texts.set(field, (e.target as HTMLTextAreaElement).value)}
      ></textarea>
    </div>`;
  }

  private renderMoveError(move: Move): TemplateResult {
    const shown = this.failedMove === move && this.action.error && !this.errors.size;
    return html`<div role="alert" id="smec-demand-error-${move}" tabindex="-1">
      ${shown ? renderActionError(this.action.error) : nothing}
    </div>`;
  }

  private renderTransfer(demand: StaffDemand): TemplateResult {
    const targets = transferTargets(demand.regionCode, [...(this.reference?.regions.values() ?? [])]);
    const error = this.errors.get('target');
    return html`<fieldset part="transfer-form" class="move">
      <legend>${msg('转办', { id: 'center.demand.transfer' })}</legend>
      <p class="hint">
        ${msg('转给上级（市、省）或下级服务中心办理。转出本辖区后，本中心不再看到该需求。', {
          id: 'center.demand.transfer.hint',
        })}
      </p>
      <div class="field ${error ? 'field-invalid' : ''}">
        <label for="smec-demand-target">${msg('转办到', { id: 'center.demand.transfer.target' })}</label>
        ${error ? html`<p id="smec-demand-target-error" class="field-error">${error}</p>` : nothing}
        <select
          id="smec-demand-target"
          part="transfer-target"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'smec-demand-target-error' : nothing}
          .value=${this.text('target')}
          @change=${(e: Event) => this.texts.set('target', (e.target as HTMLSelectElement).value)}
        >
          <option value="">${msg('请选择', { id: 'center.demand.transfer.choose' })}</option>
          ${targets.map(
            (region) =>
              html`<option value=${region.code} ?selected=${region.code === this.text('target')}>
                ${region.name}
              </option>`,
          )}
        </select>
      </div>
      ${this.renderField('transfer', msg('转办原因', { id: 'center.demand.transfer.reason' }), REASON_MAX)}
      <div class="actions">
        <button
          type="button"
          part="transfer-button"
          class="button"
          ?disabled=${this.action.busy}
          @click=${() => this.transfer(targets)}
        >
          ${msg('转办', { id: 'center.demand.transfer.send' })}
        </button>
      </div>
      ${this.renderMoveError('transfer')}
    </fieldset>`;
  }

  private renderMoves(demand: StaffDemand): unknown {
    // A viewer (只读) sees no write buttons.
    if (!this.context.canWrite()) return nothing;
    const allowed = DEMAND_TRANSITIONS[demand.status];
    const busy = this.action.busy;
    return html`${
      allowed.includes('accept')
        ? html`<div class="actions">
              <button
                type="button"
                part="accept-button"
                class="button button-primary"
                ?disabled=${busy}
                @click=${() => this.accept()}
              >
                ${msg('受理', { id: 'center.demand.accept' })}
              </button>
            </div>
            ${this.renderMoveError('accept')}`
        : nothing
    }
    ${
      this.proposer
        ? html`${this.proposer.render(busy, () => this.propose())} ${this.renderMoveError('propose')}`
        : nothing
    }
    ${mayTransfer(demand.status) ? this.renderTransfer(demand) : nothing}
    ${
      allowed.includes('reject')
        ? html`<fieldset class="move">
            <legend>${msg('不予受理', { id: 'center.demand.reject' })}</legend>
            ${this.renderField('reject', msg('原因（企业可见）', { id: 'center.demand.reject.reason' }), REASON_MAX)}
            <div class="actions">
              <button
                type="button"
                part="reject-demand-button"
                class="button"
                ?disabled=${busy}
                @click=${() => this.reject()}
              >
                ${msg('不予受理', { id: 'center.demand.reject.send' })}
              </button>
            </div>
            ${this.renderMoveError('reject')}
          </fieldset>`
        : nothing
    }
    ${
      allowed.includes('close')
        ? html`<fieldset class="move">
            <legend>${msg('办结', { id: 'center.demand.close' })}</legend>
            ${this.renderField('close', msg('办结说明（可选）', { id: 'center.demand.close.note' }), NOTE_MAX)}
            <div class="actions">
              <button
                type="button"
                part="close-demand-button"
                class="button"
                ?disabled=${busy}
                @click=${() => this.close()}
              >
                ${msg('办结', { id: 'center.demand.close.send' })}
              </button>
            </div>
            ${this.renderMoveError('close')}
          </fieldset>`
        : nothing
    }`;
  }

  private renderDetail(demand: StaffDemand): TemplateResult {
    const locale = this.context.locale();
    return html`<article part="demand-detail" class="detail" aria-labelledby="smec-demand-title">
      <div class="actions">
        <button type="button" part="back-button" class="button" @click=${() => this.back()}>
          ${msg('返回需求列表', { id: 'center.demand.back' })}
        </button>
      </div>
      <div class="card-head">
        <h4 id="smec-demand-title" tabindex="-1">${demand.title}</h4>
        <span part="badge" class="badge">${demandStatusName(demand.status)}</span>
      </div>
      ${this.renderDeadlines(demand)}
      <dl class="facts">
        <dt>${msg('企业', { id: 'center.demand.enterprise' })}</dt>
        <dd>${demand.enterprise.name}（${demand.enterprise.uscc}）</dd>
        <dt>${msg('服务类别', { id: 'center.demand.category' })}</dt>
        <dd>${categoryName(demand.categoryId, this.reference?.categories, locale)}</dd>
        <dt>${msg('地区', { id: 'center.demand.region' })}</dt>
        <dd>${regionName(this.reference, demand.regionCode)}</dd>
        <dt>${msg('预算', { id: 'center.demand.budget' })}</dt>
        <dd>${budgetText(demand.budget)}</dd>
        <dt>${msg('期望完成', { id: 'center.demand.expectedBy' })}</dt>
        <dd>
          ${demand.expectedBy ? formatDate(demand.expectedBy, locale) : msg('未填写', { id: 'center.demand.noDate' })}
        </dd>
        <dt>${msg('联系人', { id: 'center.demand.contact' })}</dt>
        <dd part="demand-contact">
          ${demand.contact.name} · ${demand.contact.phone}
          ${
            demand.contactShared
              ? nothing
              : html`<br /><span class="muted">
                    ${msg('企业未同意向服务机构提供联系方式，请由中心转达。', { id: 'center.demand.contactNotShared' })}
                  </span>`
          }
        </dd>
        <dt>${msg('查询编号', { id: 'center.demand.trackingNo' })}</dt>
        <dd>${demand.trackingNo}</dd>
      </dl>
      <p>${demand.description}</p>
      ${
        demand.rejectReason
          ? html`<p>${msg(str`不予受理原因：${demand.rejectReason}`, { id: 'center.demand.rejectReason' })}</p>`
          : nothing
      }
      ${
        demand.matches.length
          ? html`<h5>${msg('已推荐', { id: 'center.demand.matches' })}</h5>
              <ul part="demand-matches" class="timeline">
                ${demand.matches.map(
                  (match) =>
                    html`<li>
                      <strong>${match.providerName}</strong>${match.productName ? ` · ${match.productName}` : ''}
                      ${match.note ? html`<span class="muted">— ${match.note}</span>` : nothing}
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      <h5>${msg('办理进度', { id: 'center.demand.timeline' })}</h5>
      <ol part="demand-timeline" class="timeline">
        ${demand.timeline.map(
          (entry) =>
            html`<li>
              <strong>
                ${
                  entry.kind === 'transferred' && entry.toRegion
                    ? msg(str`转办至${regionName(this.reference, entry.toRegion)}`, {
                        id: 'center.demand.timeline.transferred',
                      })
                    : demandStatusName(entry.status)
                }
              </strong>
              <time datetime=${entry.at}>${formatDateTime(entry.at, locale)}</time>
              ${entry.note ? html`<span>— ${entry.note}</span>` : nothing}
            </li>`,
        )}
      </ol>
      ${this.renderMoves(demand)}
    </article>`;
  }

  render(): unknown {
    adoptViewStyles(this.host, demandStyles);
    const opened = this.opened;
    return html`${
      opened
        ? this.renderDetail(opened)
        : html`${this.renderFilters()}
            <div role="alert">${this.openError ? renderActionError(this.openError) : nothing}</div>
            ${this.load.render({
              initial: () => renderSkeleton(),
              pending: () => renderSkeleton(),
              complete: (page) => this.renderList(page),
              error: (error) => renderError(error, () => void this.load.run()),
            })}`
    }
    ${this.confirm.render()}`;
  }
}

export function createView(host: ViewHost, context: CenterViewContext): WorkbenchViewPart {
  return new DemandsView(host, context);
}
