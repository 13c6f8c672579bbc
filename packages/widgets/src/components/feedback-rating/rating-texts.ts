import { msg, str } from '../../i18n/localization.js';
import type { Grade, RatingItem, SatisfactionLevel } from '@smec/schemas';
import { isSmecApiError } from '@smec/sdk/core';
import { formatDate, formatNumber } from '../../internal/format.js';
import { describeError } from '../../views/error-view.js';

export function itemName(item: RatingItem): string {
  switch (item) {
    case 'attitude':
      return msg('服务态度', { id: 'feedback.item.attitude' });
    case 'expertise':
      return msg('专业能力', { id: 'feedback.item.expertise' });
    case 'conduct':
      return msg('服务规范', { id: 'feedback.item.conduct' });
    case 'fulfilment':
      return msg('履约情况', { id: 'feedback.item.fulfilment' });
    case 'quality':
      return msg('交付质量', { id: 'feedback.item.quality' });
    case 'value':
      return msg('性价比', { id: 'feedback.item.value' });
    case 'usefulness':
      return msg('服务成效', { id: 'feedback.item.usefulness' });
    case 'afterSales':
      return msg('售后服务', { id: 'feedback.item.afterSales' });
  }
}

export function levelName(level: SatisfactionLevel): string {
  switch (level) {
    case 'verySatisfied':
      return msg('非常满意', { id: 'feedback.level.verySatisfied' });
    case 'satisfied':
      return msg('满意', { id: 'feedback.level.satisfied' });
    case 'neutral':
      return msg('一般', { id: 'feedback.level.neutral' });
    case 'dissatisfied':
      return msg('不满意', { id: 'feedback.level.dissatisfied' });
    case 'veryDissatisfied':
      return msg('非常不满意', { id: 'feedback.level.veryDissatisfied' });
  }
}

/** 「服务态度 8 分（满分 10 分）」: the accessible name of one point of an item. */
export function pointLabel(item: RatingItem, points: number, max: number, locale: string): string {
  const name = itemName(item);
  const value = formatNumber(points, locale);
  const full = formatNumber(max, locale);
  return msg(str`${name} ${value} 分（满分 ${full} 分）`, { id: 'feedback.point' });
}

/** 「8 / 10 分」 or 「未评分」. */
export function itemValueText(points: number | undefined, max: number, locale: string): string {
  if (points === undefined) return msg('未评分', { id: 'feedback.unscored' });
  const value = formatNumber(points, locale);
  const full = formatNumber(max, locale);
  return msg(str`${value} / ${full} 分`, { id: 'feedback.itemValue' });
}

/** 「86 分 · B 级」. */
export function scoreText(score: number, grade: Grade, locale: string): string {
  const value = formatNumber(score, locale);
  return msg(str`${value} 分 · ${grade} 级`, { id: 'feedback.scoreGrade' });
}

/** 「服务机构将在 2027年1月20日前答复」, from a day in Asia/Shanghai (`YYYY-MM-DD`). */
export function dueText(dueOn: string, locale: string): string {
  const date = formatDate(`${dueOn}T12:00:00+08:00`, locale);
  return msg(str`服务机构将在 ${date}前答复`, { id: 'feedback.followUp.due' });
}

/** A refused rating in the visitor's words: rated already, not delivered yet, not theirs, signed out. */
export function describeRateError(error: unknown): string {
  if (isSmecApiError(error)) {
    if (error.code === 'already_rated')
      return msg('这项服务已经评价过了，每项服务只能评价一次。', { id: 'feedback.error.alreadyRated' });
    if (error.code === 'not_delivered') {
      return msg('服务尚未交付验收，验收后才能评价。', { id: 'feedback.error.notDelivered' });
    }
    if (error.status === 404) {
      return msg('没有找到这项服务，或它不属于您的企业。', { id: 'feedback.error.notFound' });
    }
    if (error.status === 401) return msg('登录已失效，请重新登录。', { id: 'event.error.signedOut' });
    if (error.status === 403) return msg('只有接受服务的企业可以评价。', { id: 'feedback.error.forbidden' });
  }
  return describeError(error);
}

/** A failure of show mode in the visitor's words: the provider or the product does not exist (any more). */
export function describeShowError(error: unknown): string {
  return describeError(
    error,
    msg('没有找到这家服务机构或这项服务，它可能已下架。', { id: 'feedback.error.subjectNotFound' }),
  );
}
