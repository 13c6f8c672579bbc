import type { Engagement, Voucher, VoucherQuote } from '@smec/schemas';
import { voucherPayment } from '@smec/schemas/rules';
import { createIdempotencyKey } from '@smec/sdk/core';
import type { TemplateResult } from 'lit';
import { SmecVoucherUseEvent } from '../../events/voucher-use-event.js';
import { msg, str } from '../../i18n/localization.js';
import { formatMoney } from '../../internal/format.js';
import type { SmecClient } from '../../internal/client.js';
import { parseYuan } from './money-input.js';
import { renderUseDialog, type Preview, type UseForm } from './use-dialog.js';
import { quote, searchProducts, useVoucher } from './use-api.js';
import { describeUseError, type FieldProblem } from './use-errors.js';
import { describeActionError } from './wallet-texts.js';

export { default as dialogStyles } from './dialogs.styles.js';

// Using a voucher is a few visitors' business, once in a while: the wallet fetches this module when the use dialog
// first opens, so the wallet's first download leaves it out.

/** The smallest and largest contract amounts the platform takes, in fen (¥1 … ¥100,000,000). */
const MIN_CONTRACT = 100;
const MAX_CONTRACT = 10_000_000_000;
const SEARCH_DELAY_MS = 250;
const QUOTE_DELAY_MS = 400;

/** What the use dialog needs of the wallet. */
export interface UseFlowHost {
  requestUpdate(): void;
  client(): SmecClient;
  /** Every voucher of the enterprise, and the unused ones, the soonest to expire first. */
  vouchers(): Voucher[];
  usable(): Voucher[];
  engagements(): Engagement[];
  /** Moves the focus to `selector` in the wallet once it has rendered. */
  focus(selector: string): void;
  /** The platform ordered the engagement; the dialog is done. The wallet says `message` and fires `event`. */
  ordered(engagement: Engagement, message: string, event: SmecVoucherUseEvent): void;
  close(): void;
  /** One key per confirmed form, kept by the wallet: a retry of the same order, even after reopening, is not a second one. */
  idempotency: { key: string; value: string } | undefined;
}

/** The use dialog's form and everything it asks the platform: product search, quote, the order itself. */
export class UseFlow {
  form: UseForm;
  private searchController: AbortController | undefined;
  private quoteController: AbortController | undefined;
  private submitController: AbortController | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private quoteTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly host: UseFlowHost,
    voucher: Voucher,
    product?: { id: string; name: string },
  ) {
    this.form = {
      voucherId: voucher.id,
      searchText: '',
      products: undefined,
      searching: false,
      searchError: '',
      productId: product?.id,
      productName: product?.name,
      amountText: '',
      productError: '',
      amountError: '',
      formError: '',
      quote: undefined,
      quoting: false,
      submitting: false,
      recheck: false,
    };
    host.focus(product ? '#smec-amount' : '#smec-product-q');
    this.search('');
  }

  /** Stops every timer and request: the dialog closed. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.quoteTimer);
    clearTimeout(this.searchTimer);
    for (const controller of [this.quoteController, this.searchController, this.submitController]) controller?.abort();
  }

  private patch(patch: Partial<UseForm>): void {
    this.form = { ...this.form, ...patch };
    this.host.requestUpdate();
  }

  private search(text: string): void {
    this.patch({ searchText: text, searching: true, searchError: '' });
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.searchController?.abort();
      const controller = (this.searchController = new AbortController());
      searchProducts(this.host.client(), text.trim(), controller.signal).then(
        (products) => !controller.signal.aborted && this.patch({ products, searching: false }),
        (error: unknown) =>
          !controller.signal.aborted &&
          this.patch({ searching: false, products: [], searchError: describeActionError(error) }),
      );
    }, SEARCH_DELAY_MS);
  }

  private amountFen(form: UseForm): number | undefined {
    const fen = parseYuan(form.amountText);
    return fen !== undefined && fen >= MIN_CONTRACT && fen <= MAX_CONTRACT ? fen : undefined;
  }

  private quoteKey(form: UseForm): string | undefined {
    const fen = this.amountFen(form);
    return form.productId && fen !== undefined ? `${form.voucherId}|${form.productId}|${fen}` : undefined;
  }

  /** What is left of the yearly cap as far as the wallet knows; the platform's quote has the last word. */
  private capLeft(voucher: Voucher, form: UseForm): number {
    if (form.quote) return form.quote.value.capLeft;
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const used = this.host
      .engagements()
      .filter((e) => e.voucherId && e.status !== 'cancelled' && new Date(e.createdAt).getUTCFullYear() === year)
      .reduce((sum, e) => sum + e.voucherAmount, 0);
    return voucher.batch.annualCapPerEnterprise - used;
  }

  private preview(form: UseForm): Preview | undefined {
    const voucher = this.host.vouchers().find((v) => v.id === form.voucherId);
    const fen = this.amountFen(form);
    if (!voucher || fen === undefined) return undefined;
    const key = this.quoteKey(form);
    if (form.quote && form.quote.key === key) {
      return { voucherAmount: form.quote.value.voucherAmount, selfPaid: form.quote.value.selfPaid, confirmed: true };
    }
    const local = voucherPayment({
      faceValue: voucher.faceValue,
      maxCoverage: voucher.batch.maxCoverage,
      contractAmount: fen,
      capLeft: this.capLeft(voucher, form),
    });
    return { voucherAmount: local.voucherAmount, selfPaid: local.selfPaid, confirmed: false };
  }

  /** Field problems found without asking the platform; empty when the form can be sent. */
  private checkForm(form: UseForm): Partial<UseForm> {
    const problems: Partial<UseForm> = { productError: '', amountError: '' };
    if (!form.productId) problems.productError = msg('请选择一项服务。', { id: 'wallet.use.productRequired' });
    const fen = parseYuan(form.amountText);
    if (!form.amountText.trim()) {
      problems.amountError = msg('请填写合同金额。', { id: 'wallet.use.amountRequired' });
    } else if (fen === undefined) {
      problems.amountError = msg('请填写以元为单位的金额，最多两位小数，例如 12000.50。', {
        id: 'wallet.use.amountInvalid',
      });
    } else if (fen < MIN_CONTRACT || fen > MAX_CONTRACT) {
      problems.amountError = msg('合同金额须在 ¥1 至 ¥100,000,000 之间。', { id: 'wallet.use.amountRange' });
    }
    return problems;
  }

  /** Asks the platform for the amounts shortly after the inputs settle. */
  private scheduleQuote(): void {
    clearTimeout(this.quoteTimer);
    this.quoteController?.abort();
    if (!this.quoteKey(this.form)) {
      this.patch({ quoting: false });
      return;
    }
    this.patch({ quoting: true });
    this.quoteTimer = setTimeout(() => void this.fetchQuote(), QUOTE_DELAY_MS);
  }

  /** The platform's quote for the current inputs, shown at once; undefined when it refused (the error is shown). */
  private async fetchQuote(): Promise<VoucherQuote | undefined> {
    const form = this.form;
    const key = this.quoteKey(form);
    const fen = this.amountFen(form);
    if (!key || !form.productId || fen === undefined) return undefined;
    this.quoteController?.abort();
    const controller = (this.quoteController = new AbortController());
    try {
      const value = await quote(
        this.host.client(),
        form.voucherId,
        { productId: form.productId, contractAmount: fen },
        controller.signal,
      );
      if (controller.signal.aborted || this.quoteKey(this.form) !== key) return undefined;
      this.patch({ quote: { key, value }, quoting: false, productError: '', amountError: '', formError: '' });
      return value;
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      this.patch({ quoting: false, ...this.fieldProblem(describeUseError(error)) });
      return undefined;
    }
  }

  private fieldProblem(problem: FieldProblem): Partial<UseForm> {
    if (problem.field === 'product') return { productError: problem.text };
    if (problem.field === 'amount') return { amountError: problem.text };
    return { formError: problem.text };
  }

  private focusFirstError(): void {
    if (this.disposed) return;
    if (this.form.productError) this.host.focus('#smec-product-q');
    else if (this.form.amountError) this.host.focus('#smec-amount');
  }

  private async submit(): Promise<void> {
    const form = this.form;
    const problems = this.checkForm(form);
    this.patch({ ...problems, formError: '', recheck: false });
    if (problems.productError || problems.amountError) {
      this.focusFirstError();
      return;
    }
    const key = this.quoteKey(form);
    const fen = this.amountFen(form);
    if (!key || !form.productId || fen === undefined) return;
    const shown = this.preview(form);
    let confirmed = form.quote?.key === key ? form.quote.value : undefined;
    if (!confirmed) {
      clearTimeout(this.quoteTimer);
      this.patch({ quoting: true });
      confirmed = await this.fetchQuote();
      if (!confirmed) {
        this.focusFirstError();
        return;
      }
      // The visitor confirms the amounts they saw: if the platform's differ, they see the new ones first.
      if (!shown || shown.voucherAmount !== confirmed.voucherAmount || shown.selfPaid !== confirmed.selfPaid) {
        this.patch({ recheck: true });
        return;
      }
    }
    const host = this.host;
    if (host.idempotency?.key !== key) host.idempotency = { key, value: createIdempotencyKey() };
    const idempotencyKey = host.idempotency.value;
    this.submitController?.abort();
    const controller = (this.submitController = new AbortController());
    this.patch({ submitting: true });
    try {
      const input = { productId: form.productId, contractAmount: fen };
      const engagement = await useVoucher(host.client(), form.voucherId, input, idempotencyKey, controller.signal);
      host.idempotency = undefined;
      const pays = formatMoney(engagement.voucherAmount);
      const rest = formatMoney(engagement.selfPaid);
      const message = msg(str`已下单：${engagement.productName}。本券抵扣 ${pays}，您需自付 ${rest}。`, {
        id: 'wallet.done.used',
      });
      const event = new SmecVoucherUseEvent({
        voucherId: form.voucherId,
        engagementId: engagement.id,
        productId: engagement.productId,
        contractAmount: engagement.contractAmount,
        voucherAmount: engagement.voucherAmount,
        selfPaid: engagement.selfPaid,
      });
      host.ordered(engagement, message, event);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.patch({ submitting: false, ...this.fieldProblem(describeUseError(error)) });
      this.focusFirstError();
    }
  }

  render(): TemplateResult {
    const form = this.form;
    const usable = this.host.usable();
    return renderUseDialog({
      form,
      vouchers: usable.some((v) => v.id === form.voucherId)
        ? usable
        : [...this.host.vouchers().filter((v) => v.id === form.voucherId), ...usable],
      preview: this.preview(form),
      onClose: () => this.host.close(),
      onVoucher: (id) => {
        this.patch({ voucherId: id, quote: undefined });
        this.scheduleQuote();
      },
      onSearch: (text) => this.search(text),
      onProduct: (product) => {
        this.patch({ productId: product.id, productName: product.name, productError: '', formError: '' });
        this.scheduleQuote();
      },
      onAmount: (text) => {
        // Only a problem already shown is re-checked while typing: nobody is scolded mid-number.
        const recheck = this.form.amountError ? this.checkForm({ ...this.form, amountText: text }).amountError : '';
        this.patch({ amountText: text, amountError: recheck ?? '', recheck: false });
        this.scheduleQuote();
      },
      onSubmit: () => void this.submit(),
    });
  }
}
