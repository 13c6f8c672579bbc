import type { TaskStatus } from '@lit/task';
import type { TemplateResult } from 'lit';
import { renderTextField, type TextFieldOptions } from '../../forms/text-field.js';
import { msg, str, type SmecLocale } from '../../i18n/localization.js';
import type { ReferenceData } from '../catalog/reference-data.js';
import type { ApplicationField, ApplicationValues, StepId } from './application-values.js';
import type { UploadRole, Uploads } from './uploads.js';

/** What a step shows: the values, the categories and regions, each field's problem and the reviewer's note. */
export interface StepView {
  values: ApplicationValues;
  reference: ReferenceData | undefined;
  referenceStatus: TaskStatus;
  locale: SmecLocale;
  uploads: Uploads;
  today: string;
  problem(field: ApplicationField): string | undefined;
  /** The reviewer's note on a field while changes are requested. */
  note(field: ApplicationField): string | undefined;
  onRemove(role: UploadRole, localId: number): void;
}

/** The steps' names, in the visitor's language. */
export function stepName(step: StepId): string {
  switch (step) {
    case 'organisation':
      return msg('机构信息', { id: 'application.step.organisation' });
    case 'scope':
      return msg('服务范围', { id: 'application.step.scope' });
    case 'contact':
      return msg('联系人', { id: 'application.step.contact' });
    case 'files':
      return msg('材料', { id: 'application.step.files' });
    case 'review':
      return msg('确认提交', { id: 'application.step.review' });
  }
}

export function orgTypeName(type: string): string {
  switch (type) {
    case 'company':
      return msg('公司（企业法人）', { id: 'application.orgType.company' });
    case 'partnership':
      return msg('合伙企业（含律师事务所）', { id: 'application.orgType.partnership' });
    case 'publicInstitution':
      return msg('事业单位', { id: 'application.orgType.publicInstitution' });
    case 'privateNonEnterprise':
      return msg('民办非企业单位', { id: 'application.orgType.privateNonEnterprise' });
    default:
      return msg('社会团体', { id: 'application.orgType.association' });
  }
}

/** The reviewer's note goes where the hint is: read with the field, before the control. */
export function hintWithNote(view: StepView, field: ApplicationField, hint?: string): string | undefined {
  const note = view.note(field);
  if (!note) return hint;
  return msg(str`审核意见：${note}`, { id: 'application.note' });
}

export function text(
  view: StepView,
  field: ApplicationField,
  label: string,
  options: TextFieldOptions,
): TemplateResult {
  const hint = hintWithNote(view, field, options.hint);
  return renderTextField(field, label, view.problem(field), { ...options, ...(hint ? { hint } : {}) });
}
