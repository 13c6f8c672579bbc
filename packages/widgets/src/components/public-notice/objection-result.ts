import type { FiledObjection, PublicNotice } from '@smec/schemas';
import { html, type TemplateResult } from 'lit';
import { msg, str } from '../../i18n/localization.js';
import { formatDateTime } from '../../internal/date-time.js';
import { describeError } from '../../views/error-view.js';

/** After an accepted objection: its number to quote, and what happens next. */
export function renderConfirmation(
  notice: PublicNotice,
  objection: FiledObjection,
  locale: string,
  onBack: () => void,
): TemplateResult {
  return html`<div part="confirmation" class="confirmation">
    <h3 id="smec-pn-done-title" tabindex="-1">${msg('异议已提交', { id: 'notice.done.heading' })}</h3>
    <p>${msg(str`您对「${notice.name}」的异议已由审核中心受理。`, { id: 'notice.done.received' })}</p>
    <p>
      ${msg('异议编号', { id: 'notice.done.number' })}
      <strong part="objection-no" class="objection-no">${objection.id}</strong>
    </p>
    <p class="muted">${msg(str`提交时间 ${formatDateTime(objection.createdAt, locale)}`, { id: 'notice.done.at' })}</p>
    <p>
      ${msg('审核中心将在公示期结束前核实，必要时通过您留下的手机号联系您。请记下异议编号以便咨询。', {
        id: 'notice.done.next',
      })}
    </p>
    <button type="button" part="back-button" class="button" @click=${onBack}>
      ${msg('返回公示名单', { id: 'notice.back' })}
    </button>
  </div>`;
}

/** A 409: the notice ended (or the application left it) while the visitor wrote; what was typed is of no more use. */
export function renderNoticeEnded(error: unknown, onBack: () => void): TemplateResult {
  return html`<div part="submit-error" class="error">
    <p class="error-title" id="smec-pn-ended-title" tabindex="-1">
      ${msg('该机构的公示已结束，不能再提出异议', { id: 'notice.ended' })}
    </p>
    <p>${describeError(error)}</p>
    <p>${msg('如有问题，请直接联系所在地的中小企业公共服务中心。', { id: 'notice.ended.hint' })}</p>
    <button type="button" part="back-button" class="button" @click=${onBack}>
      ${msg('返回公示名单', { id: 'notice.back' })}
    </button>
  </div>`;
}
