import { msg, str } from '../../i18n/localization.js';
import type { Engagement, EngagementStatus, VoucherBatch, VoucherStatus } from '@smec/schemas';
import { isSmecApiError, isSmecForbiddenError, isSmecUnauthorizedError } from '@smec/sdk/core';
import { formatNumber } from '../../internal/format.js';
import { problemCode } from '../../internal/problem-code.js';
import { describeError } from '../../views/error-view.js';

/** A voucher deadline this near (in days) is shown as a warning. */
export const NEAR_DAYS = 7;

export function voucherStatusName(status: VoucherStatus): string {
  switch (status) {
    case 'issued':
      return msg('可使用', { id: 'voucher.status.issued' });
    case 'ordered':
      return msg('已下单', { id: 'voucher.status.ordered' });
    case 'confirmed':
      return msg('服务中', { id: 'voucher.status.confirmed' });
    case 'delivered':
      return msg('已验收', { id: 'voucher.status.delivered' });
    case 'settled':
      return msg('已结算', { id: 'voucher.status.settled' });
    case 'expired':
      return msg('已过期', { id: 'voucher.status.expired' });
    case 'withdrawn':
      return msg('已退回', { id: 'voucher.status.withdrawn' });
    case 'revoked':
      return msg('已作废', { id: 'voucher.status.revoked' });
  }
}

export function engagementStatusName(status: EngagementStatus): string {
  switch (status) {
    case 'ordered':
      return msg('待机构确认', { id: 'engagement.status.ordered' });
    case 'confirmed':
      return msg('机构已确认', { id: 'engagement.status.confirmed' });
    case 'inProgress':
      return msg('服务中', { id: 'engagement.status.inProgress' });
    case 'delivered':
      return msg('已交付', { id: 'engagement.status.delivered' });
    case 'closed':
      return msg('已结项', { id: 'engagement.status.closed' });
    case 'cancelled':
      return msg('已取消', { id: 'engagement.status.cancelled' });
  }
}

/**
 * What an engagement's badge says. An accepted delivery stays `delivered` until the center settles it (then
 * `closed`): the acceptance is its `acceptedAt`, so the badge says 已验收 from then on, not 已交付.
 */
export function engagementStateName(engagement: Pick<Engagement, 'status' | 'acceptedAt'>): string {
  if (engagement.status === 'delivered' && engagement.acceptedAt !== null) {
    return msg('已验收', { id: 'engagement.status.accepted' });
  }
  return engagementStatusName(engagement.status);
}

export function actorRoleName(role: 'enterprise' | 'provider' | 'admin' | 'system'): string {
  switch (role) {
    case 'enterprise':
      return msg('企业', { id: 'wallet.actor.enterprise' });
    case 'provider':
      return msg('服务机构', { id: 'wallet.actor.provider' });
    case 'admin':
      return msg('服务中心', { id: 'wallet.actor.admin' });
    case 'system':
      return msg('平台', { id: 'wallet.actor.system' });
  }
}

/** 「还剩 5 天」, 「今天截止」. */
export function daysLeftText(days: number, locale: string): string {
  if (days === 0) return msg('今天截止', { id: 'wallet.daysLeft.today' });
  const count = formatNumber(days, locale);
  return days === 1
    ? msg(str`还剩 ${count} 天`, { id: 'wallet.daysLeft.one' })
    : msg(str`还剩 ${count} 天`, { id: 'wallet.daysLeft' });
}

/** 「5 天后开始领取」 for an upcoming batch, 「今天开始领取」 on its opening day. */
export function opensInText(days: number, locale: string): string {
  if (days === 0) return msg('今天开始领取', { id: 'wallet.batch.opensToday' });
  const count = formatNumber(days, locale);
  return days === 1
    ? msg(str`${count} 天后开始领取`, { id: 'wallet.batch.opensIn.one' })
    : msg(str`${count} 天后开始领取`, { id: 'wallet.batch.opensIn' });
}

export function quotaText(batch: VoucherBatch, locale: string): string {
  const left = formatNumber(batch.remaining, locale);
  const quota = formatNumber(batch.quota, locale);
  return msg(str`剩余 ${left} / ${quota} 张`, { id: 'wallet.batch.quota' });
}

/** A failure in the wallet's words: a refused claim, hand-back or acceptance, a voucher or batch that is not there. */
export function describeActionError(error: unknown): string {
  switch (problemCode(error)) {
    case 'claim_not_open':
      return msg('当前不在领取时间内。', { id: 'wallet.error.claimNotOpen' });
    case 'quota_exhausted':
      return msg('本批次的服务券已领完。', { id: 'wallet.error.quotaExhausted' });
    case 'already_claimed':
      return msg('您的企业已领取过本批次的服务券。', { id: 'wallet.error.alreadyClaimed' });
    case 'annual_cap_reached':
      return msg('您的企业本年度的服务券额度已用完。', { id: 'wallet.error.capReached.claim' });
    case 'not_eligible': {
      const detail = isSmecApiError(error) ? error.problem.detail : undefined;
      return detail
        ? msg(str`您的企业不符合本批次的申领条件：${detail}`, { id: 'wallet.error.notEligible.detail' })
        : msg('您的企业不符合本批次的申领条件。', { id: 'wallet.error.notEligible' });
    }
    case 'voucher_not_returnable':
      return msg('只有未使用的服务券可以退回。', { id: 'wallet.error.notReturnable' });
  }
  if (isSmecUnauthorizedError(error)) return signedOutText();
  if (isSmecForbiddenError(error)) {
    return msg('只有企业账号可以领取和使用服务券。', { id: 'wallet.error.notEnterprise' });
  }
  return describeError(error, msg('没有找到相应的服务券或批次，请刷新后再试。', { id: 'wallet.error.notFound' }));
}

export function signedOutText(): string {
  return msg('登录已失效，请重新登录。', { id: 'wallet.error.signedOut' });
}
