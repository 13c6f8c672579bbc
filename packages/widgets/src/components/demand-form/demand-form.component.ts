import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { Demand, DemandStatusView } from '@smec/schemas';
import { textLength, todayInShanghai } from '@smec/schemas/rules';
import {
  createIdempotencyKey,
  isSmecNotFoundError,
  isSmecRateLimitError,
  isSmecValidationError,
  type SmecRateLimitError,
} from '@smec/sdk/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SmecDemandSubmitEvent } from '../../events/demand-submit-event.js';
import { SmecErrorEvent } from '../../events/error-event.js';
import { msg, resolveLocale, str } from '../../i18n/localization.js';
import { clientContext, ownClient, type SmecClient, useResources } from '../../internal/client.js';
import { formatNumber } from '../../internal/format.js';
import { adoptViewStyles, Lazy } from '../../internal/lazy.js';
import type { LookupPhase } from './lookup-view.js';
import { SmecElement } from '../../internal/smec-element.js';
import { categoryName, countiesOf, loadReferenceData } from '../catalog/reference-data.js';
import { describeError } from '../catalog/status.js';
import { themeStyles } from '../../styles/theme.styles.js';
import styles from './demand-form.styles.js';
import { defaultDraftKey, deleteDraft, readDraft, writeDraft, type PendingSubmission } from './draft.js';
import { describedBy, fieldId, renderErrorSummary, renderField, renderFieldError } from './field-view.js';
import {
  EMPTY_VALUES,
  FORM_FIELDS,
  LOOKUP_FIELDS,
  checkField,
  checkLookupField,
  fieldOfPath,
  toDemandInput,
  type DemandFormValues,
  type FieldProblem,
  type FormField,
  type LookupField,
  type LookupValues,
} from './fields.js';
import { rateLimitText } from './rate-limit.js';
import { Demands } from '@smec/sdk/core';

// The SDK calls this module makes (see internal/client.ts).
useResources({ demands: Demands });

// What shows after a submission or a lookup: fetched when one starts, so it is usually there before the answer.
const successView = new Lazy(() => import('./success-view.js'));
// The platform's validation texts: fetched when the visitor first focuses the form, which is always before a field
// can be wrong; an untouched form never needs them.
const validationTexts = new Lazy(() => import('../../i18n/validation-messages.js'));
// The lookup mode with the status view it shows: only pages that follow a demand need them.
const lookupView = new Lazy(() => import('./lookup-view.js'));

const DRAFT_DEBOUNCE_MS = 400;
const DESCRIPTION_MAX = 1000;

type Phase = 'editing' | 'submitting' | 'failed' | 'success';
type Problems = Partial<Record<FormField | LookupField, FieldProblem>>;

/** What the catalog's 「我要咨询」 (or a host page) fills in. */
export interface DemandPrefill {
  productId?: string | null | undefined;
  categoryId?: string | null | undefined;
  regionCode?: string | null | undefined;
}

/** The input names that belong to another field's validation. */
const FIELD_OF_INPUT: Record<string, FormField> = { county: 'city', negotiable: 'budgetAmount' };

/**
 * @summary A service demand form for an enterprise, with no account needed, and the lookup of a demand's progress.
 *
 * The company, the need and the contact, each in a fieldset; a field is checked when it is left and everything on
 * submit, with the shared schema of `@smec/schemas`, so the words next to a field are the platform's. A failed submit
 * shows an error summary that takes the focus. The draft is kept in localStorage as the visitor types (without the
 * consent tick, which must be given anew) and deleted after success. One submission keeps one Idempotency-Key until
 * it succeeds, so a double click, a retry after a network failure or a reload never makes a second demand.
 *
 * @attribute lang - The language of the texts: zh-CN (default), en or zh-HK. Without it, the nearest ancestor's `lang`.
 *
 * @fires smec-demand-submit - {SmecDemandSubmitEvent} The platform accepted the visitor's demand.
 * @fires smec-error - {SmecErrorEvent} Categories, regions, a submission or a lookup failed (the form shows it too).
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - The form's heading.
 * @csspart error-summary - The list of problems shown after a failed submit.
 * @csspart fieldset - A group of fields.
 * @csspart field - One field: label, hint, error and control.
 * @csspart counter - The description's character count.
 * @csspart submit-button - The submit (or lookup) button.
 * @csspart submit-error - The message of a failed submission (network, rate limit …).
 * @csspart retry-button - The button that sends the same submission again.
 * @csspart success - The view after a successful submit.
 * @csspart tracking-no - The tracking number.
 * @csspart copy-button - The button that copies the tracking number.
 * @csspart status-view - The found demand in lookup mode.
 * @csspart current-status - Its current status.
 * @csspart timeline - Its timeline (an ordered list).
 * @csspart matches - The providers matched with it.
 * @csspart error - The box of a failed load of categories and regions.
 *
 * @cssproperty --smec-color-primary - Buttons, links and focus rings.
 * @cssproperty --smec-color-on-primary - Text on primary buttons.
 * @cssproperty --smec-color-text - Body text.
 * @cssproperty --smec-color-muted - Secondary text.
 * @cssproperty --smec-color-surface - Background.
 * @cssproperty --smec-color-border - Borders of fields.
 * @cssproperty --smec-color-danger - Error messages.
 * @cssproperty --smec-radius - Corner radius of fields and buttons.
 * @cssproperty --smec-space - The base spacing unit.
 * @cssproperty --smec-font-family - Font; by default the host page's.
 */
export class SmecDemandForm extends SmecElement {
  static override styles = [themeStyles, styles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private pending: PendingSubmission | undefined;
  private abort: AbortController | undefined;
  private focusAfterUpdate: string | undefined;

  private readonly referenceTask = new Task(this, {
    task: async ([client], { signal }) => {
      try {
        return await loadReferenceData(client, signal);
      } catch (error) {
        if (!signal.aborted) this.dispatchEvent(new SmecErrorEvent(error, 'reference.list'));
        throw error;
      }
    },
    args: () => [this.activeClient] as const,
  });

  @consume({ context: clientContext, subscribe: true })
  @state()
  private rootClient?: SmecClient;

  @state() private values: DemandFormValues = { ...EMPTY_VALUES };
  @state() private problems: Problems = {};
  @state() private summaryShown = false;
  @state() private phase: Phase = 'editing';
  @state() private failure: unknown;
  @state() private result: Demand | undefined;
  @state() private copyStatus = '';

  @state() private lookupValues: LookupValues = { trackingNo: '', phone: '' };
  @state() private lookupPhase: LookupPhase = 'editing';
  @state() private lookupResult: DemandStatusView | undefined;

  /** Base URL of the platform API; default: the platform that served the script. Not used inside `<smec-root>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** An SDK client to use instead of the enclosing root's or one built from `api-base`. */
  @property({ attribute: false }) client?: SmecClient;

  /** `form` (default) to submit a demand, `lookup` to follow one by tracking number and phone. */
  @property({ reflect: true }) mode: 'form' | 'lookup' = 'form';

  /** The service category filled in (e.g. `legal`). */
  @property() category?: string;

  /** The region filled in: a city or county code (e.g. `440604`). */
  @property() region?: string;

  /** The product the demand is about, when it comes from the catalog. */
  @property({ attribute: 'product-id' }) productId?: string;

  /** The localStorage key of the draft; default `smec-demand-draft:<the page's path>`. */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /** Keep no draft in the browser (e.g. on a shared computer in a service hall). */
  @property({ attribute: 'no-draft', type: Boolean }) noDraft = false;

  /** `dark` or `light` to force a colour scheme; by default the visitor's system setting is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.saveDraftNow();
    this.abort?.abort();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) {
      this.restoreDraft();
      // A prefill attribute fills a field the draft left empty: the visitor's own typing wins.
      this.applyPrefill({ productId: this.productId, categoryId: this.category, regionCode: this.region }, false);
      return;
    }
    if (changed.has('productId') || changed.has('category') || changed.has('region')) {
      const patch: DemandPrefill = {};
      if (changed.has('productId')) patch.productId = this.productId;
      if (changed.has('category')) patch.categoryId = this.category;
      if (changed.has('region')) patch.regionCode = this.region;
      this.applyPrefill(patch, true);
    }
  }

  override updated(): void {
    if (!this.focusAfterUpdate) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterUpdate);
    // A view still on its way takes the focus when it arrives (its arrival updates the element again).
    if (!target && (this.phase === 'success' || this.mode === 'lookup')) return;
    this.focusAfterUpdate = undefined;
    target?.focus();
  }

  /**
   * Fills in the product, category and region (what the catalog's 「我要咨询」 does), shows the form and moves the
   * focus to its heading.
   */
  prefill(prefill: DemandPrefill): void {
    if (this.phase === 'success') this.startAgain();
    this.mode = 'form';
    this.applyPrefill(prefill, true);
    this.scheduleDraft();
    this.focusAfterUpdate = '#smec-df-heading';
    this.requestUpdate();
    this.scrollIntoView?.({ block: 'start' });
  }

  /** Loads the categories and regions again (the retry button does this). */
  reload(): void {
    void this.referenceTask.run();
  }

  /** The client in use: the `client` property, else the enclosing root's, else one built from `api-base`. */
  private get activeClient(): SmecClient {
    return this.client ?? this.rootClient ?? ownClient({ apiBase: this.apiBase, locale: resolveLocale(this) });
  }

  private get storageKey(): string | undefined {
    if (this.noDraft) return undefined;
    return this.draftKey?.trim() || defaultDraftKey();
  }

  private restoreDraft(): void {
    const key = this.storageKey;
    const draft = key ? readDraft(key) : undefined;
    if (!draft) return;
    this.values = { ...EMPTY_VALUES, ...draft.values, consent: false };
    this.pending = draft.pending;
  }

  private applyPrefill(prefill: DemandPrefill, overwrite: boolean): void {
    const next = { ...this.values };
    const take = (name: 'productId' | 'categoryId', value: string | null | undefined) => {
      if (value === undefined) return;
      if (overwrite || !next[name]) next[name] = value ?? '';
    };
    take('productId', prefill.productId);
    take('categoryId', prefill.categoryId);
    const region = prefill.regionCode;
    if (region !== undefined && (overwrite || !next.city)) {
      // Province-wide codes (440000) leave the region to the visitor.
      const code = region && /^\d{6}$/.test(region) && !region.endsWith('0000') ? region : '';
      next.city = code ? `${code.slice(0, 4)}00` : '';
      next.county = code.endsWith('00') ? '' : code;
    }
    this.values = next;
  }

  private scheduleDraft(): void {
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.saveDraftNow(), DRAFT_DEBOUNCE_MS);
  }

  private saveDraftNow(): void {
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    const key = this.storageKey;
    if (!key || this.phase === 'success' || this.mode !== 'form') return;
    writeDraft(key, this.values, this.pending);
  }

  private problemText(problem: FieldProblem | undefined): string | undefined {
    if (!problem) return undefined;
    if (problem.text) return problem.text;
    const texts = validationTexts.get(this);
    // Still on their way (a few milliseconds at most): the field is marked at once, and its words follow.
    if (!texts) return problem.serverText ?? ' ';
    return problem.serverText && !texts.isMessageKey(problem.key)
      ? problem.serverText
      : texts.validationMessage(problem.key);
  }

  private readonly prepareValidation = () => {
    validationTexts.load().catch(() => undefined);
  };

  private setProblem(field: FormField | LookupField, key: string | undefined): void {
    const next = { ...this.problems };
    if (key) next[field] = { key };
    else delete next[field];
    this.problems = next;
  }

  private handleInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const name = target.name as keyof DemandFormValues;
    if (!(name in EMPTY_VALUES)) return;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    const next = { ...this.values, [name]: value };
    if (name === 'city') next.county = '';
    this.values = next;
    // A field in error is checked as the visitor corrects it, so the message goes away as soon as it is right.
    const field = FIELD_OF_INPUT[name] ?? (name as FormField);
    if (this.problems[field] || (name === 'negotiable' && value === true))
      this.setProblem(field, checkField(field, next));
    this.scheduleDraft();
  }

  private handleLeave(event: FocusEvent): void {
    const name = (event.target as HTMLInputElement).name;
    const field = FIELD_OF_INPUT[name] ?? (name as FormField);
    if (!(FORM_FIELDS as readonly string[]).includes(field)) return;
    // Moving between the city and county selects is not leaving the region.
    if (field === 'city' && (event.relatedTarget as HTMLElement | null)?.id === fieldId('county')) return;
    this.setProblem(field, checkField(field, this.values));
  }

  private showSummary(): void {
    this.summaryShown = true;
    this.focusAfterUpdate = '[part~="error-summary"]';
  }

  private focusField(name: string): void {
    const control = this.renderRoot.querySelector<HTMLElement>(`#${fieldId(name)}`);
    control?.scrollIntoView?.({ block: 'center' });
    control?.focus();
  }

  private async handleSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.phase === 'submitting') return;
    const problems: Problems = {};
    for (const field of FORM_FIELDS) {
      const key = checkField(field, this.values);
      if (key) problems[field] = { key };
    }
    this.problems = problems;
    if (Object.keys(problems).length > 0) {
      this.phase = 'editing';
      this.showSummary();
      return;
    }
    this.summaryShown = false;
    await this.send();
  }

  /** Sends the form as it is, with the Idempotency-Key of this very body (a new one only when the body changed). */
  private async send(): Promise<void> {
    successView.load().catch(() => undefined);
    if (this.phase === 'submitting') return;
    const input = toDemandInput(this.values);
    const body = JSON.stringify(input);
    if (!this.pending || this.pending.body !== body) this.pending = { key: createIdempotencyKey(), body };
    const { key } = this.pending;
    this.saveDraftNow();
    this.phase = 'submitting';
    this.failure = undefined;
    this.abort = new AbortController();
    const { signal } = this.abort;
    try {
      const demand = await this.activeClient.demands.create(input, { signal, idempotencyKey: key });
      this.succeed(demand);
    } catch (error) {
      if (signal.aborted) return;
      this.fail(error);
    }
  }

  private succeed(demand: Demand): void {
    const key = this.storageKey;
    if (key) deleteDraft(key);
    clearTimeout(this.draftTimer);
    this.pending = undefined;
    this.result = demand;
    this.phase = 'success';
    this.problems = {};
    this.summaryShown = false;
    this.copyStatus = '';
    this.focusAfterUpdate = '#smec-df-success-title';
    this.dispatchEvent(new SmecDemandSubmitEvent({ trackingNo: demand.trackingNo, demandId: demand.id }));
  }

  private fail(error: unknown): void {
    this.dispatchEvent(new SmecErrorEvent(error, 'demands.create'));
    const problems: Problems = {};
    if (isSmecValidationError(error)) {
      // On the fields the platform names: the form's own words for the rules it knows, else the platform's.
      for (const fieldError of error.errors) {
        const field = fieldOfPath(fieldError.path);
        if (!field || problems[field]) continue;
        problems[field] = { key: fieldError.code ?? 'invalid', serverText: fieldError.message };
      }
    }
    if (Object.keys(problems).length > 0) {
      this.problems = problems;
      this.phase = 'editing';
      this.showSummary();
      return;
    }
    this.phase = 'failed';
    this.failure = error;
  }

  private startAgain(): void {
    this.values = { ...EMPTY_VALUES };
    this.result = undefined;
    this.phase = 'editing';
    this.focusAfterUpdate = '#smec-df-heading';
  }

  // Lookup mode.

  private handleLookupInput(event: Event): void {
    const target = event.target as HTMLInputElement;
    const name = target.name as LookupField;
    if (!(LOOKUP_FIELDS as readonly string[]).includes(name)) return;
    const next = { ...this.lookupValues, [name]: target.value };
    this.lookupValues = next;
    if (this.problems[name]) this.setProblem(name, checkLookupField(name, next));
  }

  private handleLookupLeave(event: FocusEvent): void {
    const name = (event.target as HTMLInputElement).name as LookupField;
    if ((LOOKUP_FIELDS as readonly string[]).includes(name))
      this.setProblem(name, checkLookupField(name, this.lookupValues));
  }

  private async handleLookup(event: Event): Promise<void> {
    event.preventDefault();
    if (this.lookupPhase === 'searching') return;
    const problems: Problems = {};
    for (const field of LOOKUP_FIELDS) {
      const key = checkLookupField(field, this.lookupValues);
      if (key) problems[field] = { key };
    }
    this.problems = problems;
    if (Object.keys(problems).length > 0) {
      this.showSummary();
      return;
    }
    this.summaryShown = false;
    this.lookupPhase = 'searching';
    lookupView.load().catch(() => undefined);
    this.failure = undefined;
    this.abort?.abort();
    this.abort = new AbortController();
    const { signal } = this.abort;
    const query = {
      trackingNo: this.lookupValues.trackingNo.trim().toUpperCase(),
      phone: this.lookupValues.phone.trim(),
    };
    try {
      this.lookupResult = await this.activeClient.demands.lookup(query, { signal });
      this.lookupPhase = 'found';
      this.focusAfterUpdate = '#smec-df-status-title';
    } catch (error) {
      if (signal.aborted) return;
      this.lookupResult = undefined;
      if (isSmecNotFoundError(error)) {
        this.lookupPhase = 'notFound';
        return;
      }
      this.dispatchEvent(new SmecErrorEvent(error, 'demands.lookup'));
      if (isSmecValidationError(error) && error.errors.length > 0) {
        const mapped: Problems = {};
        for (const fieldError of error.errors) {
          mapped[(fieldOfPath(fieldError.path) as LookupField | undefined) ?? 'trackingNo'] ??= {
            key: fieldError.code ?? 'invalid',
            text: fieldError.message,
          };
        }
        this.problems = mapped;
        this.lookupPhase = 'editing';
        this.showSummary();
        return;
      }
      this.lookupPhase = 'failed';
      this.failure = error;
    }
  }

  // Rendering.

  private summaryItems(fields: readonly (FormField | LookupField)[]) {
    return fields
      .filter((field) => this.problems[field])
      .map((field) => ({ name: field, text: this.problemText(this.problems[field]) ?? '' }));
  }

  private renderText(
    name: FormField | LookupField,
    label: string,
    options: {
      value: string;
      hint?: string;
      type?: string;
      autocomplete?: string;
      inputmode?: string;
      optional?: boolean;
      min?: string;
    },
  ) {
    const error = this.problemText(this.problems[name]);
    return renderField({
      name,
      label,
      hint: options.hint,
      error,
      optional: options.optional,
      control: html`<input
        id=${fieldId(name)}
        name=${name}
        type=${options.type ?? 'text'}
        .value=${options.value}
        autocomplete=${options.autocomplete ?? 'off'}
        inputmode=${options.inputmode ?? 'text'}
        min=${options.min ?? nothing}
        spellcheck="false"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(name, !!options.hint, error) || nothing}
      />`,
    });
  }

  private renderCompany() {
    const { values } = this;
    return html`<fieldset part="fieldset">
      <legend>${msg('企业信息', { id: 'demand.group.company' })}</legend>
      ${this.renderText('uscc', msg('统一社会信用代码', { id: 'demand.uscc' }), {
        value: values.uscc,
        hint: msg('18 位，见营业执照，字母请大写', { id: 'demand.uscc.hint' }),
      })}
      ${this.renderText('enterpriseName', msg('企业名称', { id: 'demand.enterpriseName' }), {
        value: values.enterpriseName,
        autocomplete: 'organization',
      })}
    </fieldset>`;
  }

  private renderCategory() {
    const reference = this.referenceTask.value;
    const loading =
      this.referenceTask.status === TaskStatus.PENDING || this.referenceTask.status === TaskStatus.INITIAL;
    const error = this.problemText(this.problems.categoryId);
    const selected = this.values.categoryId;
    return renderField({
      name: 'categoryId',
      label: msg('服务类别', { id: 'demand.category' }),
      error,
      control: html`<select
        id=${fieldId('categoryId')}
        name="categoryId"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy('categoryId', false, error) || nothing}
      >
        <option value="" ?selected=${!selected}>
          ${loading ? msg('正在加载…', { id: 'status.loading' }) : msg('请选择', { id: 'demand.choose' })}
        </option>
        ${(reference?.categories ?? []).map(
          (category) =>
            html`<option value=${category.id} ?selected=${category.id === selected}>
              ${categoryName(category.id, reference?.categories, this.locale)}
            </option>`,
        )}
      </select>`,
    });
  }

  private renderRegion() {
    const reference = this.referenceTask.value;
    const error = this.problemText(this.problems.city);
    const { city, county } = this.values;
    const counties = city ? countiesOf(reference, city) : [];
    const loading = !reference && this.referenceTask.status !== TaskStatus.ERROR;
    return html`<div
      part="field"
      class=${error ? 'field field-invalid' : 'field'}
      role="group"
      aria-labelledby="smec-df-region-label"
    >
      <span class="label" id="smec-df-region-label">${msg('所在地区', { id: 'demand.region' })}</span>
      ${renderFieldError('city', error)}
      <div class="region-row">
        <label class="sub-label">
          <span>${msg('地级市', { id: 'demand.city' })}</span>
          <select
            id=${fieldId('city')}
            name="city"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy('city', false, error) || nothing}
          >
            <option value="" ?selected=${!city}>
              ${loading ? msg('正在加载…', { id: 'status.loading' }) : msg('请选择', { id: 'demand.choose' })}
            </option>
            ${(reference?.cities ?? []).map(
              (region) => html`<option value=${region.code} ?selected=${region.code === city}>${region.name}</option>`,
            )}
          </select>
        </label>
        <label class="sub-label">
          <span>${msg('区（县）', { id: 'demand.county' })}</span>
          <select id=${fieldId('county')} name="county" ?disabled=${!city}>
            <option value="" ?selected=${!county}>${msg('全市', { id: 'demand.county.all' })}</option>
            ${counties.map(
              (region) =>
                html`<option value=${region.code} ?selected=${region.code === county}>${region.name}</option>`,
            )}
          </select>
        </label>
      </div>
    </div>`;
  }

  private renderDescription() {
    const error = this.problemText(this.problems.description);
    const count = textLength(this.values.description);
    const hint = msg('请写明需要解决的问题、现状和希望达到的效果，20 至 1000 字', { id: 'demand.description.hint' });
    const counterId = `${fieldId('description')}-count`;
    return renderField({
      name: 'description',
      label: msg('需求描述', { id: 'demand.description' }),
      hint,
      error,
      control: html`<textarea
          id=${fieldId('description')}
          name="description"
          rows="6"
          .value=${this.values.description}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy('description', true, error, [counterId])}
        ></textarea>
        <p id=${counterId} part="counter" class=${count > DESCRIPTION_MAX ? 'counter counter-over' : 'counter'}>
          ${msg(str`已输入 ${formatNumber(count, this.locale)} / ${formatNumber(DESCRIPTION_MAX, this.locale)} 字`, {
            id: 'demand.description.count',
          })}
        </p>`,
    });
  }

  private renderBudget() {
    const error = this.problemText(this.problems.budgetAmount);
    const { negotiable, budgetAmount } = this.values;
    return html`<div part="field" class=${error ? 'field field-invalid' : 'field'}>
      <label for=${fieldId('budgetAmount')}>${msg('预算', { id: 'demand.budget' })}</label>
      <p id="${fieldId('budgetAmount')}-hint" class="hint">
        ${msg('单位：元。尚未确定可选择“面议”', { id: 'demand.budget.hint' })}
      </p>
      ${renderFieldError('budgetAmount', error)}
      <div class="budget-row">
        <input
          id=${fieldId('budgetAmount')}
          name="budgetAmount"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${negotiable ? '' : budgetAmount}
          ?disabled=${negotiable}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy('budgetAmount', true, error)}
        />
        <span aria-hidden="true">${msg('元', { id: 'demand.yuan' })}</span>
        <label class="check">
          <input id=${fieldId('negotiable')} name="negotiable" type="checkbox" .checked=${negotiable} />
          ${msg('面议', { id: 'demand.negotiable' })}
        </label>
      </div>
    </div>`;
  }

  private renderNeed() {
    const { values } = this;
    return html`<fieldset part="fieldset">
      <legend>${msg('需求内容', { id: 'demand.group.need' })}</legend>
      ${this.renderCategory()} ${this.renderRegion()}
      ${this.renderText('title', msg('需求标题', { id: 'demand.title' }), {
        value: values.title,
        hint: msg('一句话概括，5 至 60 字', { id: 'demand.title.hint' }),
      })}
      ${this.renderDescription()} ${this.renderBudget()}
      ${this.renderText('expectedBy', msg('期望完成日期', { id: 'demand.expectedBy' }), {
        value: values.expectedBy,
        type: 'date',
        optional: true,
        min: todayInShanghai(),
      })}
    </fieldset>`;
  }

  private renderContact() {
    const { values } = this;
    const consentError = this.problemText(this.problems.consent);
    return html`<fieldset part="fieldset">
        <legend>${msg('联系人', { id: 'demand.group.contact' })}</legend>
        ${this.renderText('contactName', msg('姓名', { id: 'demand.contactName' }), {
          value: values.contactName,
          autocomplete: 'name',
        })}
        ${this.renderText('phone', msg('手机号码', { id: 'demand.phone' }), {
          value: values.phone,
          type: 'tel',
          autocomplete: 'tel',
          inputmode: 'numeric',
          hint: msg('中心和匹配的服务机构将通过此号码与您联系', { id: 'demand.phone.hint' }),
        })}
      </fieldset>
      <div part="field" class=${consentError ? 'field field-invalid consent' : 'field consent'}>
        ${renderFieldError('consent', consentError)}
        <label class="check">
          <input
            id=${fieldId('consent')}
            name="consent"
            type="checkbox"
            .checked=${values.consent}
            aria-invalid=${consentError ? 'true' : 'false'}
            aria-describedby=${describedBy('consent', true, consentError)}
          />
          ${msg('同意将联系方式提供给匹配的服务机构', { id: 'demand.consent' })}
        </label>
        <p id="${fieldId('consent')}-hint" class="hint">
          ${msg('依据《个人信息保护法》，您的姓名和手机号码仅用于本次需求的受理和对接，只提供给中心匹配的服务机构。', {
            id: 'demand.consent.hint',
          })}
        </p>
      </div>`;
  }

  private renderSubmitMessage() {
    if (this.phase === 'submitting') {
      return html`<p class="muted">${msg('正在提交…', { id: 'demand.submitting' })}</p>`;
    }
    if (this.phase !== 'failed') return nothing;
    const error = this.failure;
    if (isSmecRateLimitError(error)) {
      return html`<div part="submit-error" class="error">
        <p class="error-title">${rateLimitText((error as SmecRateLimitError).retryAfter)}</p>
        <p>${msg('您填写的内容已保留。', { id: 'demand.kept' })}</p>
      </div>`;
    }
    return html`<div part="submit-error" class="error">
      <p class="error-title">${msg('提交失败', { id: 'demand.failed' })}</p>
      <p>${describeError(error)}</p>
      <p>${msg('您填写的内容已保留。重试不会重复提交。', { id: 'demand.keptRetry' })}</p>
      <button type="button" part="retry-button" class="button button-primary" @click=${() => void this.send()}>
        ${msg('重试', { id: 'status.retry' })}
      </button>
    </div>`;
  }

  private renderReferenceError() {
    if (this.referenceTask.status !== TaskStatus.ERROR) return nothing;
    return html`<div part="error" class="error">
      <p class="error-title">${msg('服务类别和地区加载失败', { id: 'demand.referenceFailed' })}</p>
      <p>${describeError(this.referenceTask.error)}</p>
      <button type="button" part="retry-button" class="button button-primary" @click=${() => this.reload()}>
        ${msg('重试', { id: 'status.retry' })}
      </button>
    </div>`;
  }

  private renderForm() {
    const submitting = this.phase === 'submitting';
    return html`<h2 id="smec-df-heading" part="heading" tabindex="-1">
        ${msg('提交服务需求', { id: 'demand.heading' })}
      </h2>
      <p class="muted">${msg('无需注册。提交后您将获得查询编号，可随时查询办理进度。', { id: 'demand.intro' })}</p>
      ${this.summaryShown ? renderErrorSummary(this.summaryItems(FORM_FIELDS), (name) => this.focusField(name)) : nothing}
      <div role="alert">${this.renderReferenceError()}</div>
      <form
        novalidate
        aria-labelledby="smec-df-heading"
        @submit=${this.handleSubmit}
        @input=${this.handleInput}
        @focusin=${this.prepareValidation}
        @focusout=${this.handleLeave}
      >
        ${this.renderCompany()} ${this.renderNeed()} ${this.renderContact()}
        <div role="status" class="submit-status">${this.renderSubmitMessage()}</div>
        <button
          type="submit"
          part="submit-button"
          class="button button-primary"
          aria-disabled=${submitting ? 'true' : 'false'}
        >
          ${submitting ? msg('正在提交…', { id: 'demand.submitting' }) : msg('提交需求', { id: 'demand.submit' })}
        </button>
      </form>`;
  }

  private failureText(error: unknown): string {
    return isSmecRateLimitError(error) ? rateLimitText(error.retryAfter) : describeError(error);
  }

  private renderLookup() {
    return lookupView.render(this, ({ renderLookup, renderStatusView, resultViewStyles }) => {
      adoptViewStyles(this, resultViewStyles);
      const { lookupResult } = this;
      return renderLookup({
        values: this.lookupValues,
        phase: this.lookupPhase,
        failureText: this.lookupPhase === 'failed' ? this.failureText(this.failure) : '',
        summary: this.summaryShown
          ? renderErrorSummary(this.summaryItems(LOOKUP_FIELDS), (name) => this.focusField(name))
          : nothing,
        result:
          this.lookupPhase === 'found' && lookupResult
            ? renderStatusView(lookupResult, this.referenceTask.value, this.locale)
            : nothing,
        renderText: (name, label, options) => this.renderText(name, label, options),
        onFocus: this.prepareValidation,
        onSubmit: this.handleLookup,
        onInput: this.handleLookupInput,
        onLeave: this.handleLookupLeave,
      });
    });
  }

  override render() {
    let body;
    if (this.mode === 'lookup') body = this.renderLookup();
    else if (this.phase === 'success' && this.result) {
      const demand = this.result;
      body = successView.render(this, ({ renderSuccess, copyTrackingNo, resultViewStyles }) => {
        adoptViewStyles(this, resultViewStyles);
        return renderSuccess({
          demand,
          copyStatus: this.copyStatus,
          onCopy: () =>
            void copyTrackingNo(demand.trackingNo, this.renderRoot).then((status) => (this.copyStatus = status)),
          onAgain: () => this.startAgain(),
        });
      });
    } else body = this.renderForm();
    return html`<div part="base" class="base" lang=${this.locale}>${body}</div>`;
  }
}
