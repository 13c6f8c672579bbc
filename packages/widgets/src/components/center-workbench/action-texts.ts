import { msg } from '../../i18n/localization.js';
import type { WaitingKind } from './waiting-actions.js';

/** The name of each count of the overview. */
export function waitingName(kind: WaitingKind): string {
  switch (kind) {
    case 'newDemands':
      return msg('新提交的需求', { id: 'center.waiting.newDemands' });
    case 'overdueDemands':
      return msg('已逾期的需求', { id: 'center.waiting.overdueDemands' });
    case 'applicationsToReview':
      return msg('待审核的入驻申请', { id: 'center.waiting.applications' });
    case 'openObjections':
      return msg('待处理的公示异议', { id: 'center.waiting.objections' });
    case 'followUpsOverdue':
      return msg('已逾期的回访', { id: 'center.waiting.followUps' });
    case 'eventsSoon':
      return msg('7 天内开始的活动', { id: 'center.waiting.eventsSoon' });
    case 'settlementsWaiting':
      return msg('待结算的服务', { id: 'center.waiting.settlements' });
    case 'batchesNearlyUsedUp':
      return msg('即将领完的服务券批次', { id: 'center.waiting.batches' });
  }
}
