import type { Demand } from '@smec/schemas';
import { html, type TemplateResult } from 'lit';
import { msg } from '../../i18n/localization.js';

export interface SuccessViewOptions {
  demand: Demand;
  /** What the copy button achieved, announced politely. */
  copyStatus: string;
  onCopy: () => void;
  onAgain: () => void;
}

/** After a submission: the tracking number to keep, and what happens next. Its heading takes the focus. */
export function renderSuccess({ demand, copyStatus, onCopy, onAgain }: SuccessViewOptions): TemplateResult {
  return html`<section part="success" class="success" aria-labelledby="smec-df-success-title">
    <h2 id="smec-df-success-title" tabindex="-1">${msg('需求已提交', { id: 'demand.success.title' })}</h2>
    <p>${msg('您的查询编号', { id: 'demand.success.trackingNo' })}</p>
    <p class="tracking-row">
      <strong part="tracking-no" class="tracking-no">${demand.trackingNo}</strong>
      <button type="button" part="copy-button" class="button" @click=${onCopy}>
        ${msg('复制', { id: 'demand.copy' })}
      </button>
    </p>
    <p role="status" class="muted">${copyStatus}</p>
    <h3>${msg('接下来', { id: 'demand.next.title' })}</h3>
    <ol class="next-steps">
      <li>
        ${msg('中心将在 3 个工作日内受理您的需求，并通过您留下的手机号码与您联系。', { id: 'demand.next.accept' })}
      </li>
      <li>${msg('受理后，中心将为您匹配合适的服务机构和服务产品。', { id: 'demand.next.match' })}</li>
      <li>${msg('请保存查询编号。凭查询编号和手机号码，可随时查询办理进度。', { id: 'demand.next.lookup' })}</li>
    </ol>
    <button type="button" class="button" @click=${onAgain}>${msg('再提交一个需求', { id: 'demand.again' })}</button>
  </section>`;
}

/**
 * Copies the tracking number and says how it went. Without a clipboard (plain HTTP, or permission refused) it
 * selects the number on the page instead, so that Ctrl+C copies it.
 */
export async function copyTrackingNo(trackingNo: string, root: ParentNode): Promise<string> {
  try {
    await navigator.clipboard.writeText(trackingNo);
    return msg('已复制查询编号', { id: 'demand.copied' });
  } catch {
    const element = root.querySelector('[part~="tracking-no"]');
    const selection = window.getSelection();
    if (element && selection) selection.selectAllChildren(element);
    return msg('已选中查询编号，请按 Ctrl+C 复制', { id: 'demand.copySelected' });
  }
}

export { resultViewStyles } from './result-views.styles.js';
