import { TaskStatus } from '@lit/task';
import type { Demand } from '@smec/schemas';
import type { TokenProvider } from '@smec/sdk/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ActionController } from '../../controllers/action-controller.js';
import { ClientController } from '../../controllers/client-controller.js';
import { FocusController } from '../../controllers/focus-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { SmecDemandSubmitEvent } from '../../events/demand-submit-event.js';
import { msg } from '../../i18n/localization.js';
import { type SmecClient, useResources } from '../../internal/client.js';
import { demandRequestOf } from '../../internal/demand-link.js';
import { Lazy } from '../../internal/lazy.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { SmecElement } from '../../internal/smec-element.js';
import { skeletonStyles } from '../../styles/skeleton.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { loadReferenceData } from '../catalog/reference-data.js';
import styles from './demand-form.styles.js';
import { DraftKeeper } from './draft-keeper.js';
import { fieldId } from '../../forms/field-view.js';
import {
  EMPTY_VALUES,
  FORM_FIELDS,
  checkField,
  fieldOfPath,
  toDemandInput,
  type DemandFormValues,
  type FieldProblem,
  type FormField,
} from './fields.js';
import { renderFields } from './form-view.js';
import type { LookupInputs } from './lookup-controller.js';
import { renderLookupMode } from './lookup-mode.js';
import { prefillOf, withPrefill, type DemandPrefill } from './prefill.js';
import { renderReferenceError, renderSubmitMessage } from '../../forms/submit-view.js';
import { prepareValidation, problemText, renderSummary } from './validation-texts.js';
import { Demands } from '@smec/sdk/core';

export type { DemandPrefill } from './prefill.js';

// The SDK calls this module makes (see internal/client.ts).
useResources({ demands: Demands });

// What shows after a submission: fetched when one starts, so it is usually there before the answer.
const successView = new Lazy(() => import('./success-view.js'));

type Phase = 'editing' | 'failed' | 'success';
type Problems = Partial<Record<FormField, FieldProblem>>;

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
 * On the page a catalog's `demand-url` links to, the form fills in the product, category and region of the link
 * (`smec_demand_product`, `smec_demand_category`, `smec_demand_region`).
 *
 * @attribute lang - The language of the texts: zh-CN (default), en or zh-HK. Without it, the nearest ancestor's `lang`.
 * @attribute care - Care mode (适老化): text of at least 18 px, targets of at least 44 × 44 px, colours of at least 7:1. Without it, on while an ancestor (a `<smec-root>`, `<html>`) has `care`.
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
  static override styles = [themeStyles, skeletonStyles, styles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private readonly api = new ClientController(this);
  private readonly focusing = new FocusController(this);
  private readonly draft = new DraftKeeper(this, {
    values: () => this.values,
    pending: () => this.submission.pending,
    keeping: () => this.phase !== 'success' && this.mode === 'form',
  });
  /** What the lookup mode needs of the form. */
  private readonly lookupInputs: LookupInputs = {
    client: () => this.api.client,
    locale: () => this.locale,
    reference: () => this.referenceTask.value,
    focus: (selector) => this.focusLater(selector),
    focusField: (name) => this.focusField(name),
  };
  /** The submission: one Idempotency-Key per body until it succeeds, kept in the draft across a reload. */
  private readonly submission = new ActionController<FormField>(
    this,
    (path) => fieldOfPath(path) as FormField | undefined,
  );

  private readonly referenceTask = new LoadTask(this, {
    task: ([client], { signal }) => loadReferenceData(client, signal),
    args: () => [this.api.client] as const,
    operation: 'reference.list',
  });

  @state() private values: DemandFormValues = { ...EMPTY_VALUES };
  @state() private problems: Problems = {};
  @state() private summaryShown = false;
  @state() private phase: Phase = 'editing';
  @state() private result: Demand | undefined;
  @state() private copyStatus = '';

  /** Base URL of the platform API; default: the platform that served the script. Not used inside `<smec-root>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** An SDK client to use instead of the enclosing root's or one built from `api-base`. */
  @property({ attribute: false }) client?: SmecClient;

  /** Returns the signed-in user's token, for the client this element builds itself (outside `<smec-root>`). */
  @property({ attribute: false }) getToken?: TokenProvider;

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
    this.draft.save();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) {
      this.restoreDraft();
      // A prefill attribute fills a field the draft left empty: the visitor's own typing wins.
      this.values = withPrefill(this.values, prefillOf(this)!, false);
      // The visitor came from a catalog's 「我要咨询」 (its `demand-url`): that product is what the demand is about.
      this.values = withPrefill(this.values, demandRequestOf(location.search), true);
      return;
    }
    const changedPrefill = prefillOf(this, changed);
    if (changedPrefill) this.values = withPrefill(this.values, changedPrefill, true);
  }

  /**
   * Fills in the product, category and region (what the catalog's 「我要咨询」 does), shows the form and moves the
   * focus to its heading.
   */
  prefill(prefill: DemandPrefill): void {
    if (this.phase === 'success') this.startAgain();
    this.mode = 'form';
    this.values = withPrefill(this.values, prefill, true);
    this.draft.schedule();
    this.focusLater('#smec-df-heading');
    this.scrollIntoView?.({ block: 'start' });
  }

  /** Loads the categories and regions again (the retry button does this). */
  reload(): void {
    void this.referenceTask.run();
  }

  /** A view still on its way (the success, the lookup, the error summary) takes the focus when it arrives. */
  private focusLater(selector: string): void {
    this.focusing.later(selector, () => this.phase === 'success' || this.mode === 'lookup' || this.summaryShown);
  }

  private restoreDraft(): void {
    const draft = this.draft.read();
    if (!draft) return;
    this.values = { ...EMPTY_VALUES, ...draft.values, consent: false };
    this.submission.pending = draft.pending;
  }

  private setProblem(field: FormField, key: string | undefined): void {
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
    this.draft.schedule();
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
    this.focusLater('[part~="error-summary"]');
  }

  private focusField(name: string): void {
    const control = this.renderRoot.querySelector<HTMLElement>(`#${fieldId(name)}`);
    control?.scrollIntoView?.({ block: 'center' });
    control?.focus();
  }

  private handleSubmit(event: Event): void {
    event.preventDefault();
    if (this.submission.busy) return;
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
    this.send();
  }

  /** Sends the form as it is, with the Idempotency-Key of this very body (a new one only when the body changed). */
  private send(): void {
    successView.load().catch(() => undefined);
    if (this.submission.busy) return;
    const input = toDemandInput(this.values);
    const body = JSON.stringify(input);
    // The key goes into the draft before the request leaves: a reload mid-request retries with the same key.
    this.submission.keyFor(body);
    this.draft.save();
    this.phase = 'editing';
    void this.submission.run({
      operation: 'demands.create',
      body,
      send: ({ signal, idempotencyKey }) => this.api.client.demands.create(input, { signal, idempotencyKey }),
      done: (demand) => this.succeed(demand),
      failed: () => this.fail(),
    });
  }

  private succeed(demand: Demand): void {
    this.draft.discard();
    this.result = demand;
    this.phase = 'success';
    this.problems = {};
    this.summaryShown = false;
    this.copyStatus = '';
    this.focusLater('#smec-df-success-title');
    this.dispatchEvent(new SmecDemandSubmitEvent({ trackingNo: demand.trackingNo, demandId: demand.id }));
  }

  private fail(): void {
    // On the fields the platform names: the form's own words for the rules it knows, else the platform's.
    const problems: Problems = {};
    for (const [field, { code, message }] of Object.entries(this.submission.fieldErrors) as [
      FormField,
      { code: string; message: string },
    ][]) {
      problems[field] = { key: code, serverText: message };
    }
    if (Object.keys(problems).length > 0) {
      this.problems = problems;
      this.phase = 'editing';
      this.showSummary();
      return;
    }
    this.phase = 'failed';
  }

  private startAgain(): void {
    this.values = { ...EMPTY_VALUES };
    this.result = undefined;
    this.phase = 'editing';
    this.focusLater('#smec-df-heading');
  }

  // Rendering.

  private renderForm() {
    const submitting = this.submission.busy;
    const reference = this.referenceTask;
    const summary = FORM_FIELDS.filter((field) => this.problems[field]).map((field) => ({
      name: field,
      text: problemText(this, this.problems[field]) ?? '',
    }));
    return html`<h2 id="smec-df-heading" part="heading" tabindex="-1">
        ${msg('提交服务需求', { id: 'demand.heading' })}
      </h2>
      <p class="muted">${msg('无需注册。提交后您将获得查询编号，可随时查询办理进度。', { id: 'demand.intro' })}</p>
      ${this.summaryShown ? renderSummary(this, summary, (name) => this.focusField(name)) : nothing}
      <div role="alert">
        ${reference.status === TaskStatus.ERROR ? renderReferenceError(reference.error, () => this.reload()) : nothing}
      </div>
      <form
        novalidate
        aria-labelledby="smec-df-heading"
        @submit=${this.handleSubmit}
        @input=${this.handleInput}
        @focusin=${prepareValidation}
        @focusout=${this.handleLeave}
      >
        ${renderFields({
          values: this.values,
          reference: reference.value,
          referenceStatus: reference.status,
          locale: this.locale,
          problem: (field) => problemText(this, this.problems[field]),
        })}
        <div role="status" class="submit-status">
          ${renderSubmitMessage(submitting, this.phase === 'failed', this.submission.error, () => this.send())}
        </div>
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

  override render() {
    let body;
    if (this.mode === 'lookup') body = renderLookupMode(this, this.lookupInputs);
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
