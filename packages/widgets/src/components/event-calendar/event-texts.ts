import { msg, str } from '../../i18n/localization.js';
import type { EventType, ServiceEvent } from '@smec/schemas';
import { isSmecUnauthorizedError } from '@smec/sdk/core';
import { formatNumber } from '../../internal/format.js';
import { problemCode } from '../../internal/problem-code.js';
import { describeError } from '../../views/error-view.js';
import { formatMoment } from './calendar-dates.js';

export function eventTypeName(type: EventType): string {
  switch (type) {
    case 'matching':
      return msg('服务对接', { id: 'event.type.matching' });
    case 'training':
      return msg('培训', { id: 'event.type.training' });
    case 'policyBriefing':
      return msg('政策宣讲', { id: 'event.type.policyBriefing' });
    case 'expertClinic':
      return msg('专家问诊', { id: 'event.type.expertClinic' });
  }
}

/** 「剩余 12 个名额」, 「已满，可候补」 or 「已满」. */
export function seatsText(event: ServiceEvent, locale: string): string {
  if (event.seatsLeft > 0) {
    const seats = formatNumber(event.seatsLeft, locale);
    return event.seatsLeft === 1
      ? msg(str`剩余 ${seats} 个名额`, { id: 'event.seatsLeft.one' })
      : msg(str`剩余 ${seats} 个名额`, { id: 'event.seatsLeft' });
  }
  return event.waitlist ? msg('已满，可候补', { id: 'event.full.waitlist' }) : msg('已满', { id: 'event.full' });
}

export type WindowState = 'cancelled' | 'notYetOpen' | 'open' | 'closed';

export function windowState(event: ServiceEvent, now = Date.now()): WindowState {
  if (event.status === 'cancelled') return 'cancelled';
  if (now < Date.parse(event.registrationOpensAt)) return 'notYetOpen';
  if (now > Date.parse(event.registrationClosesAt)) return 'closed';
  return 'open';
}

export function windowText(event: ServiceEvent, locale: string): string {
  switch (windowState(event)) {
    case 'cancelled':
      return msg('活动已取消', { id: 'event.window.cancelled' });
    case 'notYetOpen': {
      const opens = formatMoment(event.registrationOpensAt, locale);
      return msg(str`报名将于 ${opens} 开始`, { id: 'event.window.notYetOpen' });
    }
    case 'closed':
      return msg('报名已截止', { id: 'event.window.closed' });
    case 'open': {
      const closes = formatMoment(event.registrationClosesAt, locale);
      return msg(str`报名中，${closes} 截止`, { id: 'event.window.open' });
    }
  }
}

/** A failure in the calendar's words: a refused registration or cancellation, an event that is not there. */
export function describeEventError(error: unknown): string {
  switch (problemCode(error)) {
    case 'event_full':
      return msg('名额已满，且本活动不设候补。', { id: 'event.error.full' });
    case 'registration_closed':
      return msg('当前不在报名时间内。', { id: 'event.error.closed' });
    case 'already_registered':
      return msg('您的企业已报名本活动。', { id: 'event.error.already' });
  }
  if (isSmecUnauthorizedError(error)) return msg('登录已失效，请重新登录。', { id: 'event.error.signedOut' });
  return describeError(error, msg('没有找到这项活动，它可能已被撤下。', { id: 'event.error.notFound' }));
}
