import type { DemandStatusView } from '@smec/schemas';
import { isSmecNotFoundError, isSmecRateLimitError } from '@smec/sdk/core';
import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import type { SmecLocale } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { describeError } from '../../views/error-view.js';
import type { ReferenceData } from '../catalog/reference-data.js';
import { fieldOfPath, type FieldProblem } from './fields.js';
import { LOOKUP_FIELDS, checkLookupField, type LookupField, type LookupValues } from './lookup-fields.js';
import { renderTextField } from '../../forms/text-field.js';
import { renderLookup, type LookupPhase } from './lookup-view.js';
import { rateLimitText } from '../../forms/rate-limit.js';
import { resultViewStyles } from './result-views.styles.js';
import { renderStatusView } from './status-view.js';
import { prepareValidation, problemText, renderSummary } from './validation-texts.js';

// Following a demand is what few pages do: this module (the lookup's state, its request and its views) arrives when
// the form first shows its lookup mode.

/** What the lookup needs of the form, besides being its host. */
export interface LookupInputs {
  client(): SmecClient;
  locale(): SmecLocale;
  reference(): ReferenceData | undefined;
  /** Moves the focus to `selector` once it has rendered. */
  focus(selector: string): void;
  focusField(name: string): void;
}

/** The lookup mode: tracking number and phone in, the demand's progress out; its request is a user action. */
export class DemandLookup {
  private values: LookupValues = { trackingNo: '', phone: '' };
  private phase: LookupPhase = 'editing';
  private result: DemandStatusView | undefined;
  private problems: Partial<Record<LookupField, FieldProblem>> = {};
  private summaryShown = false;
  private readonly action: ActionController<LookupField>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly inputs: LookupInputs,
  ) {
    // A problem the platform names on another path is the tracking number's.
    this.action = new ActionController(host, (path) => (fieldOfPath(path) as LookupField | undefined) ?? 'trackingNo');
  }

  private setProblem(field: LookupField, key: string | undefined): void {
    const next = { ...this.problems };
    if (key) next[field] = { key };
    else delete next[field];
    this.problems = next;
    this.host.requestUpdate();
  }

  private showSummary(): void {
    this.summaryShown = true;
    this.inputs.focus('[part~="error-summary"]');
  }

  private readonly handleInput = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    const name = target.name as LookupField;
    if (!(LOOKUP_FIELDS as readonly string[]).includes(name)) return;
    this.values = { ...this.values, [name]: target.value };
    this.host.requestUpdate();
    if (this.problems[name]) this.setProblem(name, checkLookupField(name, this.values));
  };

  private readonly handleLeave = (event: FocusEvent): void => {
    const name = (event.target as HTMLInputElement).name as LookupField;
    if ((LOOKUP_FIELDS as readonly string[]).includes(name)) this.setProblem(name, checkLookupField(name, this.values));
  };

  private readonly handleSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.action.busy) return;
    const problems: typeof this.problems = {};
    for (const field of LOOKUP_FIELDS) {
      const key = checkLookupField(field, this.values);
      if (key) problems[field] = { key };
    }
    this.problems = problems;
    if (Object.keys(problems).length > 0) {
      this.showSummary();
      return;
    }
    this.summaryShown = false;
    this.phase = 'searching';
    const query = { trackingNo: this.values.trackingNo.trim().toUpperCase(), phone: this.values.phone.trim() };
    void this.action.run({
      operation: 'demands.lookup',
      // Not found is an answer, not a failure.
      send: ({ signal }) =>
        this.inputs
          .client()
          .demands.lookup(query, { signal })
          .catch((error: unknown) => {
            if (isSmecNotFoundError(error)) return undefined;
            throw error;
          }),
      done: (result) => {
        this.result = result;
        this.phase = result ? 'found' : 'notFound';
        if (result) this.inputs.focus('#smec-df-status-title');
      },
      failed: () => {
        this.result = undefined;
        const mapped: typeof this.problems = {};
        for (const [field, { code, message }] of Object.entries(this.action.fieldErrors) as [
          LookupField,
          { code: string; message: string },
        ][]) {
          mapped[field] = { key: code, text: message };
        }
        if (Object.keys(mapped).length > 0) {
          this.problems = mapped;
          this.phase = 'editing';
          this.showSummary();
        } else this.phase = 'failed';
      },
    });
  };

  render(): TemplateResult | typeof nothing {
    const { phase, result, problems } = this;
    const error = this.action.error;
    const summary = LOOKUP_FIELDS.filter((field) => problems[field]).map((field) => ({
      name: field,
      text: problemText(this.host, problems[field]) ?? '',
    }));
    return renderLookup({
      values: this.values,
      phase,
      failureText:
        phase === 'failed'
          ? isSmecRateLimitError(error)
            ? rateLimitText(error.retryAfter)
            : describeError(error)
          : '',
      summary: this.summaryShown ? renderSummary(this.host, summary, (name) => this.inputs.focusField(name)) : nothing,
      result:
        phase === 'found' && result ? renderStatusView(result, this.inputs.reference(), this.inputs.locale()) : nothing,
      renderText: (name, label, options) =>
        renderTextField(name, label, problemText(this.host, problems[name]), options),
      onFocus: prepareValidation,
      onSubmit: this.handleSubmit,
      onInput: this.handleInput,
      onLeave: this.handleLeave,
    });
  }
}

const lookups = new WeakMap<HTMLElement, DemandLookup>();

/** A form's lookup, made the first time its lookup mode shows: its views' rules join the form's styles then. */
export function lookupOf(host: ReactiveControllerHost & HTMLElement, inputs: LookupInputs): DemandLookup {
  let lookup = lookups.get(host);
  if (!lookup) {
    adoptViewStyles(host, resultViewStyles);
    lookups.set(host, (lookup = new DemandLookup(host, inputs)));
  }
  return lookup;
}
