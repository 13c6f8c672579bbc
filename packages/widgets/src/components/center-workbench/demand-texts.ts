import type { DemandStatus } from '@smec/schemas';
import { msg, str } from '../../i18n/localization.js';
import { formatDate } from '../../internal/format.js';
import type { Deadline } from './demand-values.js';

/** A demand's state as the center's staff name it; always written, never shown by colour alone. */
export function demandStatusName(status: DemandStatus): string {
  switch (status) {
    case 'submitted':
      return msg('待受理', { id: 'center.demand.status.submitted' });
    case 'accepted':
      return msg('已受理，待推荐', { id: 'center.demand.status.accepted' });
    case 'matched':
      return msg('已推荐', { id: 'center.demand.status.matched' });
    case 'inService':
      return msg('服务中', { id: 'center.demand.status.inService' });
    case 'closed':
      return msg('已办结', { id: 'center.demand.status.closed' });
    case 'rejected':
      return msg('不予受理', { id: 'center.demand.status.rejected' });
  }
}

/** 「受理期限：2026年12月9日（还剩 2 个工作日）」, or 「……（已逾期 1 个工作日）」 once passed. */
export function deadlineText(deadline: Deadline, locale: string): string {
  const day = formatDate(deadline.at, locale);
  const label =
    deadline.kind === 'acceptBy'
      ? msg('受理期限', { id: 'center.demand.acceptBy' })
      : msg('首次推荐期限', { id: 'center.demand.firstMatchBy' });
  const days = Math.abs(deadline.left);
  const left = deadline.overdue
    ? deadline.left < 0
      ? msg(str`已逾期 ${days} 个工作日`, { id: 'center.demand.overdueBy' })
      : overdueName()
    : deadline.left === 0
      ? msg('今天到期', { id: 'center.demand.dueToday' })
      : msg(str`还剩 ${days} 个工作日`, { id: 'center.demand.daysLeft' });
  return msg(str`${label}：${day}（${left}）`, { id: 'center.demand.deadline' });
}

export function overdueName(): string {
  return msg('已逾期', { id: 'center.demand.overdueFlag' });
}
