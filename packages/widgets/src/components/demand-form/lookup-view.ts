import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../i18n/localization.js';
import type { LookupField, LookupValues } from './lookup-fields.js';

export type LookupPhase = 'editing' | 'searching' | 'found' | 'notFound' | 'failed';

interface TextFieldOptions {
  value: string;
  hint?: string;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
}

export interface LookupViewOptions {
  values: LookupValues;
  phase: LookupPhase;
  /** Why the last lookup failed, in words (when `phase` is `failed`). */
  failureText: string;
  /** The error summary, when shown. */
  summary: unknown;
  /** The found demand's status view, when found. */
  result: unknown;
  renderText: (name: LookupField, label: string, options: TextFieldOptions) => TemplateResult;
  onFocus: () => void;
  onSubmit: (event: Event) => void;
  onInput: (event: Event) => void;
  onLeave: (event: FocusEvent) => void;
}

/**
 * The lookup mode: tracking number and phone in, the demand's progress out. Only pages that follow a demand need it,
 * so it arrives on demand, with the status view it shows.
 */
export function renderLookup(options: LookupViewOptions): TemplateResult {
  const searching = options.phase === 'searching';
  const { trackingNo, phone } = options.values;
  return html`<h2 id="smec-df-heading" part="heading" tabindex="-1">
      ${msg('查询需求进度', { id: 'demand.lookup.heading' })}
    </h2>
    ${options.summary}
    <form
      novalidate
      aria-labelledby="smec-df-heading"
      @submit=${options.onSubmit}
      @input=${options.onInput}
      @focusin=${options.onFocus}
      @focusout=${options.onLeave}
    >
      ${options.renderText('trackingNo', msg('查询编号', { id: 'demand.trackingNo' }), {
        value: trackingNo,
        hint: msg('提交需求后获得，例如 XQ20261128ABCDEF', { id: 'demand.trackingNo.hint' }),
      })}
      ${options.renderText('phone', msg('手机号码', { id: 'demand.phone' }), {
        value: phone,
        type: 'tel',
        autocomplete: 'tel',
        inputmode: 'numeric',
        hint: msg('提交需求时填写的手机号码', { id: 'demand.lookup.phone.hint' }),
      })}
      <button
        type="submit"
        part="submit-button"
        class="button button-primary"
        aria-disabled=${searching ? 'true' : 'false'}
      >
        ${searching ? msg('正在查询…', { id: 'demand.lookup.searching' }) : msg('查询', { id: 'demand.lookup.submit' })}
      </button>
    </form>
    <div role="alert">${renderLookupProblem(options.phase, options.failureText)}</div>
    ${options.result}`;
}

function renderLookupProblem(phase: LookupPhase, failureText: string) {
  if (phase === 'notFound') {
    return html`<div part="submit-error" class="error">
      <p class="error-title">${msg('未找到该需求，请核对查询编号和手机号码', { id: 'demand.lookup.notFound' })}</p>
    </div>`;
  }
  if (phase !== 'failed') return nothing;
  return html`<div part="submit-error" class="error">
    <p class="error-title">${msg('查询失败', { id: 'demand.lookup.failed' })}</p>
    <p>${failureText}</p>
  </div>`;
}
