// Following an application by its number and the contact's mobile: what few visits do, so this module (the lookup's
// state, its request and its views) arrives when the lookup first shows.
import type { ProviderApplicationStatusView } from '@smec/schemas';
import { APPLICATION_NO_PATTERN, checkMobile } from '@smec/schemas/rules';
import { isSmecNotFoundError, isSmecRateLimitError } from '@smec/sdk/core';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { rateLimitText } from '../../forms/rate-limit.js';
import { renderTextField } from '../../forms/text-field.js';
import { msg, type SmecLocale } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { describeError } from '../../views/error-view.js';
import type { ReferenceData } from '../catalog/reference-data.js';
import type { FieldProblem } from '../demand-form/fields.js';
import { prepareValidation, problemText, renderSummary } from './application-validation.js';
import { renderStatusView, resultViewStyles } from './result-views.js';

const LOOKUP_FIELDS = ['applicationNo', 'phone'] as const;
type LookupField = (typeof LOOKUP_FIELDS)[number];
type Phase = 'editing' | 'searching' | 'found' | 'notFound' | 'failed';

export interface LookupInputs {
  client: SmecClient;
  locale: SmecLocale;
  reference: ReferenceData | undefined;
  /** The number filled in: the one just submitted or resumed. */
  applicationNo: string;
  onBack(): void;
}

function checkLookupField(field: LookupField, values: Record<LookupField, string>): string | undefined {
  if (field === 'phone') return checkMobile(values.phone.trim());
  return APPLICATION_NO_PATTERN.test(values.applicationNo.trim().toUpperCase()) ? undefined : 'application.no';
}

class ApplicationLookup {
  values: Record<LookupField, string>;
  private phase: Phase = 'editing';
  private result: ProviderApplicationStatusView | undefined;
  private problems: Partial<Record<LookupField, FieldProblem>> = {};
  private summaryShown = false;
  private readonly action: ActionController<LookupField>;
  inputs: LookupInputs;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode },
    inputs: LookupInputs,
  ) {
    this.inputs = inputs;
    this.values = { applicationNo: inputs.applicationNo, phone: '' };
    // A problem the platform names on another path is the number's.
    this.action = new ActionController(host, (path) => (path === 'query.phone' ? 'phone' : 'applicationNo'));
  }

  private focus(selector: string): void {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private setProblem(field: LookupField, key: string | undefined): void {
    const next = { ...this.problems };
    if (key) next[field] = { key };
    else delete next[field];
    this.problems = next;
    this.host.requestUpdate();
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
      this.summaryShown = true;
      this.host.requestUpdate();
      this.focus('[part~="error-summary"]');
      return;
    }
    this.summaryShown = false;
    this.phase = 'searching';
    const query = { applicationNo: this.values.applicationNo.trim().toUpperCase(), phone: this.values.phone.trim() };
    void this.action.run({
      operation: 'providerApplications.lookup',
      // Not found is an answer, not a failure.
      send: ({ signal }) =>
        this.inputs.client.providerApplications.lookup(query, { signal }).catch((error: unknown) => {
          if (isSmecNotFoundError(error)) return undefined;
          throw error;
        }),
      done: (result) => {
        this.result = result;
        this.phase = result ? 'found' : 'notFound';
        if (result) this.focus('#smec-pa-status-title');
      },
      failed: () => {
        this.result = undefined;
        const mapped: typeof this.problems = {};
        for (const [field, { code, message }] of Object.entries(this.action.fieldErrors) as [
          LookupField,
          { code: string; message: string },
        ][]) {
          mapped[field] = { key: code, serverText: message };
        }
        if (Object.keys(mapped).length > 0) {
          this.problems = mapped;
          this.phase = 'editing';
          this.summaryShown = true;
          this.focus('[part~="error-summary"]');
        } else this.phase = 'failed';
      },
    });
  };

  private focusField(name: string): void {
    this.host.renderRoot.querySelector<HTMLElement>(`#smec-df-${name}`)?.focus();
  }

  render(): TemplateResult {
    const { phase, problems, values } = this;
    const { locale } = this.inputs;
    const error = this.action.error;
    const text = (field: LookupField) => problemText(this.host, problems[field], locale);
    const summary = LOOKUP_FIELDS.filter((field) => problems[field]).map((field) => ({
      name: field,
      text: text(field) ?? '',
    }));
    return html`<h2 id="smec-pa-lookup-title" part="heading" tabindex="-1">
        ${msg('查询入驻申请进度', { id: 'application.lookup.title' })}
      </h2>
      <p class="muted">${msg('请输入申请编号和申请时填写的联系人手机号码。', { id: 'application.lookup.intro' })}</p>
      ${this.summaryShown ? renderSummary(this.host, summary, (name) => this.focusField(name)) : nothing}
      <form
        novalidate
        aria-labelledby="smec-pa-lookup-title"
        @submit=${this.handleSubmit}
        @input=${this.handleInput}
        @focusin=${prepareValidation}
        @focusout=${this.handleLeave}
      >
        ${renderTextField(
          'applicationNo',
          msg('申请编号', { id: 'application.applicationNo' }),
          text('applicationNo'),
          {
            value: values.applicationNo,
            hint: msg('例如 RZ20261207K7M3Q9', { id: 'application.applicationNo.hint' }),
          },
        )}
        ${renderTextField('phone', msg('手机号码', { id: 'demand.phone' }), text('phone'), {
          value: values.phone,
          type: 'tel',
          autocomplete: 'tel',
          inputmode: 'numeric',
        })}
        <div class="actions">
          <button
            type="submit"
            part="submit-button"
            class="button button-primary"
            aria-disabled=${phase === 'searching' ? 'true' : 'false'}
          >
            ${msg('查询', { id: 'application.lookup.submit' })}
          </button>
          <button type="button" class="button" @click=${this.inputs.onBack}>
            ${msg('返回申请', { id: 'application.lookup.back' })}
          </button>
        </div>
      </form>
      <div role="status">
        ${phase === 'searching' ? html`<p class="muted">${msg('正在查询…', { id: 'application.lookup.searching' })}</p>` : nothing}
        ${
          phase === 'notFound'
            ? html`<p class="error">
                ${msg('未找到该申请，请核对申请编号和手机号码。', { id: 'application.lookup.notFound' })}
              </p>`
            : nothing
        }
        ${
          phase === 'failed'
            ? html`<p part="submit-error" class="error">
                ${isSmecRateLimitError(error) ? rateLimitText(error.retryAfter) : describeError(error)}
              </p>`
            : nothing
        }
      </div>
      ${phase === 'found' && this.result ? renderStatusView(this.result, this.inputs.reference, locale) : nothing}`;
  }
}

const lookups = new WeakMap<HTMLElement, ApplicationLookup>();

/** The lookup of a form, made the first time it shows: its views' rules join the form's styles then. */
export function renderLookup(
  host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode },
  inputs: LookupInputs,
): TemplateResult {
  let lookup = lookups.get(host);
  if (!lookup) {
    adoptViewStyles(host, resultViewStyles);
    lookups.set(host, (lookup = new ApplicationLookup(host, inputs)));
  }
  lookup.inputs = inputs;
  return lookup.render();
}
