import { msg, str } from '../../i18n/localization.js';
import type { ServiceProduct, Voucher, VoucherQuote } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney } from '../../internal/format.js';
import { renderPrice } from '../../internal/price.js';

/** Everything the use form holds; what the visitor typed survives every error. */
export interface UseForm {
  voucherId: string;
  searchText: string;
  /** The picker's choices: undefined until the first search answers. */
  products: ServiceProduct[] | undefined;
  searching: boolean;
  searchError: string;
  productId: string | undefined;
  productName: string | undefined;
  amountText: string;
  productError: string;
  amountError: string;
  formError: string;
  /** The platform's quote and the inputs (`productId|fen`) it was made for. */
  quote: { key: string; value: VoucherQuote } | undefined;
  quoting: boolean;
  submitting: boolean;
  /** Set when the platform's amounts differ from the preview shown: the visitor confirms again. */
  recheck: boolean;
}

export interface Preview {
  voucherAmount: number;
  selfPaid: number;
  /** The platform confirmed these amounts for the current inputs. */
  confirmed: boolean;
}

export interface UseDialogOptions {
  form: UseForm;
  vouchers: Voucher[];
  preview: Preview | undefined;
  onClose: () => void;
  onVoucher: (id: string) => void;
  onSearch: (text: string) => void;
  onProduct: (product: { id: string; name: string }) => void;
  onAmount: (text: string) => void;
  onSubmit: () => void;
}

function renderChoices(options: UseDialogOptions): TemplateResult {
  const { form } = options;
  const listed = form.products ?? [];
  // A product chosen in the catalog stays a choice even when the current search does not find it.
  const chosenMissing = form.productId && !listed.some((p) => p.id === form.productId);
  const choices = [
    ...(chosenMissing ? [{ id: form.productId ?? '', name: form.productName ?? '', detail: '', fee: undefined }] : []),
    ...listed.map((p) => ({ id: p.id, name: p.name, detail: p.provider.name, fee: p.fee })),
  ];
  if (choices.length === 0) {
    if (form.products === undefined || form.searching) {
      return html`<p class="muted">${msg('正在查找服务…', { id: 'wallet.use.searching' })}</p>`;
    }
    return html`<p class="muted">${msg('没有找到可用券的服务，请换个关键词', { id: 'wallet.use.noProducts' })}</p>`;
  }
  return html`<div class="choices">
    ${choices.map(
      (choice) =>
        html`<label class="option">
          <input
            type="radio"
            name="smec-product"
            value=${choice.id}
            .checked=${choice.id === form.productId}
            aria-describedby=${form.productError ? 'smec-product-error' : nothing}
            @change=${() => options.onProduct({ id: choice.id, name: choice.name })}
          />
          <span>${choice.name}${choice.detail ? html` <span class="muted">· ${choice.detail}</span>` : nothing}</span>
          ${choice.fee ? html`<span part="product-price" class="product-price">${renderPrice(choice.fee)}</span>` : nothing}
        </label>`,
    )}
  </div>`;
}

function renderPreview(preview: Preview | undefined, form: UseForm): TemplateResult | typeof nothing {
  if (!preview) return nothing;
  const voucherPays = formatMoney(preview.voucherAmount);
  const youPay = formatMoney(preview.selfPaid);
  let check: string;
  if (preview.confirmed) check = msg('已与平台核对', { id: 'wallet.use.checked' });
  else if (form.quoting) check = msg('正在与平台核对…', { id: 'wallet.use.checking' });
  else check = msg('确认前将与平台核对', { id: 'wallet.use.willCheck' });
  return html`${msg(str`本券抵扣 ${voucherPays}，您需自付 ${youPay}`, { id: 'wallet.use.preview' })}
    <span class="muted">${msg(str`（${check}）`, { id: 'wallet.use.checkNote' })}</span>`;
}

/** The use dialog: which voucher, which product, the contract amount, what the voucher pays, confirm. */
export function renderUseDialog(options: UseDialogOptions): TemplateResult {
  const { form, vouchers, preview } = options;
  const voucher = vouchers.find((v) => v.id === form.voucherId);
  const busy = form.submitting;
  return html`<dialog part="use-dialog" class="use-dialog" aria-labelledby="smec-use-title" @close=${options.onClose}>
    <div class="dialog-head">
      <h3 id="smec-use-title" tabindex="-1">${msg('使用服务券', { id: 'wallet.use.title' })}</h3>
      <button type="button" class="button" @click=${options.onClose}>${msg('关闭', { id: 'calendar.close' })}</button>
    </div>
    <form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        if (!busy) options.onSubmit();
      }}
    >
      ${
        vouchers.length > 1
          ? html`<div class="field">
              <label for="smec-use-voucher">${msg('服务券', { id: 'wallet.use.voucher' })}</label>
              <select
                id="smec-use-voucher"
                @change=${(e: Event) => options.onVoucher((e.target as HTMLSelectElement).value)}
              >
                ${vouchers.map(
                  (v) =>
                    html`<option value=${v.id} ?selected=${v.id === form.voucherId}>
                      ${v.batch.name} · ${formatMoney(v.faceValue)} · ${v.code}
                    </option>`,
                )}
              </select>
            </div>`
          : voucher
            ? html`<p>${voucher.batch.name} · ${formatMoney(voucher.faceValue)} · ${voucher.code}</p>`
            : nothing
      }
      ${
        voucher
          ? html`<p class="muted">
              ${msg(str`最多抵扣合同金额的 ${voucher.batch.maxCoverage}%`, { id: 'voucher.coverage' })}
            </p>`
          : nothing
      }
      <fieldset part="product-picker" class="field ${form.productError ? 'invalid' : ''}">
        <legend>${msg('服务产品', { id: 'wallet.use.product' })}</legend>
        <label for="smec-product-q">${msg('搜索可用券的服务', { id: 'wallet.use.search' })}</label>
        <input
          id="smec-product-q"
          type="search"
          autocomplete="off"
          .value=${form.searchText}
          @input=${(e: Event) => options.onSearch((e.target as HTMLInputElement).value)}
        />
        ${form.searchError ? html`<p class="field-error">${form.searchError}</p>` : nothing} ${renderChoices(options)}
        <p id="smec-product-error" part="field-error" class="field-error">${form.productError}</p>
      </fieldset>
      <div class="field ${form.amountError ? 'invalid' : ''}">
        <label for="smec-amount">${msg('合同金额（元）', { id: 'wallet.use.amount' })}</label>
        <input
          id="smec-amount"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${form.amountText}
          aria-invalid=${form.amountError ? 'true' : 'false'}
          aria-describedby="smec-amount-hint smec-amount-error"
          @input=${(e: Event) => options.onAmount((e.target as HTMLInputElement).value)}
        />
        <p id="smec-amount-hint" class="muted">
          ${msg('与服务机构约定的合同总额，例如 12000 或 12000.50', { id: 'wallet.use.amount.hint' })}
        </p>
        <p id="smec-amount-error" part="field-error" class="field-error">${form.amountError}</p>
      </div>
      <p part="preview" class="preview" role="status" aria-live="polite">${renderPreview(preview, form)}</p>
      <div role="alert">
        ${form.formError ? html`<p part="error" class="error">${form.formError}</p>` : nothing}
        ${
          form.recheck
            ? html`<p class="error">
                ${msg('平台核算的金额与预览不同，已更新，请核对后再次确认。', { id: 'wallet.use.recheck' })}
              </p>`
            : nothing
        }
      </div>
      <div class="actions">
        <button
          type="submit"
          part="confirm-button"
          class="button button-primary"
          aria-disabled=${busy ? 'true' : 'false'}
        >
          ${busy ? msg('正在下单…', { id: 'wallet.use.submitting' }) : msg('确认用券下单', { id: 'wallet.use.confirm' })}
        </button>
        <button type="button" class="button" @click=${options.onClose}>${msg('取消', { id: 'wallet.cancel' })}</button>
      </div>
    </form>
  </dialog>`;
}
