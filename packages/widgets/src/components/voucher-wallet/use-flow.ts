import type { Engagement, Voucher, VoucherQuote } from '@smec/schemas';
import { parseYuan, voucherMoneyUsed, voucherPayment } from '@smec/schemas/rules';
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { SmecVoucherUseEvent } from '../../events/voucher-use-event.js';
import { msg, str } from '../../i18n/localization.js';
import { validationMessage } from '../../i18n/validation-messages.js';
import { formatMoney } from '../../internal/format.js';
import type { SmecClient } from '../../internal/client.js';
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

/** A product the dialog opens with (the catalog's 「用券购买」): its price in fen, when it has one. */
export interface ProductChoice {
  id: string;
  name: string;
  price?: number | undefined;
}

/** 920000 fen → 「9200」, 12345 → 「123.45」: what a visitor would type, so the field reads as if typed. */
export function yuanText(fen: number): string {
  return (fen / 100).toFixed(fen % 100 === 0 ? 0 : 2);
}

/** What the use dialog needs of the wallet, besides being its host. */
export interface UseFlowInputs {
  client(): SmecClient;
  /** Every voucher of the enterprise, and the unused ones, the soonest to expire first. */
  vouchers(): Voucher[];
  usable(): Voucher[];
  engagements(): Engagement[];
  /** Moves the focus to `selector` in the wallet once it has rendered. */
  focus(selector: string): void;
  /** Shows the engagement just ordered, ahead of the wallet's reload. */
  remember(kind: 'engagements', engagement: Engagement): void;
  /** The platform ordered the engagement: the wallet says `message`, moves the focus there and fires `event`. */
  done(message: () => string, focus: string, event: SmecVoucherUseEvent): void;
  close(): void;
}

/**
 * The use dialog's form and everything it asks the platform: product search, quote, the order itself. One per
 * wallet, made when the dialog first opens: the order's Idempotency-Key stays with the confirmed form across a
 * closing and reopening of the dialog, so a retry of the same order is never a second one.
 */
export class UseFlow implements ReactiveController {
  /** The open dialog's form; undefined while it is closed. */
  private form: UseForm | undefined;
  private searchController: AbortController | undefined;
  private quoteController: AbortController | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private quoteTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly order: ActionController;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly inputs: UseFlowInputs,
  ) {
    this.order = new ActionController(host);
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  get opened(): boolean {
    return !!this.form;
  }

  /**
   * Opens the dialog on `voucher`, with `product` chosen when the catalog asked for one, and its price as the
   * contract amount when it has one (the visitor may change it: the contract is what was agreed).
   */
  open(voucher: Voucher, product?: ProductChoice): void {
    this.stop();
    this.form = {
      voucherId: voucher.id,
      searchText: '',
      products: undefined,
      searching: false,
      searchError: '',
      productId: product?.id,
      productName: product?.name,
      amountText: product?.price === undefined ? '' : yuanText(product.price),
      productError: '',
      amountError: '',
      formError: '',
      quote: undefined,
      quoting: false,
      submitting: false,
      recheck: false,
    };
    this.inputs.focus(product ? '#smec-amount' : '#smec-product-q');
    this.search('');
    this.scheduleQuote();
  }

  /** Closes the dialog: every timer and request stops. */
  close(): void {
    this.stop();
    this.form = undefined;
    this.host.requestUpdate();
  }

  private stop(): void {
    clearTimeout(this.quoteTimer);
    clearTimeout(this.searchTimer);
    this.quoteController?.abort();
    this.searchController?.abort();
    this.order.abort();
  }

  private patch(patch: Partial<UseForm>): void {
    if (!this.form) return;
    this.form = { ...this.form, ...patch };
    this.host.requestUpdate();
  }

  private search(text: string): void {
    this.patch({ searchText: text, searching: true, searchError: '' });
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.searchController?.abort();
      const controller = (this.searchController = new AbortController());
      searchProducts(this.inputs.client(), text.trim(), controller.signal).then(
        (products) => !controller.signal.aborted && this.patch({ products, searching: false }),
        (error: unknown) =>
          !controller.signal.aborted &&
          this.patch({ searching: false, products: [], searchError: describeActionError(error) }),
      );
    }, SEARCH_DELAY_MS);
  }

  private amountFen(form: UseForm): number | undefined {
    const fen = parseYuan(form.amountText);
    return typeof fen === 'number' && fen >= MIN_CONTRACT && fen <= MAX_CONTRACT ? fen : undefined;
  }

  private quoteKey(form: UseForm): string | undefined {
    const fen = this.amountFen(form);
    return form.productId && fen !== undefined ? `${form.voucherId}|${form.productId}|${fen}` : undefined;
  }

  /** What is left of the yearly cap as far as the wallet knows; the platform's quote has the last word. */
  private capLeft(voucher: Voucher, form: UseForm): number {
    if (form.quote) return form.quote.value.capLeft;
    const yearOf = new Map(this.inputs.vouchers().map((held) => [held.id, held.batch.year]));
    const engagements = this.inputs.engagements().map((engagement) => ({
      ...engagement,
      voucherYear: engagement.voucherId ? (yearOf.get(engagement.voucherId) ?? null) : null,
    }));
    return voucher.batch.annualCapPerEnterprise - voucherMoneyUsed(engagements, voucher.batch.year, voucher.id);
  }

  private preview(form: UseForm): Preview | undefined {
    const voucher = this.inputs.vouchers().find((v) => v.id === form.voucherId);
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
    // The words of the platform's own messages: the demand form says the same of the same text, and the platform
    // of an amount out of range.
    const fen = parseYuan(form.amountText);
    if (typeof fen === 'string') problems.amountError = validationMessage(fen);
    else if (fen < MIN_CONTRACT || fen > MAX_CONTRACT) problems.amountError = validationMessage('contract.amount');
    return problems;
  }

  /** Asks the platform for the amounts shortly after the inputs settle. */
  private scheduleQuote(): void {
    clearTimeout(this.quoteTimer);
    this.quoteController?.abort();
    if (!this.form || !this.quoteKey(this.form)) {
      this.patch({ quoting: false });
      return;
    }
    this.patch({ quoting: true });
    this.quoteTimer = setTimeout(() => void this.fetchQuote(), QUOTE_DELAY_MS);
  }

  /** The platform's quote for the current inputs, shown at once; undefined when it refused (the error is shown). */
  private async fetchQuote(): Promise<VoucherQuote | undefined> {
    const form = this.form;
    const key = form && this.quoteKey(form);
    const fen = form && this.amountFen(form);
    if (!form || !key || !form.productId || fen === undefined) return undefined;
    this.quoteController?.abort();
    const controller = (this.quoteController = new AbortController());
    try {
      const value = await quote(
        this.inputs.client(),
        form.voucherId,
        { productId: form.productId, contractAmount: fen },
        controller.signal,
      );
      if (controller.signal.aborted || !this.form || this.quoteKey(this.form) !== key) return undefined;
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
    if (this.form?.productError) this.inputs.focus('#smec-product-q');
    else if (this.form?.amountError) this.inputs.focus('#smec-amount');
  }

  private async submit(): Promise<void> {
    const form = this.form;
    if (!form || this.order.busy) return;
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
    const input = { productId: form.productId, contractAmount: fen };
    await this.order.run({
      operation: 'vouchers.use',
      // One key per confirmed form: a retry of the same order, even after reopening, is not a second one.
      body: key,
      send: ({ idempotencyKey, signal }) =>
        useVoucher(this.inputs.client(), form.voucherId, input, idempotencyKey, signal),
      done: (engagement) => {
        const message = () =>
          msg(
            str`已下单：${engagement.productName}。本券抵扣 ${formatMoney(engagement.voucherAmount)}，您需自付 ${formatMoney(engagement.selfPaid)}。`,
            { id: 'wallet.done.used' },
          );
        const event = new SmecVoucherUseEvent({
          voucherId: form.voucherId,
          engagementId: engagement.id,
          productId: engagement.productId,
          contractAmount: engagement.contractAmount,
          voucherAmount: engagement.voucherAmount,
          selfPaid: engagement.selfPaid,
        });
        // The dialog is done.
        this.close();
        this.inputs.remember('engagements', engagement);
        this.inputs.done(message, `#smec-engagement-${engagement.id}`, event);
      },
      failed: (error) => {
        this.patch(this.fieldProblem(describeUseError(error)));
        this.focusFirstError();
      },
    });
  }

  render(): TemplateResult | typeof nothing {
    const form = this.form;
    if (!form) return nothing;
    const usable = this.inputs.usable();
    return renderUseDialog({
      form: { ...form, submitting: this.order.busy },
      vouchers: usable.some((v) => v.id === form.voucherId)
        ? usable
        : [...this.inputs.vouchers().filter((v) => v.id === form.voucherId), ...usable],
      preview: this.preview(form),
      onClose: () => this.inputs.close(),
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
        const recheck = form.amountError ? this.checkForm({ ...form, amountText: text }).amountError : '';
        this.patch({ amountText: text, amountError: recheck ?? '', recheck: false });
        this.scheduleQuote();
      },
      onSubmit: () => void this.submit(),
    });
  }
}
