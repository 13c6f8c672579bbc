import type { ApplicationStatus, ApplicationTransition, ChangeNote, ProviderApplication } from '@smec/schemas';
import { APPLICATION_FIELD_PATHS } from '@smec/schemas/rules';
import { css, html, nothing, type TemplateResult } from 'lit';
import { Files } from '@smec/sdk/core';
import { ActionController } from '../../controllers/action-controller.js';
import { ConfirmController } from '../../controllers/confirm-controller.js';
import { msg, str } from '../../i18n/localization.js';
import { useResources } from '../../internal/client.js';
import { formatDate } from '../../internal/format.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { describeError } from '../../views/error-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { listStyles } from '../../workbench/list.styles.js';
import type { ViewHost, WorkbenchViewPart } from '../../workbench/view-switch.js';
import { applicationFieldName, applicationStatusName } from './review-texts.js';
import {
  changeNotes,
  NOTE_MAX,
  openObjectionsOf,
  QUEUE_STATUSES,
  REASON_MAX,
  reasonFits,
  refusedField,
} from './review-values.js';
import { ProviderAccounts, providerAccountsStyles } from './provider-accounts.js';
import type { CenterViewContext } from './view-context.js';

// The application's files are read with the reviewer's token.
useResources({ files: Files });

const PAGE = 20;

const providersStyles = css`
  ${listStyles}
  ${providerAccountsStyles}

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
  }

  .detail {
    display: grid;
    gap: 0.75rem;
  }

  .fields {
    display: grid;
    grid-template-columns: minmax(0, 10rem) minmax(0, 1fr);
    gap: 0.25rem 0.75rem;
    margin: 0;
  }

  .fields dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .notes {
    display: grid;
    gap: 0.5rem;
  }
`;

type Move = 'approve' | 'requestChanges' | 'reject' | 'upholdObjection' | 'dismissObjection';

/**
 * The applications to join of the center's region (the review queue, a detail, and the reviewer's moves), and under
 * them the providers it admitted (「已入驻机构」), to suspend, reinstate or remove.
 */
class ProvidersView implements WorkbenchViewPart {
  private status: ApplicationStatus = 'submitted';
  private items: ProviderApplication[] = [];
  private nextCursor: string | null = null;
  private loading = true;
  private loadError: unknown;
  private opened: string | undefined;
  private loader: AbortController | undefined;
  /** What the reviewer typed, kept on every error: notes per field, reasons, objection notes. */
  private readonly notes = new Map<string, string>();
  private readonly texts = new Map<string, string>();
  private readonly localErrors = new Map<string, string>();
  private sentNotes: ChangeNote[] = [];
  private failedOn: string | undefined;
  private readonly action: ActionController<string>;
  private readonly confirm: ConfirmController;
  private readonly accounts: ProviderAccounts;

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
  ) {
    adoptViewStyles(host, providersStyles);
    this.action = new ActionController(host, (path) => refusedField(path, this.sentNotes));
    this.confirm = new ConfirmController(host);
    this.accounts = new ProviderAccounts(host, context, this.confirm);
    void this.load(true);
  }

  private async load(reset: boolean): Promise<void> {
    this.loader?.abort();
    const loader = (this.loader = new AbortController());
    this.loading = true;
    this.loadError = undefined;
    this.host.requestUpdate();
    try {
      const page = await this.context
        .client()
        .providerApplications.list(
          { status: this.status, limit: PAGE, ...(reset || !this.nextCursor ? {} : { cursor: this.nextCursor }) },
          { signal: loader.signal },
        );
      if (loader.signal.aborted) return;
      const first = this.items.length;
      this.items = reset ? page.items : [...this.items, ...page.items];
      this.nextCursor = page.nextCursor;
      if (!reset && page.items.length) this.context.focus(`.application-list > li:nth-child(${first + 1}) h4`);
    } catch (error) {
      if (loader.signal.aborted) return;
      this.loadError = error;
    }
    this.loading = false;
    this.host.requestUpdate();
  }

  private filter(status: ApplicationStatus): void {
    this.status = status;
    this.opened = undefined;
    void this.load(true);
  }

  private toggle(application: ProviderApplication): void {
    this.opened = this.opened === application.id ? undefined : application.id;
    this.host.requestUpdate();
    if (this.opened) this.context.focus(`#smec-detail-${application.id}`);
  }

  private text(key: string): string {
    return this.texts.get(key) ?? '';
  }

  private invalid(key: string, message: string): void {
    this.localErrors.set(key, message);
    this.host.requestUpdate();
    this.context.focus(`#${key}`);
  }

  /** Checks what the move needs before asking the platform; true when it may be sent. */
  private ready(application: ProviderApplication, move: Move, objectionId?: string): boolean {
    this.localErrors.clear();
    const id = application.id;
    if (move === 'reject' && !reasonFits(this.text(`smec-reason-${id}`))) {
      this.invalid(
        `smec-reason-${id}`,
        msg(str`请填写理由（2 至 ${REASON_MAX} 个字）`, { id: 'center.reason.required' }),
      );
      return false;
    }
    if (move === 'requestChanges' && changeNotes(this.notesOf(id)).length === 0) {
      this.invalid(
        `smec-note-${id}-${APPLICATION_FIELD_PATHS[0].replace('.', '-')}`,
        msg('请至少对一个字段填写补正意见', { id: 'center.changes.required' }),
      );
      return false;
    }
    if (
      (move === 'upholdObjection' || move === 'dismissObjection') &&
      !reasonFits(this.text(`smec-objection-${objectionId}`))
    ) {
      this.invalid(
        `smec-objection-${objectionId}`,
        msg(str`请填写处理意见（2 至 ${REASON_MAX} 个字）`, { id: 'center.objection.required' }),
      );
      return false;
    }
    this.host.requestUpdate();
    return true;
  }

  private notesOf(id: string): Map<string, string> {
    const notes = new Map<string, string>();
    for (const field of APPLICATION_FIELD_PATHS) notes.set(field, this.notes.get(`${id} ${field}`) ?? '');
    return notes;
  }

  private bodyOf(application: ProviderApplication, move: Move, objectionId?: string): ApplicationTransition {
    const id = application.id;
    switch (move) {
      case 'approve':
        return { action: 'approve' };
      case 'requestChanges':
        return { action: 'requestChanges', notes: (this.sentNotes = changeNotes(this.notesOf(id))) };
      case 'reject':
        return { action: 'reject', reason: this.text(`smec-reason-${id}`).trim() };
      case 'upholdObjection':
      case 'dismissObjection':
        return { action: move, objectionId: objectionId!, note: this.text(`smec-objection-${objectionId}`).trim() };
    }
  }

  private ask(application: ProviderApplication, move: Move, objectionId?: string): void {
    if (!this.ready(application, move, objectionId)) return;
    const name = application.name;
    const questions: Record<Move, [string, string, string]> = {
      approve: [
        msg('通过审核并开始公示？', { id: 'center.approve.title' }),
        msg(str`“${name}”将进入 7 天的公示期。`, { id: 'center.approve.text' }),
        msg('通过并公示', { id: 'center.approve' }),
      ],
      requestChanges: [
        msg('退回补正？', { id: 'center.changes.title' }),
        msg(str`“${name}”将收到您的补正意见，补正后重新提交。`, { id: 'center.changes.text' }),
        msg('退回补正', { id: 'center.changes' }),
      ],
      reject: [
        msg('不予通过？', { id: 'center.reject.title' }),
        msg(str`“${name}”的申请将被驳回，申请人会看到您填写的理由。`, { id: 'center.reject.text' }),
        msg('不予通过', { id: 'center.reject' }),
      ],
      upholdObjection: [
        msg('异议成立？', { id: 'center.uphold.title' }),
        msg(str`异议成立将驳回“${name}”的申请。`, { id: 'center.uphold.text' }),
        msg('异议成立', { id: 'center.uphold' }),
      ],
      dismissObjection: [
        msg('异议不成立？', { id: 'center.dismiss.title' }),
        msg(str`“${name}”的公示将继续。`, { id: 'center.dismiss.text' }),
        msg('异议不成立', { id: 'center.dismiss' }),
      ],
    };
    const [title, text, confirm] = questions[move];
    this.confirm.ask({
      title,
      text,
      confirm,
      part: `confirm-${move}-button`,
      onConfirm: () => this.send(application, move, objectionId),
    });
  }

  private send(application: ProviderApplication, move: Move, objectionId?: string): void {
    const body = this.bodyOf(application, move, objectionId);
    const client = this.context.client();
    this.failedOn = application.id;
    void this.action.run({
      operation: `providerApplications.${move}`,
      body: JSON.stringify([application.id, body]),
      send: ({ signal }) => client.providerApplications.transition(application.id, body, { signal }),
      done: (updated) => {
        this.failedOn = undefined;
        for (const key of [...this.notes.keys()]) if (key.startsWith(`${application.id} `)) this.notes.delete(key);
        this.texts.delete(`smec-reason-${application.id}`);
        if (objectionId) this.texts.delete(`smec-objection-${objectionId}`);
        this.items = this.items.map((each) => (each.id === updated.id ? updated : each));
        this.context.announce(
          msg(str`“${updated.name}”：${applicationStatusName(updated.status)}`, { id: 'center.application.done' }),
        );
        this.context.refresh();
        this.context.focus(`[data-application-id="${application.id}"] h4`);
      },
      failed: () => this.context.focus(`#smec-application-error-${application.id}`),
    });
  }

  private fieldError(key: string, field: string): unknown {
    const local = this.localErrors.get(key);
    const refused = this.failedOn && this.action.fieldErrors[field]?.message;
    const text = local ?? refused;
    return text ? html`<p class="field-error" id="${key}-error">${text}</p>` : nothing;
  }

  private renderTextarea(
    key: string,
    label: string,
    field: string,
    max: number,
    store: Map<string, string>,
    storeKey = key,
  ): TemplateResult {
    const error = this.localErrors.get(key) ?? (this.failedOn ? this.action.fieldErrors[field]?.message : undefined);
    return html`<div class="field ${error ? 'field-invalid' : ''}">
      <label for=${key}>${label}</label>
      <textarea
        id=${key}
        rows="2"
        maxlength=${max}
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${error ? `${key}-error` : nothing}
        .value=${store.get(storeKey) ?? ''}
        @input=${(event: Event) => store.set(storeKey, (event.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${this.fieldError(key, field)}
    </div>`;
  }

  private async openFile(id: string): Promise<void> {
    try {
      const blob = await this.context.client().files.get({ id });
      window.open(URL.createObjectURL(blob), '_blank', 'noopener');
    } catch (error) {
      this.context.announce(describeError(error));
    }
  }

  private renderFiles(application: ProviderApplication): TemplateResult {
    const { licence, certificates } = application.application.files;
    const file = (id: string, label: string) =>
      html`<button
        type="button"
        part="file-button"
        class="link-button"
        data-file-id=${id}
        @click=${() => this.openFile(id)}
      >
        ${label}
      </button>`;
    return html`<div class="actions">
      ${file(licence.id, msg('查看营业执照', { id: 'center.file.licence' }))}
      ${certificates.map((each, index) => file(each.id, msg(str`查看资质证书 ${index + 1}`, { id: 'center.file.certificate' })))}
    </div>`;
  }

  private renderFields(application: ProviderApplication): TemplateResult {
    const { organisation, scope, contact } = application.application;
    const rows: [string, string][] = [
      [applicationFieldName('organisation.name'), organisation.name],
      [applicationFieldName('organisation.uscc'), organisation.uscc],
      [applicationFieldName('organisation.legalRepresentative'), organisation.legalRepresentative],
      [applicationFieldName('organisation.foundedOn'), organisation.foundedOn],
      [applicationFieldName('organisation.address'), organisation.address],
      [applicationFieldName('scope.staff'), `${scope.staff} / ${scope.professionalStaff}`],
      [applicationFieldName('scope.description'), scope.description],
      [applicationFieldName('contact.name'), contact.name],
      [applicationFieldName('contact.mobile'), contact.mobile],
      [applicationFieldName('contact.email'), contact.email],
    ];
    return html`<dl part="application-fields" class="fields">
      ${rows.map(
        ([label, value]) =>
          html`<dt>${label}</dt>
            <dd>${value}</dd>`,
      )}
    </dl>`;
  }

  private renderReview(application: ProviderApplication): unknown {
    const id = application.id;
    const busy = this.action.busy;
    if (application.status === 'submitted') {
      return html`<div class="actions">
          <button
            type="button"
            part="approve-button"
            class="button button-primary"
            ?disabled=${busy}
            @click=${() => this.ask(application, 'approve')}
          >
            ${msg('通过并公示', { id: 'center.approve' })}
          </button>
        </div>
        <details part="changes">
          <summary>${msg('退回补正（按字段填写意见）', { id: 'center.changes.open' })}</summary>
          <div class="notes">
            ${APPLICATION_FIELD_PATHS.map((field) =>
              this.renderTextarea(
                `smec-note-${id}-${field.replace('.', '-')}`,
                applicationFieldName(field),
                field,
                NOTE_MAX,
                this.notes,
                `${id} ${field}`,
              ),
            )}
            <div class="actions">
              <button
                type="button"
                part="changes-button"
                class="button"
                ?disabled=${busy}
                @click=${() => this.ask(application, 'requestChanges')}
              >
                ${msg('退回补正', { id: 'center.changes' })}
              </button>
            </div>
          </div>
        </details>
        ${this.renderTextarea(`smec-reason-${id}`, msg('不予通过的理由（申请人可见）', { id: 'center.reason' }), 'reason', REASON_MAX, this.texts)}
        <div class="actions">
          <button
            type="button"
            part="reject-button"
            class="button button-danger"
            ?disabled=${busy}
            @click=${() => this.ask(application, 'reject')}
          >
            ${msg('不予通过', { id: 'center.reject' })}
          </button>
        </div>`;
    }
    if (application.status === 'publicNotice') {
      const open = openObjectionsOf(application);
      if (open.length === 0)
        return html`<p class="hint">${msg('公示期内暂无待处理的异议。', { id: 'center.objections.none' })}</p>`;
      return html`<ul class="cards">
        ${open.map(
          (objection) =>
            html`<li part="objection" class="card" data-objection-id=${objection.id}>
              <p><strong>${objection.name}</strong> · ${formatDate(objection.createdAt, this.context.locale())}</p>
              <p>${objection.reason}</p>
              ${this.renderTextarea(`smec-objection-${objection.id}`, msg('处理意见', { id: 'center.objection.note' }), 'note', REASON_MAX, this.texts)}
              <div class="actions">
                <button
                  type="button"
                  part="uphold-button"
                  class="button button-danger"
                  ?disabled=${busy}
                  @click=${() => this.ask(application, 'upholdObjection', objection.id)}
                >
                  ${msg('异议成立', { id: 'center.uphold' })}
                </button>
                <button
                  type="button"
                  part="dismiss-objection-button"
                  class="button"
                  ?disabled=${busy}
                  @click=${() => this.ask(application, 'dismissObjection', objection.id)}
                >
                  ${msg('异议不成立', { id: 'center.dismiss' })}
                </button>
              </div>
            </li>`,
        )}
      </ul>`;
    }
    return nothing;
  }

  private renderDetail(application: ProviderApplication): TemplateResult {
    const locale = this.context.locale();
    return html`<div part="application-detail" class="detail" id="smec-detail-${application.id}" tabindex="-1">
      ${this.renderFields(application)} ${this.renderFiles(application)}
      <ol class="timeline">
        ${application.timeline.map(
          (entry) =>
            html`<li>
              <time datetime=${entry.at}>${formatDate(entry.at, locale)}</time>
              ${applicationStatusName(entry.status)}${entry.note ? ` · ${entry.note}` : ''}
            </li>`,
        )}
      </ol>
      <div role="alert" id="smec-application-error-${application.id}" tabindex="-1">
        ${this.failedOn === application.id && this.action.error ? html`<p part="error" class="error">${describeError(this.action.error)}</p>` : nothing}
      </div>
      ${this.context.canWrite() ? this.renderReview(application) : nothing}
    </div>`;
  }

  private renderApplication(application: ProviderApplication): TemplateResult {
    const open = this.opened === application.id;
    const locale = this.context.locale();
    return html`<li
      part="application"
      class="card"
      data-application-id=${application.id}
      data-status=${application.status}
    >
      <div class="card-head">
        <h4 tabindex="-1">${application.name}</h4>
        <span part="badge" class="badge">${applicationStatusName(application.status)}</span>
      </div>
      <p>${application.applicationNo} · ${formatDate(application.submittedAt, locale)}</p>
      <div class="actions">
        <button
          type="button"
          part="detail-button"
          class="link-button"
          aria-expanded=${open ? 'true' : 'false'}
          @click=${() => this.toggle(application)}
        >
          ${open ? msg('收起详情', { id: 'center.detail.close' }) : msg('查看详情', { id: 'center.detail.open' })}
        </button>
      </div>
      ${open ? this.renderDetail(application) : nothing}
    </li>`;
  }

  render(): unknown {
    return html`<div class="filters">
        <div class="field">
          <label for="smec-application-status">${msg('申请状态', { id: 'center.filter.status' })}</label>
          <select
            id="smec-application-status"
            @change=${(event: Event) => this.filter((event.target as HTMLSelectElement).value as ApplicationStatus)}
          >
            ${QUEUE_STATUSES.map((status) => html`<option value=${status} ?selected=${status === this.status}>${applicationStatusName(status)}</option>`)}
          </select>
        </div>
      </div>
      ${this.loadError ? html`<p part="error" class="error" role="alert">${describeError(this.loadError)}</p>` : nothing}
      ${this.loading && this.items.length === 0 ? renderSkeleton() : nothing}
      ${!this.loading && !this.loadError && this.items.length === 0 ? html`<p class="hint">${msg('没有这一状态的申请。', { id: 'center.applications.empty' })}</p>` : nothing}
      ${
        this.items.length
          ? html`<ol class="cards application-list">
              ${this.items.map((each) => this.renderApplication(each))}
            </ol>`
          : nothing
      }
      ${
        this.nextCursor
          ? html`<div class="actions">
              <button
                type="button"
                part="more-button"
                class="button"
                ?disabled=${this.loading}
                @click=${() => this.load(false)}
              >
                ${msg('加载更多申请', { id: 'center.applications.more' })}
              </button>
            </div>`
          : nothing
      }
      ${this.accounts.render()} ${this.confirm.render()}`;
  }
}

export function createView(host: ViewHost, context: CenterViewContext): WorkbenchViewPart {
  return new ProvidersView(host, context);
}
