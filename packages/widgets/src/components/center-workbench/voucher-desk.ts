import type { Voucher } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import type { ConfirmController } from '../../controllers/confirm-controller.js';
import { fieldId, renderField } from '../../forms/field-view.js';
import { renderTextField } from '../../forms/text-field.js';
import { msg, str } from '../../i18n/localization.js';
import { formatMoney } from '../../internal/format.js';
import { describeError } from '../../views/error-view.js';
import { renderActionError } from '../../workbench/action-error.js';
import type { ViewHost } from '../../workbench/view-switch.js';
import { voucherStatusName } from './batch-texts.js';
import type { CenterViewContext } from './view-context.js';
import { renderReasonArea } from '../../workbench/text-area-field.js';

const REASON_MIN = 2;
const REASON_MAX = 200;

/**
 * One voucher looked up by its id, with its history; a voucher still unused is revoked (作废, fraud) with a reason
 * that goes on its history, after a confirmation. The history shown is the platform's answer, revocation included.
 */
export class VoucherDesk {
  private readonly revoke = new ActionController(this.host);
  private id = '';
  private voucher: Voucher | undefined;
  private finding = false;
  private findError: unknown;
  private reason = '';
  private reasonTouched = false;

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
    private readonly confirm: ConfirmController,
    private readonly writes: () => boolean,
  ) {}

  private find(event: Event): void {
    event.preventDefault();
    const id = this.id.trim();
    if (!id) {
      this.context.focus(`#${fieldId('voucherId')}`);
      return;
    }
    this.finding = true;
    this.findError = undefined;
    this.voucher = undefined;
    this.revoke.error = undefined;
    this.host.requestUpdate();
    void this.context
      .client()
      .vouchers.get(id)
      .then(
        (voucher) => {
          this.voucher = voucher;
          this.reason = '';
          this.reasonTouched = false;
          this.context.focus('#smec-voucher-title');
        },
        (error: unknown) => {
          this.findError = error;
          this.context.focus('#smec-voucher-find-error');
        },
      )
      .finally(() => {
        this.finding = false;
        this.host.requestUpdate();
      });
  }

  private reasonError(): string | undefined {
    const length = this.reason.trim().length;
    return this.reasonTouched && (length < REASON_MIN || this.reason.length > REASON_MAX)
      ? msg(str`请填写作废原因（${REASON_MIN} 至 ${REASON_MAX} 个字）`, { id: 'center.voucher.reason.required' })
      : undefined;
  }

  private askRevoke(event: Event, voucher: Voucher): void {
    event.preventDefault();
    this.reasonTouched = true;
    if (this.reasonError()) {
      this.host.requestUpdate();
      this.context.focus(`#${fieldId('revokeReason')}`);
      return;
    }
    const code = voucher.code;
    this.confirm.ask({
      title: msg('作废此服务券？', { id: 'center.voucher.revoke.title' }),
      text: msg(str`服务券 ${code} 作废后企业不能再使用，也不能恢复。原因将记入其记录。`, {
        id: 'center.voucher.revoke.text',
      }),
      confirm: msg('确认作废', { id: 'center.voucher.revoke.confirm' }),
      part: 'confirm-revoke-button',
      onConfirm: () => this.send(voucher),
    });
  }

  private send(voucher: Voucher): void {
    const reason = this.reason.trim();
    void this.revoke.run<Voucher>({
      operation: 'vouchers.revoke',
      body: `revoke ${voucher.id} ${reason}`,
      send: ({ signal, idempotencyKey }) =>
        this.context
          .client()
          .vouchers.revoke(voucher.id, reason, { signal, headers: { 'idempotency-key': idempotencyKey } }),
      done: (revoked) => {
        this.voucher = revoked;
        this.reason = '';
        this.reasonTouched = false;
        const code = revoked.code;
        this.context.announce(msg(str`服务券 ${code} 已作废。`, { id: 'center.voucher.revoked' }));
        this.context.focus('#smec-voucher-history-title');
      },
      failed: () => this.context.focus('#smec-voucher-revoke-error'),
    });
  }

  private renderRevoke(voucher: Voucher): unknown {
    if (!this.writes() || voucher.status !== 'issued') return nothing;
    const error = this.reasonError();
    return html`<form part="revoke-form" class="editor" novalidate @submit=${(e: Event) => this.askRevoke(e, voucher)}>
        ${renderField({
          name: 'revokeReason',
          label: msg('作废原因（记入服务券记录）', { id: 'center.voucher.reason' }),
          error,
          control: renderReasonArea('revokeReason', this.reason, error, REASON_MAX, (value) => {
            this.reason = value;
            this.host.requestUpdate();
          }),
        })}
        <div class="actions">
          <button type="submit" part="revoke-button" class="button" ?disabled=${this.revoke.busy}>
            ${msg('作废服务券…', { id: 'center.voucher.revoke' })}
          </button>
        </div>
      </form>
      <div role="alert" id="smec-voucher-revoke-error" tabindex="-1">
        ${this.revoke.error ? renderActionError(this.revoke.error) : nothing}
      </div>`;
  }

  private renderVoucher(voucher: Voucher): TemplateResult {
    const locale = this.context.locale();
    const when = (iso: string) =>
      new Date(iso).toLocaleString(locale, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
    return html`<section part="voucher" class="card" data-voucher-id=${voucher.id} aria-labelledby="smec-voucher-title">
      <div class="card-head">
        <h5 id="smec-voucher-title" tabindex="-1">${voucher.code}</h5>
        <span part="badge" class="badge">${voucherStatusName(voucher.status)}</span>
      </div>
      <p>${voucher.batch.name} · ${voucher.batch.issuerName} · ${formatMoney(voucher.faceValue)}</p>
      <h6 id="smec-voucher-history-title" tabindex="-1">${msg('服务券记录', { id: 'center.voucher.history' })}</h6>
      <ol part="voucher-history" class="history">
        ${voucher.history.map(
          (entry) =>
            html`<li part="history-entry" data-status=${entry.status}>
              <strong>${voucherStatusName(entry.status)}</strong> · ${when(entry.at)} · ${entry.actor.name}
              ${entry.note ? html`<br />${entry.note}` : nothing}
            </li>`,
        )}
      </ol>
      ${this.renderRevoke(voucher)}
    </section>`;
  }

  render(): TemplateResult {
    return html`<section part="voucher-desk" class="editor" aria-labelledby="smec-voucher-desk-title">
      <h4 id="smec-voucher-desk-title">${msg('查询与作废服务券', { id: 'center.voucher.title' })}</h4>
      <form part="voucher-find" class="find" novalidate @submit=${(e: Event) => this.find(e)}>
        <div
          @input=${(e: Event) => {
            this.id = (e.target as HTMLInputElement).value;
          }}
        >
          ${renderTextField('voucherId', msg('服务券编号', { id: 'center.voucher.id' }), undefined, {
            value: this.id,
            hint: msg('例如 vch-demo-0001', { id: 'center.voucher.id.hint' }),
          })}
        </div>
        <div class="actions">
          <button type="submit" part="find-voucher-button" class="button" ?disabled=${this.finding}>
            ${msg('查询', { id: 'center.voucher.find' })}
          </button>
        </div>
      </form>
      <div role="alert" id="smec-voucher-find-error" tabindex="-1">
        ${this.findError ? html`<p part="error" class="error">${describeError(this.findError)}</p>` : nothing}
      </div>
      ${this.voucher ? this.renderVoucher(this.voucher) : nothing}
    </section>`;
  }
}
