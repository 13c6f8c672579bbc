import type { MessageLocale, ProblemCode } from '@smec/schemas';
import type { Localized } from '../http/localized.js';
import { ProblemError } from '../http/problem.js';

/** Problems of the rating API: a stable `code`, a detail in the request's language. */
const TEXT = {
  engagementNotFound: {
    'zh-CN': '未找到服务项目 {id}，或该项目不属于贵企业。',
    'zh-HK': '找不到服務項目 {id}，或該項目不屬於貴企業。',
    en: 'No engagement {id} of your enterprise.',
  },
  ratingNotFound: {
    'zh-CN': '未找到评价 {id}，或您无权查看。',
    'zh-HK': '找不到評價 {id}，或您無權查看。',
    en: 'No rating {id} that you may see.',
  },
  notRated: {
    'zh-CN': '服务项目 {id} 尚未评价。',
    'zh-HK': '服務項目 {id} 尚未評價。',
    en: 'Engagement {id} has not been rated yet.',
  },
  notDelivered: {
    'zh-CN': '该服务项目尚未交付验收，验收后方可评价。',
    'zh-HK': '該服務項目尚未交付驗收，驗收後方可評價。',
    en: 'This engagement has not been delivered and accepted yet; it can be rated once accepted.',
  },
  alreadyRated: {
    'zh-CN': '该服务项目已评价（评价编号 {id}），每个项目只能评价一次。',
    'zh-HK': '該服務項目已評價（評價編號 {id}），每個項目只能評價一次。',
    en: 'This engagement has already been rated (rating {id}); an engagement is rated once.',
  },
  noFollowUp: {
    'zh-CN': '评价 {id} 没有跟踪回访（仅“不满意”和“非常不满意”的评价需要回访）。',
    'zh-HK': '評價 {id} 沒有跟進回訪（只有「不滿意」和「非常不滿意」的評價需要回訪）。',
    en: 'Rating {id} has no follow-up (only dissatisfied and very dissatisfied ratings have one).',
  },
  notAwaitingAnswer: {
    'zh-CN': '该回访当前无需答复（状态：{id}）。',
    'zh-HK': '該回訪目前無需答覆（狀態：{id}）。',
    en: 'This follow-up is not waiting for an answer (status: {id}).',
  },
  notAnswered: {
    'zh-CN': '服务机构答复后才能重新反馈或结束回访（当前状态：{id}）。',
    'zh-HK': '服務機構答覆後才能重新反映或結束回訪（目前狀態：{id}）。',
    en: 'The follow-up can be reopened or closed only after the provider has answered (status: {id}).',
  },
  alreadyReopened: {
    'zh-CN': '该回访已重新反馈过一次，每条评价只能重新反馈一次。',
    'zh-HK': '該回訪已重新反映過一次，每條評價只能重新反映一次。',
    en: 'This follow-up has already been reopened once; it can be reopened only once.',
  },
  followUpClosed: {
    'zh-CN': '该回访已结束，不能再备注、上报或结束。',
    'zh-HK': '該回訪已結束，不能再備註、上報或結束。',
    en: 'This follow-up is closed: it takes no more notes, escalations or closing.',
  },
  noLevelAbove: {
    'zh-CN': '省级服务中心没有上一级，不能上报。',
    'zh-HK': '省級服務中心沒有上一級，不能上報。',
    en: 'The province’s center has no level above to escalate to.',
  },
  alreadyEscalated: {
    'zh-CN': '该回访已上报至 {id}，无需再次上报。',
    'zh-HK': '該回訪已上報至 {id}，無需再次上報。',
    en: 'This follow-up has already been escalated to {id}.',
  },
  notOrganization: {
    'zh-CN': '当前账号未关联企业或服务机构。',
    'zh-HK': '目前帳戶未有關聯企業或服務機構。',
    en: 'Your account is not linked to an enterprise or a provider.',
  },
} as const satisfies Record<string, Localized>;

type Key = keyof typeof TEXT;

function say(locale: MessageLocale, key: Key, id: string): string {
  return TEXT[key][locale].replace('{id}', id);
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
  followUpClosed: (locale: MessageLocale) => ratingProblem('conflict', 'followUpClosed', locale),
  noLevelAbove: (locale: MessageLocale) => ratingProblem('forbidden', 'noLevelAbove', locale),
  alreadyEscalated: (locale: MessageLocale, regionCode: string) =>
    ratingProblem('conflict', 'alreadyEscalated', locale, regionCode),
  notOrganization: (locale: MessageLocale) => ratingProblem('forbidden', 'notOrganization', locale),
};
