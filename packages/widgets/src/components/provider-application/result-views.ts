// What shows after a submission, a save or a lookup: fetched when one starts, so it is usually there before the
// answer; the form alone never needs it.
import type { ApplicationStatus, ProviderApplicationStatusView } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { msg, speakingLocale, str, type SmecLocale } from '../../i18n/localization.js';
import { formatList } from '../../internal/format.js';
import { formatDateTime } from '../../internal/date-time.js';
import { categoryName, regionName, type ReferenceData } from '../catalog/reference-data.js';
import { fieldOfPath } from './application-paths.js';
import { fieldLabel } from './field-labels.js';

export { resultViewStyles } from '../demand-form/result-views.styles.js';
export { fieldLabel };

/** An application's state in words: always written, never shown by colour alone. */
export function statusText(status: ApplicationStatus): string {
  switch (status) {
    case 'submitted':
      return msg('已提交，审核中', { id: 'application.status.submitted' });
    case 'changesRequested':
      return msg('待修改后重新提交', { id: 'application.status.changesRequested' });
    case 'publicNotice':
      return msg('审核通过，公示中', { id: 'application.status.publicNotice' });
    case 'admitted':
      return msg('已入驻', { id: 'application.status.admitted' });
    case 'rejected':
      return msg('未通过', { id: 'application.status.rejected' });
  }
}

/** The number to keep, with a button that copies it (or selects it where there is no clipboard). */
function renderNumber(applicationNo: string, copyStatus: string, onCopy: () => void): TemplateResult {
  return html`<p>${msg('申请编号', { id: 'application.applicationNo' })}</p>
    <p class="tracking-row">
      <strong part="application-no" class="tracking-no">${applicationNo}</strong>
      <button type="button" part="copy-button" class="button" @click=${onCopy}>
        ${msg('复制', { id: 'demand.copy' })}
      </button>
    </p>
    <p role="status" class="muted">${copyStatus}</p>`;
}

/** The private link, to select or copy: whoever holds it can read and change the application. */
function renderLink(link: string, linkStatus: string, onCopyLink: () => void): TemplateResult {
  return html`<div class="field">
    <label for="smec-pa-resume-link">${msg('私人续填链接', { id: 'application.resumeLink' })}</label>
    <p id="smec-pa-resume-link-hint" class="hint">
      ${msg('在任何设备上打开此链接即可继续填写或查看申请。持有链接的人都能查看和修改申请，请勿转发。', {
        id: 'application.resumeLink.hint',
      })}
    </p>
    <div class="link-row">
      <input
        id="smec-pa-resume-link"
        part="resume-link"
        type="text"
        readonly
        .value=${link}
        aria-describedby="smec-pa-resume-link-hint"
        @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()}
      />
      <button type="button" part="copy-link-button" class="button" @click=${onCopyLink}>
        ${msg('复制链接', { id: 'application.copyLink' })}
      </button>
    </div>
    <p role="status" class="muted">${linkStatus}</p>
  </div>`;
}

export interface SavedViewOptions {
  applicationNo: string;
  link: string;
  /** The fields not saved because they are not right yet. */
  left: readonly string[];
  copyStatus: string;
  linkStatus: string;
  onCopy: () => void;
  onCopyLink: () => void;
}

/** After 保存，稍后继续: the number, the private link and what was not saved. Its heading takes the focus. */
export function renderSaved(options: SavedViewOptions): TemplateResult {
  return html`<section part="saved" class="success" aria-labelledby="smec-pa-saved-title">
    <h3 id="smec-pa-saved-title" tabindex="-1">${msg('已保存，可稍后继续', { id: 'application.saved.title' })}</h3>
    ${renderNumber(options.applicationNo, options.copyStatus, options.onCopy)}
    ${renderLink(options.link, options.linkStatus, options.onCopyLink)}
    <p class="muted">${msg('草稿保留 30 天。本设备再次打开此页面时会自动继续。', { id: 'application.saved.kept' })}</p>
    ${
      options.left.length
        ? html`<p part="not-saved">
            ${msg(str`以下内容尚不符合要求，未保存：${formatList(options.left, speakingLocale())}`, { id: 'application.saved.left' })}
          </p>`
        : nothing
    }
  </section>`;
}

export interface SuccessViewOptions {
  applicationNo: string;
  resubmitted: boolean;
  link: string | undefined;
  copyStatus: string;
  linkStatus: string;
  onCopy: () => void;
  onCopyLink: () => void;
  onLookup: () => void;
}

/** After a submission: the number, what happens next (review, a 7-day public notice) and the lookup. */
export function renderSuccess(options: SuccessViewOptions): TemplateResult {
  return html`<section part="success" class="success" aria-labelledby="smec-pa-success-title">
    <h2 id="smec-pa-success-title" tabindex="-1">
      ${
        options.resubmitted
          ? msg('申请已重新提交', { id: 'application.success.resubmitted' })
          : msg('入驻申请已提交', { id: 'application.success.title' })
      }
    </h2>
    ${renderNumber(options.applicationNo, options.copyStatus, options.onCopy)}
    <h3>${msg('接下来', { id: 'demand.next.title' })}</h3>
    <ol class="next-steps">
      <li>
        ${msg('您所在地区的服务中心将审核申请，需要补充材料时会列明每一项的修改意见。', {
          id: 'application.next.review',
        })}
      </li>
      <li>
        ${msg('审核通过后，申请机构将在平台公示 7 天；公示期内无异议成立的，即完成入驻。', {
          id: 'application.next.notice',
        })}
      </li>
      <li>${msg('凭申请编号和联系人手机号码，可随时查询进度和审核意见。', { id: 'application.next.lookup' })}</li>
    </ol>
    ${options.link ? renderLink(options.link, options.linkStatus, options.onCopyLink) : nothing}
    <button type="button" part="lookup-button" class="button" @click=${options.onLookup}>
      ${msg('查询进度', { id: 'application.lookup' })}
    </button>
  </section>`;
}

function actorText(actor: 'applicant' | 'center' | 'platform'): string {
  if (actor === 'applicant') return msg('申请机构', { id: 'application.actor.applicant' });
  if (actor === 'center') return msg('服务中心', { id: 'application.actor.center' });
  return msg('平台', { id: 'application.actor.platform' });
}

/** Where an application stands: its status, the reviewer's notes per field and the timeline, oldest first. */
export function renderStatusView(
  view: ProviderApplicationStatusView,
  reference: ReferenceData | undefined,
  locale: SmecLocale,
): TemplateResult {
  return html`<section part="status-view" class="status-view" aria-labelledby="smec-pa-status-title">
    <h2 id="smec-pa-status-title" tabindex="-1">${view.name}</h2>
    <dl class="facts">
      <div>
        <dt>${msg('申请编号', { id: 'application.applicationNo' })}</dt>
        <dd>${view.applicationNo}</dd>
      </div>
      <div>
        <dt>${msg('当前状态', { id: 'demand.currentStatus' })}</dt>
        <dd part="current-status" class="current-status">${statusText(view.status)}</dd>
      </div>
      ${
        view.noticeEndsOn
          ? html`<div>
              <dt>${msg('公示截止日期', { id: 'application.noticeEndsOn' })}</dt>
              <dd>${view.noticeEndsOn}</dd>
            </div>`
          : nothing
      }
      <div>
        <dt>${msg('服务类别', { id: 'demand.category' })}</dt>
        <dd>
          ${formatList(
            view.categoryIds.map((id) => categoryName(id, reference?.categories, locale)),
            locale,
          )}
        </dd>
      </div>
      <div>
        <dt>${msg('所在地区', { id: 'demand.region' })}</dt>
        <dd>${regionName(reference, view.regionCode)}</dd>
      </div>
    </dl>
    ${
      view.changeNotes.length
        ? html`<h3>${msg('审核意见', { id: 'application.notes' })}</h3>
            <ul part="notes" class="matches">
              ${view.changeNotes.map((note) => {
                const field = fieldOfPath(note.field);
                return html`<li><strong>${field ? fieldLabel(field) : note.field}</strong>：${note.note}</li>`;
              })}
            </ul>`
        : nothing
    }
    <h3>${msg('办理进度', { id: 'demand.timeline' })}</h3>
    <ol part="timeline" class="timeline">
      ${view.timeline.map(
        (entry) =>
          html`<li>
            <strong>${statusText(entry.status)}</strong>
            <span class="muted">${actorText(entry.actor)}</span>
            <time datetime=${entry.at}>${formatDateTime(entry.at, locale)}</time>
            ${entry.note ? html`<p>${entry.note}</p>` : nothing}
          </li>`,
      )}
    </ol>
  </section>`;
}

/**
 * Copies `text` and says how it went. Without a clipboard (plain HTTP, or permission refused) it selects the
 * element instead, so that Ctrl+C copies it.
 */
export async function copyText(text: string, element: Element | null, copied: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(text);
    return copied;
  } catch {
    if (element instanceof HTMLInputElement) element.select();
    else if (element) window.getSelection()?.selectAllChildren(element);
    return msg('已选中，请按 Ctrl+C 复制', { id: 'application.copySelected' });
  }
}
