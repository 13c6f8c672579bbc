import { msg, str } from '../../i18n/localization.js';
import type { Registration, ServiceEvent } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { formatList, formatNumber } from '../../internal/format.js';
import { webUrl } from '@smec/schemas/rules';
import { renderError } from '../../views/error-view.js';
import { formatTimeRange } from './calendar-dates.js';
import { describeEventError, eventTypeName, seatsText, windowState, windowText } from './event-texts.js';

/**
 * The visitor's registration: `null` for none, `undefined` when nobody is signed in, `'loading'` while asked,
 * `'otherAccount'` when the account is no enterprise's (a provider's, a center's), which cannot register.
 */
export type RegistrationState = Registration | null | undefined | 'loading' | 'otherAccount';

export interface EventDetailOptions {
  /** The listed event at once, the fresh one (seats left now) when it arrives. */
  event: ServiceEvent;
  error: unknown;
  locale: string;
  regionName: string;
  icsUrl: string;
  registration: RegistrationState;
  busy: boolean;
  /** What the last action did (announced), or why it failed. */
  message: string;
  actionError: string;
  onRetry: () => void;
  onRegister: () => void;
  onCancel: () => void;
  onSignIn: () => void;
}

function registrationText(registration: Registration, locale: string): string {
  if (registration.status === 'waitlisted' && registration.waitlistPosition !== null) {
    const position = formatNumber(registration.waitlistPosition, locale);
    return msg(str`您在候补名单第 ${position} 位`, { id: 'event.registration.waitlisted' });
  }
  return msg('您已报名本活动', { id: 'event.registration.confirmed' });
}

function renderAction(options: EventDetailOptions): TemplateResult | typeof nothing {
  const { event, registration, busy, locale } = options;
  if (registration === 'loading') {
    return html`<p class="muted">${msg('正在查询报名状态…', { id: 'event.registration.loading' })}</p>`;
  }
  if (registration === 'otherAccount') {
    return html`<p class="muted">
      ${msg('报名须使用企业账号，您当前登录的账号不是企业账号。', { id: 'event.otherAccount' })}
    </p>`;
  }
  // Signing in helps only while registration is open; the facts above say when it opens or that it has closed.
  if (registration === undefined && windowState(event) !== 'open') return nothing;
  if (registration === undefined) {
    // The host's own sign-in link, when it gives one, takes the button's place: one prompt, not two in a row.
    return html`<div class="sign-in">
      <p>${msg('登录企业账号后即可报名。', { id: 'event.signIn.hint' })}</p>
      <slot name="sign-in">
        <button type="button" part="register-button" class="button button-primary" @click=${options.onSignIn}>
          ${msg('登录后报名', { id: 'event.signIn' })}
        </button>
      </slot>
    </div>`;
  }
  if (registration) {
    return html`<p class="registered">${registrationText(registration, locale)}</p>
      <button
        type="button"
        part="register-button"
        class="button"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => !busy && options.onCancel()}
      >
        ${msg('取消报名', { id: 'event.cancel' })}
      </button>`;
  }
  if (windowState(event) !== 'open') return nothing;
  if (event.seatsLeft === 0 && !event.waitlist) return nothing;
  const label =
    event.seatsLeft > 0 ? msg('报名', { id: 'event.register' }) : msg('加入候补', { id: 'event.joinWaitlist' });
  return html`<button
    type="button"
    part="register-button"
    class="button button-primary"
    aria-disabled=${busy ? 'true' : 'false'}
    @click=${() => !busy && options.onRegister()}
  >
    ${label}
  </button>`;
}

/** The inside of the detail dialog: facts, the registration action and its outcome, 'add to my calendar'. */
export function renderEventDetail(options: EventDetailOptions): TemplateResult {
  const { event, locale } = options;
  const online = event.onlineUrl ? webUrl(event.onlineUrl) : undefined;
  return html`<h2 id="smec-detail-title" class="detail-title" tabindex="-1">${event.title}</h2>
    <div role="alert">${options.error ? renderError(options.error, options.onRetry, describeEventError) : nothing}</div>
    <dl class="facts">
      <div>
        <dt>${msg('类型', { id: 'event.fact.type' })}</dt>
        <dd><span class="tag type-${event.type}">${eventTypeName(event.type)}</span></dd>
      </div>
      <div>
        <dt>${msg('时间', { id: 'event.fact.time' })}</dt>
        <dd>
          ${formatTimeRange(event.startsAt, event.endsAt, locale)} ${msg('（北京时间）', { id: 'event.fact.beijing' })}
        </dd>
      </div>
      ${
        event.venue
          ? html`<div>
              <dt>${msg('地点', { id: 'event.fact.venue' })}</dt>
              <dd>${event.venue}</dd>
            </div>`
          : nothing
      }
      ${
        event.onlineUrl
          ? html`<div>
              <dt>${msg('线上参与', { id: 'event.fact.online' })}</dt>
              <dd>
                ${online ? html`<a href=${online} target="_blank" rel="noopener noreferrer">${event.onlineUrl}</a>` : event.onlineUrl}
              </dd>
            </div>`
          : nothing
      }
      <div>
        <dt>${msg('地区', { id: 'event.fact.region' })}</dt>
        <dd>${options.regionName}</dd>
      </div>
      <div>
        <dt>${msg('主办单位', { id: 'event.fact.organizer' })}</dt>
        <dd>${event.organizer.name}</dd>
      </div>
      ${
        event.experts?.length
          ? html`<div>
              <dt>${msg('坐诊专家', { id: 'event.fact.experts' })}</dt>
              <dd part="experts">
                ${formatList(
                  event.experts.map((expert) => expert.name),
                  locale,
                )}
              </dd>
            </div>`
          : nothing
      }
      <div>
        <dt>${msg('名额', { id: 'event.fact.seats' })}</dt>
        <dd class="seats">${seatsText(event, locale)}</dd>
      </div>
      <div>
        <dt>${msg('报名', { id: 'event.fact.window' })}</dt>
        <dd>${windowText(event, locale)}</dd>
      </div>
    </dl>
    <p class="description">${event.description}</p>
    <div class="actions">
      ${renderAction(options)}
      <a part="ics-link" class="button" href=${options.icsUrl} download="${event.id}.ics">
        ${msg('添加到我的日历', { id: 'event.ics' })}
      </a>
    </div>
    <p part="action-status" class="action-status" role="status" aria-live="polite">${options.message}</p>
    <div role="alert" class="action-error">
      ${options.actionError ? html`<p part="error" class="error">${options.actionError}</p>` : nothing}
    </div>`;
}
