import { msg } from '../../i18n/localization.js';
import type { DemandStatus, DemandStatusView } from '@smec/schemas';
import { html, nothing } from 'lit';
import type { SmecLocale } from '../../i18n/localization.js';
import { formatDateTime } from '../../internal/date-time.js';
import { categoryName, regionName, type ReferenceData } from '../catalog/reference-data.js';

/** A demand's state in words: the status is always written, never shown by colour alone. */
export function statusText(status: DemandStatus): string {
  switch (status) {
    case 'submitted':
      return msg('已提交，待受理', { id: 'demand.status.submitted' });
    case 'accepted':
      return msg('已受理', { id: 'demand.status.accepted' });
    case 'matched':
      return msg('已匹配服务机构', { id: 'demand.status.matched' });
    case 'inService':
      return msg('服务中', { id: 'demand.status.inService' });
    case 'closed':
      return msg('已办结', { id: 'demand.status.closed' });
    case 'rejected':
      return msg('不予受理', { id: 'demand.status.rejected' });
  }
}

/** Where a demand stands: status, matched providers and the timeline as an ordered list, oldest first. */
export function renderStatusView(view: DemandStatusView, reference: ReferenceData | undefined, locale: SmecLocale) {
  return html`<section part="status-view" class="status-view" aria-labelledby="smec-df-status-title">
    <h2 id="smec-df-status-title" tabindex="-1">${view.title}</h2>
    <dl class="facts">
      <div>
        <dt>${msg('查询编号', { id: 'demand.trackingNo' })}</dt>
        <dd>${view.trackingNo}</dd>
      </div>
      <div>
        <dt>${msg('当前状态', { id: 'demand.currentStatus' })}</dt>
        <dd part="current-status" class="current-status status-${view.status}">${statusText(view.status)}</dd>
      </div>
      ${
        view.rejectReason
          ? html`<div>
              <dt>${msg('不予受理原因', { id: 'demand.rejectReason' })}</dt>
              <dd>${view.rejectReason}</dd>
            </div>`
          : nothing
      }
      <div>
        <dt>${msg('服务类别', { id: 'demand.category' })}</dt>
        <dd>${categoryName(view.categoryId, reference?.categories, locale)}</dd>
      </div>
      <div>
        <dt>${msg('所在地区', { id: 'demand.region' })}</dt>
        <dd>${regionName(reference, view.regionCode)}</dd>
      </div>
      <div>
        <dt>${msg('联系电话', { id: 'demand.contactPhone' })}</dt>
        <dd>${view.contactPhone}</dd>
      </div>
    </dl>
    ${
      view.matches.length
        ? html`<h3>${msg('匹配的服务机构', { id: 'demand.matches' })}</h3>
            <ul part="matches" class="matches">
              ${view.matches.map(
                (match) =>
                  html`<li>
                    <strong>${match.providerName}</strong>${match.productName ? html` · ${match.productName}` : nothing}
                    ${match.note ? html`<p class="muted">${match.note}</p>` : nothing}
                  </li>`,
              )}
            </ul>`
        : nothing
    }
    <h3>${msg('办理进度', { id: 'demand.timeline' })}</h3>
    <ol part="timeline" class="timeline">
      ${view.timeline.map(
        (entry) =>
          html`<li>
            <strong>${statusText(entry.status)}</strong>
            <time datetime=${entry.at}>${formatDateTime(entry.at, locale)}</time>
            ${entry.note ? html`<p>${entry.note}</p>` : nothing}
          </li>`,
      )}
    </ol>
  </section>`;
}

export { resultViewStyles } from './result-views.styles.js';
