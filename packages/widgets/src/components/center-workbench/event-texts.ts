import type { EventType } from '@smec/schemas';
import { EVENT_MESSAGES, isEventMessageKey } from '@smec/schemas/rules';
import type { SmecLocale } from '../../i18n/localization.js';
import { msg } from '../../i18n/localization.js';
import type { EventField, EventProblem } from './event-values.js';

export function eventFieldLabel(field: EventField): string {
  switch (field) {
    case 'type':
      return msg('活动类型', { id: 'center.event.type' });
    case 'title':
      return msg('活动名称', { id: 'center.event.title' });
    case 'description':
      return msg('活动简介', { id: 'center.event.description' });
    case 'regionCode':
      return msg('举办地区代码', { id: 'center.event.region' });
    case 'venue':
      return msg('活动地点', { id: 'center.event.venue' });
    case 'onlineUrl':
      return msg('线上参会地址', { id: 'center.event.onlineUrl' });
    case 'startsAt':
      return msg('开始时间', { id: 'center.event.startsAt' });
    case 'endsAt':
      return msg('结束时间', { id: 'center.event.endsAt' });
    case 'registrationOpensAt':
      return msg('报名开始', { id: 'center.event.opensAt' });
    case 'registrationClosesAt':
      return msg('报名截止', { id: 'center.event.closesAt' });
    case 'capacity':
      return msg('名额', { id: 'center.event.capacity' });
    case 'waitlistSize':
      return msg('候补名额（0 表示不设候补）', { id: 'center.event.waitlist' });
  }
}

export function eventTypeName(type: EventType): string {
  switch (type) {
    case 'matching':
      return msg('服务对接活动', { id: 'center.event.type.matching' });
    case 'training':
      return msg('人才培训', { id: 'center.event.type.training' });
    case 'policyBriefing':
      return msg('政策宣讲', { id: 'center.event.type.policyBriefing' });
    case 'expertClinic':
      return msg('专家问诊', { id: 'center.event.type.expertClinic' });
  }
}

/** The words of a problem the form found: the shared rule's in the visitor's language, else the form's own. */
export function eventProblemText(problem: EventProblem, locale: SmecLocale): string {
  if (isEventMessageKey(problem)) return EVENT_MESSAGES[problem][locale];
  switch (problem) {
    case 'time':
      return msg('请填写日期和时间', { id: 'center.event.problem.time' });
    case 'url':
      return msg('请填写以 https:// 开头的网址', { id: 'center.event.problem.url' });
    default:
      return msg('请填写有效的数字', { id: 'center.event.problem.number' });
  }
}
