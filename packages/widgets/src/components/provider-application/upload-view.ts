import { html, nothing, type TemplateResult } from 'lit';
import { describedBy, fieldId, renderField } from '../../forms/field-view.js';
import { msg, str, type SmecLocale } from '../../i18n/localization.js';
import { formatNumber } from '../../internal/format.js';
import { describeError } from '../../views/error-view.js';
import type { Upload, UploadRole, Uploads } from './uploads.js';

/** What the file fields need of the step. */
export interface UploadsView {
  uploads: Uploads;
  locale: SmecLocale;
  onRemove(role: UploadRole, localId: number): void;
}

export interface UploadField {
  role: UploadRole;
  label: string;
  hint: string;
  error: string | undefined;
  optional?: boolean;
}

/** 1.2 MB, 340 KB: the size a person reads. */
export function fileSize(bytes: number, locale: SmecLocale): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;
}

function stateText(upload: Upload): string {
  if (upload.state === 'uploading') return msg('正在上传…', { id: 'application.upload.uploading' });
  if (upload.state === 'done') return msg('已上传', { id: 'application.upload.done' });
  if (upload.error === 'tooLarge') return msg('上传失败：文件超过 5 MB', { id: 'application.upload.tooLarge' });
  return msg(str`上传失败：${describeError(upload.error)}`, { id: 'application.upload.failed' });
}

function renderUpload(view: UploadsView, role: UploadRole, upload: Upload): TemplateResult {
  return html`<li part="file" class=${`file file-${upload.state}`}>
    <span class="file-name">${upload.name}</span>
    ${upload.size ? html`<span class="muted">${fileSize(upload.size, view.locale)}</span>` : nothing}
    <span part="file-state" class="file-state">${stateText(upload)}</span>
    <button type="button" part="remove-button" class="link-button" @click=${() => view.onRemove(role, upload.localId)}>
      ${msg('移除', { id: 'application.upload.remove' })}<span class="sr-only">${upload.name}</span>
    </button>
  </li>`;
}

/**
 * A real file input with its visible label (keyboard and screen readers work as with any input), and under it the
 * files chosen, each with its size, its state and a button that removes it. The list is announced as it changes.
 */
export function renderUploads(view: UploadsView, field: UploadField): TemplateResult {
  const { role, error } = field;
  const list = role === 'licence' ? (view.uploads.licence ? [view.uploads.licence] : []) : view.uploads.certificates;
  return renderField({
    name: role,
    label: field.label,
    hint: field.hint,
    error,
    optional: field.optional ?? false,
    control: html`<input
        id=${fieldId(role)}
        name=${role}
        type="file"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        ?multiple=${role === 'certificates'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(role, true, error)}
      />
      <ul class="files" aria-live="polite">
        ${list.map((upload) => renderUpload(view, role, upload))}
      </ul>`,
  });
}
