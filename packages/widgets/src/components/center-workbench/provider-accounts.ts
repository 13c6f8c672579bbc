import type { AdmissionFilter, ProviderAccount, ProviderAccountPage, ProviderTransition } from '@smec/schemas';
import { FullProviders } from '@smec/sdk/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import type { ConfirmController } from '../../controllers/confirm-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { MoreController } from '../../controllers/more-controller.js';
import { fieldId, renderField } from '../../forms/field-view.js';
import { msg, str } from '../../i18n/localization.js';
import { useResources } from '../../internal/client.js';
import { formatDate } from '../../internal/format.js';
import { renderError } from '../../views/error-view.js';
import { renderMoreButton } from '../../views/more-button-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { renderActionError } from '../../workbench/action-error.js';
import { renderReasonArea, textFits } from '../../workbench/text-area-field.js';
import type { ViewHost } from '../../workbench/view-switch.js';
import { loadReferenceData, regionName, type ReferenceData } from '../catalog/reference-data.js';
import {
  ADMISSION_FILTERS,
  admissionFilterName,
  admissionName,
  PROVIDER_REASON_MAX,
  PROVIDER_REASON_MIN,
  providerStepName,
  sinceOf,
  type ProviderMove,
} from './provider-account-values.js';
import type { CenterViewContext } from './view-context.js';

// The list of the providers a center looks after is the staff's alone: the public widgets do not carry it.
useResources({ providers: FullProviders });

const PAGE = 20;

export const providerAccountsStyles = css`
  .provider-accounts {
    display: grid;
    gap: 0.75rem;
    margin-top: calc(var(--_space) * 2);
  }

  .provider-accounts h4 {
    margin: 0;
  }

  .provider-accounts .card-head h5 {
    margin: 0;
    font-size: max(1rem, var(--_min-font));
  }

  .account-find {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
  }

  .history {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
`;

/**
 * 「已入驻机构」 under the review queue: the providers of the center's region and below with their admission and its
 * history, found by name or credit code; staff who may write suspend, reinstate or remove one with a reason (a
 * removal is asked first: it is final). What a move answers replaces the provider shown.
 */
export class ProviderAccounts {
  private admission: AdmissionFilter = 'current';
  private q = '';
  /** The filters of the list shown: what was typed takes effect when the search is sent. */
  private asked: { admission: AdmissionFilter; q: string } = { admission: 'current', q: '' };
  private readonly load: LoadTask<readonly [AdmissionFilter, string], ProviderAccountPage>;
  private readonly more: MoreController<ProviderAccount>;
  private readonly move = new ActionController(this.host, (path) => (path === 'body.reason' ? 'reason' : undefined));
  /** What a move answered, shown instead of the provider as listed. */
  private readonly moved = new Map<string, ProviderAccount>();
  private readonly reasons = new Map<string, string>();
  private invalidOn: string | undefined;
  private failedOn: string | undefined;
  private reference: ReferenceData | undefined;

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
    private readonly confirm: ConfirmController,
  ) {
    this.more = new MoreController(host, 'providers.listAccounts');
    this.load = new LoadTask(host, {
      operation: 'providers.listAccounts',
      args: () => [this.asked.admission, this.asked.q] as const,
      task: ([admission, q], { signal }) =>
        this.context.client().providers.listAccounts(this.paramsOf(admission, q), { signal }),
    });
    queueMicrotask(() => void this.load.run());
    void loadReferenceData(this.context.client(), new AbortController().signal).then(
      (reference) => {
        this.reference = reference;
        this.host.requestUpdate();
      },
      // Without the names the codes are shown: the list itself does not depend on them.
      () => undefined,
    );
  }

  private paramsOf(admission: AdmissionFilter, q: string) {
    return { admission, limit: PAGE, ...(q ? { q } : {}) };
  }

  private get key(): string {
    return `${this.asked.admission} ${this.asked.q}`;
  }

  private search(event: Event): void {
    event.preventDefault();
    this.asked = { admission: this.admission, q: this.q.trim() };
    this.moved.clear();
    this.more.reset();
    void this.load.run();
  }

  private reasonError(account: ProviderAccount): string | undefined {
    const id = account.profile.id;
    if (this.invalidOn === id)
      return msg(str`请填写理由（${PROVIDER_REASON_MIN} 至 ${PROVIDER_REASON_MAX} 个字）`, {
        id: 'center.accounts.reason.required',
      });
    return this.failedOn === id ? this.move.fieldErrors.reason?.message : undefined;
  }

  private ask(account: ProviderAccount, action: ProviderMove): void {
    const id = account.profile.id;
    const reason = (this.reasons.get(id) ?? '').trim();
    if (!textFits(reason, PROVIDER_REASON_MIN, PROVIDER_REASON_MAX)) {
      this.invalidOn = id;
      this.failedOn = undefined;
      this.host.requestUpdate();
      this.context.focus(`#${fieldId(`providerReason-${id}`)}`);
      return;
    }
    this.invalidOn = undefined;
    if (action !== 'remove') {
      this.send(account, { action, reason });
      return;
    }
    const name = account.profile.name;
    this.confirm.ask({
      title: msg('移出该服务机构？', { id: 'center.accounts.remove.title' }),
      text: msg(str`“${name}”及其服务产品将退出平台，移出后不能恢复。理由将记入其记录。`, {
        id: 'center.accounts.remove.text',
      }),
      confirm: msg('确认移出', { id: 'center.accounts.remove.confirm' }),
      part: 'confirm-remove-button',
      onConfirm: () => this.send(account, { action, reason }),
    });
  }

  private send(account: ProviderAccount, body: ProviderTransition & { action: ProviderMove }): void {
    const id = account.profile.id;
    this.failedOn = id;
    void this.move.run<ProviderAccount>({
      operation: `providers.${body.action}`,
      body: JSON.stringify([id, body]),
      send: ({ signal, idempotencyKey }) =>
        this.context.client().providers.transition(id, body, { signal, idempotencyKey }),
      done: (updated) => {
        this.failedOn = undefined;
        this.reasons.delete(id);
        this.moved.set(id, updated);
        const name = updated.profile.name;
        const state = admissionName(updated.profile.admission);
        this.context.announce(msg(str`“${name}”：${state}`, { id: 'center.accounts.done' }));
        this.context.focus(`[data-provider-id="${id}"] h5`);
      },
      failed: () =>
        this.context.focus(
          this.move.fieldErrors.reason ? `#${fieldId(`providerReason-${id}`)}` : `#smec-provider-error-${id}`,
        ),
    });
  }

  private renderMoves(account: ProviderAccount): unknown {
    const { id, admission } = account.profile;
    if (!this.context.canWrite() || (admission !== 'admitted' && admission !== 'suspended')) return nothing;
    const name = `providerReason-${id}`;
    const error = this.reasonError(account);
    const busy = this.move.busy;
    const moveButton = (action: ProviderMove, part: string, label: string, danger = false) =>
      html`<button
        type="button"
        part=${part}
        class=${danger ? 'button button-danger' : 'button'}
        ?disabled=${busy}
        @click=${() => this.ask(account, action)}
      >
        ${label}
      </button>`;
    return html`${renderField({
        name,
        label: msg('理由（记入机构记录，机构可见）', { id: 'center.accounts.reason' }),
        error,
        control: renderReasonArea(name, this.reasons.get(id) ?? '', error, PROVIDER_REASON_MAX, (value) => {
          this.reasons.set(id, value);
        }),
      })}
      <div class="actions">
        ${
          admission === 'admitted'
            ? moveButton('suspend', 'suspend-button', msg('暂停服务', { id: 'center.accounts.suspend' }))
            : moveButton('reinstate', 'reinstate-button', msg('恢复服务', { id: 'center.accounts.reinstate' }))
        }
        ${moveButton('remove', 'remove-button', msg('移出平台…', { id: 'center.accounts.remove' }), true)}
      </div>`;
  }

  private renderHistory(account: ProviderAccount): unknown {
    const steps = account.timeline;
    if (steps.length === 0) return nothing;
    const locale = this.context.locale();
    return html`<details>
      <summary>${msg(str`机构记录（${steps.length}）`, { id: 'center.accounts.history' })}</summary>
      <ol part="provider-history" class="history">
        ${steps.map(
          (step) =>
            html`<li data-action=${step.action}>
              <strong>${providerStepName(step.action)}</strong> ·
              <time datetime=${step.at}>${formatDate(step.at, locale)}</time>
              ${step.reason ? html`<br />${step.reason}` : nothing}
            </li>`,
        )}
      </ol>
    </details>`;
  }

  private renderAccount(listed: ProviderAccount): TemplateResult {
    const account = this.moved.get(listed.profile.id) ?? listed;
    const { id, name, uscc, regionCode, admission } = account.profile;
    const since = sinceOf(account);
    const locale = this.context.locale();
    return html`<li part="provider-account" class="card" data-provider-id=${id} data-admission=${admission}>
      <div class="card-head">
        <h5 tabindex="-1">${name}</h5>
        <span part="badge" class="badge">${admissionName(admission)}</span>
      </div>
      <p>${uscc} · ${regionName(this.reference, regionCode)}</p>
      ${
        since
          ? html`<p class="muted">${msg(str`自 ${formatDate(since, locale)} 起`, { id: 'center.accounts.since' })}</p>`
          : nothing
      }
      ${this.renderHistory(account)} ${this.renderMoves(account)}
      <div role="alert" id="smec-provider-error-${id}" tabindex="-1">
        ${
          this.failedOn === id && this.move.error && !this.move.fieldErrors.reason
            ? renderActionError(this.move.error)
            : nothing
        }
      </div>
    </li>`;
  }

  private renderList(first: ProviderAccountPage): TemplateResult {
    const shown = this.more.shown(this.key, first);
    const { admission, q } = this.asked;
    return html`<p part="provider-account-total" class="muted" aria-live="polite">
        ${msg(str`共 ${first.total} 家`, { id: 'center.accounts.total' })}
      </p>
      ${
        shown.items.length === 0
          ? html`<p class="hint">${msg('没有符合条件的服务机构。', { id: 'center.accounts.empty' })}</p>`
          : html`<ul class="cards">
              ${shown.items.map((each) => this.renderAccount(each))}
            </ul>`
      }
      ${renderMoreButton(
        this.more,
        this.key,
        first,
        (cursor, signal) =>
          this.context.client().providers.listAccounts({ ...this.paramsOf(admission, q), cursor }, { signal }),
        msg('加载更多机构', { id: 'center.accounts.more' }),
      )}
      ${this.more.error ? renderActionError(this.more.error) : nothing}`;
  }

  private renderFind(): TemplateResult {
    return html`<form
      part="provider-account-filter"
      class="account-find"
      novalidate
      @submit=${(e: Event) => this.search(e)}
    >
      <div class="field">
        <label for="smec-account-q">${msg('名称或统一社会信用代码', { id: 'center.accounts.q' })}</label>
        <input
          id="smec-account-q"
          type="search"
          maxlength="100"
          autocomplete="off"
          .value=${this.q}
          @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="smec-account-admission">${msg('入驻状态', { id: 'center.accounts.admission' })}</label>
        <select
          id="smec-account-admission"
          .value=${this.admission}
          @change=${(e: Event) => (this.admission = (e.target as HTMLSelectElement).value as AdmissionFilter)}
        >
          ${ADMISSION_FILTERS.map((each) => html`<option value=${each}>${admissionFilterName(each)}</option>`)}
        </select>
      </div>
      <div class="actions">
        <button type="submit" part="provider-account-search" class="button">
          ${msg('查询', { id: 'center.accounts.search' })}
        </button>
      </div>
    </form>`;
  }

  render(): TemplateResult {
    return html`<section part="provider-accounts" class="provider-accounts" aria-labelledby="smec-accounts-title">
      <h4 id="smec-accounts-title">${msg('已入驻机构', { id: 'center.accounts.title' })}</h4>
      ${this.renderFind()}
      ${this.load.render({
        initial: () => renderSkeleton(),
        pending: () => renderSkeleton(),
        complete: (page) => this.renderList(page),
        error: (error) => renderError(error, () => void this.load.run()),
      })}
    </section>`;
  }
}
