import type { MessageLocale, ProblemCode } from '@smec/schemas';
import { ProblemError } from '../http/problem.js';

/** The problems of vouchers and engagements, each with a stable code and a detail in the request's language. */
const TEXT = {
  voucherNotFound: { zh: '未找到服务券 {x}。', en: 'No voucher {x}.' },
  batchNotFound: { zh: '未找到服务券批次 {x}。', en: 'No voucher batch {x}.' },
  engagementNotFound: { zh: '未找到服务项目 {x}。', en: 'No engagement {x}.' },
  notEnterprise: { zh: '当前账号未关联企业。', en: 'Your account is not linked to an enterprise.' },
  noProfile: {
    zh: '未找到贵企业的登记信息，暂不能领取服务券，请联系服务中心。',
    en: 'Your enterprise has no profile on the platform yet; contact the service center to claim vouchers.',
  },
  claimNotOpen: {
    zh: '该批次服务券当前不在领取时间内（{x}）。',
    en: 'This batch is not open for claims ({x}).',
  },
  quotaExhausted: { zh: '该批次服务券已领完。', en: 'This batch has no vouchers left.' },
  alreadyClaimed: {
    zh: '贵企业已领取该批次服务券（{x}），每家企业每批次限领一张。',
    en: 'Your enterprise already holds a voucher of this batch ({x}); one per enterprise and batch.',
  },
  capReached: {
    zh: '贵企业本年度服务券额度已用完（上限 {x}）。',
    en: 'Your enterprise has reached this year’s voucher cap ({x}).',
  },
  sizeNotRecorded: {
    zh: '贵企业的规模（微型、小型或中型）尚未登记，暂不能领取该批次服务券，请联系服务中心。',
    en: 'Your enterprise’s size (micro, small or medium) is not on record yet; contact the service center to claim this batch.',
  },
  notEligibleSize: {
    zh: '该批次仅限{x}企业领取。',
    en: 'This batch is for {x} enterprises only.',
  },
  notEligibleTags: {
    zh: '该批次仅限具有以下资质之一的企业领取：{x}。',
    en: 'This batch requires one of these recognitions: {x}.',
  },
  notEligibleRegion: {
    zh: '贵企业所在地区不在该批次的发放范围内（{x}）。',
    en: 'Your enterprise’s region is outside this batch’s scope ({x}).',
  },
  notUsable: {
    zh: '该服务券当前状态为“{x}”，不能使用。',
    en: 'This voucher is {x} and cannot be used.',
  },
  expired: { zh: '该服务券已过使用期限（{x}），已作废。', en: 'This voucher expired at {x} and is void.' },
  productNotFound: { zh: '未找到服务产品 {x}。', en: 'No product {x}.' },
  productNotEligible: {
    zh: '服务产品“{x}”不可使用服务券（未上架、不支持用券或不在该批次适用类别内）。',
    en: 'The product “{x}” does not take this voucher (not published, not voucher-eligible, or outside the batch’s categories).',
  },
  relatedParty: {
    zh: '贵企业与服务机构“{x}”存在关联关系（统一社会信用代码或法定代表人相同），不能使用服务券。',
    en: 'Your enterprise and the provider “{x}” are related parties (same credit code or legal representative); vouchers cannot be used between them.',
  },
  notReturnable: {
    zh: '该服务券当前状态为“{x}”，只有未使用的服务券可以退回。',
    en: 'This voucher is {x}; only an unused voucher can be handed back.',
  },
  conflict: {
    zh: '服务项目当前状态为“{x}”，不能执行此操作。',
    en: 'The engagement is {x}; this move is not allowed now.',
  },
  forbiddenMove: { zh: '您的账号不能对该服务项目执行此操作。', en: 'Your account may not make this move.' },
} as const;

export type VoucherText = keyof typeof TEXT;

export function say(locale: MessageLocale, key: VoucherText, x = ''): string {
  const text = TEXT[key];
  return (locale === 'en' ? text.en : text.zh).replace('{x}', x);
}

export function problem(
  code: ProblemCode,
  locale: MessageLocale,
  key: VoucherText,
  x = '',
  extensions?: Record<string, string | number>,
): ProblemError {
  return new ProblemError(code, say(locale, key, x), extensions ? { extensions } : {});
}

export const voucherNotFound = (locale: MessageLocale, id: string) =>
  problem('not_found', locale, 'voucherNotFound', id);
export const engagementNotFound = (locale: MessageLocale, id: string) =>
  problem('not_found', locale, 'engagementNotFound', id);

const STATUS_ZH: Record<string, string> = {
  issued: '未使用',
  ordered: '已下单',
  confirmed: '已确认',
  delivered: '已验收',
  settled: '已结算',
  expired: '已过期',
  withdrawn: '已退回',
  revoked: '已作废',
  inProgress: '服务中',
  closed: '已关闭',
  cancelled: '已取消',
};

/** A status as the detail names it: Chinese words, or the English status itself. */
export function statusWord(locale: MessageLocale, status: string): string {
  return locale === 'en' ? status : (STATUS_ZH[status] ?? status);
}

/** Money in a detail, e.g. ¥20,000.00. */
export function yuan(locale: MessageLocale, fen: number): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN', { style: 'currency', currency: 'CNY' }).format(
    fen / 100,
  );
}

const SIZE_WORDS: Record<string, { zh: string; en: string }> = {
  micro: { zh: '微型', en: 'micro' },
  small: { zh: '小型', en: 'small' },
  medium: { zh: '中型', en: 'medium-sized' },
};
const TAG_WORDS: Record<string, { zh: string; en: string }> = {
  specialized: { zh: '专精特新', en: 'specialized (专精特新)' },
  littleGiant: { zh: '专精特新“小巨人”', en: 'little giant (小巨人)' },
  upgraded: { zh: '小升规', en: 'upgraded above the threshold (小升规)' },
  highTech: { zh: '高新技术企业', en: 'high-tech enterprise' },
  techSme: { zh: '科技型中小企业', en: 'technology-based SME' },
};

function words(locale: MessageLocale, values: readonly string[], table: Record<string, { zh: string; en: string }>) {
  const list = values.map((value) => (locale === 'en' ? table[value]?.en : table[value]?.zh) ?? value);
  return list.join(locale === 'en' ? ', ' : '、');
}

/** A batch's enterprise sizes as the eligibility detail names them, e.g. 微型、小型 or micro, small. */
export function sizeWords(locale: MessageLocale, sizes: readonly string[]): string {
  return words(locale, sizes, SIZE_WORDS);
}

/** A batch's recognitions as the eligibility detail names them. */
export function tagWords(locale: MessageLocale, tags: readonly string[]): string {
  return words(locale, tags, TAG_WORDS);
}
