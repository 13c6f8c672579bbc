import type { Admission, AdmissionFilter, ProviderAccount, ProviderTimelineEntry } from '@smec/schemas';
import { msg } from '../../i18n/localization.js';

/** The moves a center makes on a provider from its list (a pending change is decided elsewhere). */
export type ProviderMove = 'suspend' | 'reinstate' | 'remove';

/** The platform's bounds of a move's reason (ProviderTransition). */
export const PROVIDER_REASON_MIN = 5;
export const PROVIDER_REASON_MAX = 500;

/** The list's filter, in the order the platform takes it (ProviderAccountsQuery). */
export const ADMISSION_FILTERS: readonly AdmissionFilter[] = ['current', 'admitted', 'suspended', 'removed'];

export function admissionName(admission: Admission): string {
  switch (admission) {
    case 'admitted':
      return msg('已入驻', { id: 'center.accounts.state.admitted' });
    case 'suspended':
      return msg('已暂停', { id: 'center.accounts.state.suspended' });
    case 'removed':
      return msg('已移出', { id: 'center.accounts.state.removed' });
    case 'pending':
      return msg('待审核', { id: 'center.accounts.state.pending' });
    case 'publicNotice':
      return msg('公示中', { id: 'center.accounts.state.publicNotice' });
  }
}

export function admissionFilterName(filter: AdmissionFilter): string {
  return filter === 'current' ? msg('已入驻和已暂停', { id: 'center.accounts.filter.current' }) : admissionName(filter);
}

export function providerStepName(action: ProviderTimelineEntry['action']): string {
  switch (action) {
    case 'suspend':
      return msg('暂停服务', { id: 'center.accounts.step.suspend' });
    case 'reinstate':
      return msg('恢复服务', { id: 'center.accounts.step.reinstate' });
    case 'remove':
      return msg('移出平台', { id: 'center.accounts.step.remove' });
    case 'requestChange':
      return msg('申请变更信息', { id: 'center.accounts.step.requestChange' });
    case 'approveChange':
      return msg('同意变更', { id: 'center.accounts.step.approveChange' });
    case 'refuseChange':
      return msg('不同意变更', { id: 'center.accounts.step.refuseChange' });
  }
}

const MOVES_OF_ADMISSION: ReadonlySet<ProviderTimelineEntry['action']> = new Set(['suspend', 'reinstate', 'remove']);

/**
 * Since when the provider is in its admission: the last suspension, reinstatement or removal on its timeline, else
 * its admission day; null when neither is known.
 */
export function sinceOf(account: ProviderAccount): string | null {
  const last = account.timeline.findLast((step) => MOVES_OF_ADMISSION.has(step.action));
  return last?.at ?? account.profile.admittedOn;
}
