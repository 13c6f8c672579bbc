import type { MessageLocale, ProblemCode } from '@smec/schemas';
import { ProblemError } from '../http/problem.js';

/** Problems of the rating API: a stable `code`, a detail in the request's language (zh-HK reads the zh-CN text). */
const TEXT = {
  engagementNotFound: {
    zh: '未找到服务项目 {id}，或该项目不属于贵企业。',
    en: 'No engagement {id} of your enterprise.',
  },
  ratingNotFound: {
    zh: '未找到评价 {id}，或您无权查看。',
    en: 'No rating {id} that you may see.',
  },
  notRated: {
    zh: '服务项目 {id} 尚未评价。',
    en: 'Engagement {id} has not been rated yet.',
  },
  notDelivered: {
    zh: '该服务项目尚未交付验收，验收后方可评价。',
    en: 'This engagement has not been delivered and accepted yet; it can be rated once accepted.',
  },
  alreadyRated: {
    zh: '该服务项目已评价（评价编号 {id}），每个项目只能评价一次。',
    en: 'This engagement has already been rated (rating {id}); an engagement is rated once.',
  },
  noFollowUp: {
    zh: '评价 {id} 没有跟踪回访（仅"不满意"和"非常不满意"的评价需要回访）。',
    en: 'Rating {id} has no follow-up (only dissatisfied and very dissatisfied ratings have one).',
  },
  notAwaitingAnswer: {
    zh: '该回访当前无需答复（状态：{id}）。',
    en: 'This follow-up is not waiting for an answer (status: {id}).',
  },
  notAnswered: {
    zh: '服务机构答复后才能重新反馈或结束回访（当前状态：{id}）。',
    en: 'The follow-up can be reopened or closed only after the provider has answered (status: {id}).',
  },
  alreadyReopened: {
    zh: '该回访已重新反馈过一次，每条评价只能重新反馈一次。',
    en: 'This follow-up has already been reopened once; it can be reopened only once.',
  },
  notOrganization: {
    zh: '当前账号未关联企业或服务机构。',
    en: 'Your account is not linked to an enterprise or a provider.',
  },
} as const;

type Key = keyof typeof TEXT;

function say(locale: MessageLocale, key: Key, id: string): string {
  const text = TEXT[key];
  return (locale === 'en' ? text.en : text.zh).replace('{id}', id);
}

export function ratingProblem(
  code: ProblemCode,
  key: Key,
  locale: MessageLocale,
  id = '',
  extensions?: Record<string, string | number>,
): ProblemError {
  return new ProblemError(code, say(locale, key, id), extensions ? { extensions } : {});
}

export const problems = {
  engagementNotFound: (locale: MessageLocale, id: string) =>
    ratingProblem('not_found', 'engagementNotFound', locale, id),
  ratingNotFound: (locale: MessageLocale, id: string) => ratingProblem('not_found', 'ratingNotFound', locale, id),
  notRated: (locale: MessageLocale, id: string) => ratingProblem('not_found', 'notRated', locale, id),
  notDelivered: (locale: MessageLocale) => ratingProblem('not_delivered', 'notDelivered', locale),
  alreadyRated: (locale: MessageLocale, ratingId: string) =>
    ratingProblem('already_rated', 'alreadyRated', locale, ratingId, { ratingId }),
  noFollowUp: (locale: MessageLocale, id: string) => ratingProblem('not_found', 'noFollowUp', locale, id),
  notAwaitingAnswer: (locale: MessageLocale, status: string) =>
    ratingProblem('follow_up_not_open', 'notAwaitingAnswer', locale, status),
  notAnswered: (locale: MessageLocale, status: string) =>
    ratingProblem('follow_up_not_answered', 'notAnswered', locale, status),
  alreadyReopened: (locale: MessageLocale) => ratingProblem('already_reopened', 'alreadyReopened', locale),
  notOrganization: (locale: MessageLocale) => ratingProblem('forbidden', 'notOrganization', locale),
};
