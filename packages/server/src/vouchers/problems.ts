import type { MessageLocale, ProblemCode } from '@smec/schemas';
import type { Localized } from '../http/localized.js';
import { ProblemError, validationFailed } from '../http/problem.js';

/** The problems of vouchers and engagements, each with a stable code and a detail in the request's language. */
const TEXT = {
  voucherNotFound: { 'zh-CN': '未找到服务券 {x}。', 'zh-HK': '找不到服務券 {x}。', en: 'No voucher {x}.' },
  batchNotFound: { 'zh-CN': '未找到服务券批次 {x}。', 'zh-HK': '找不到服務券批次 {x}。', en: 'No voucher batch {x}.' },
  engagementNotFound: { 'zh-CN': '未找到服务项目 {x}。', 'zh-HK': '找不到服務項目 {x}。', en: 'No engagement {x}.' },
  notEnterprise: {
    'zh-CN': '当前账号未关联企业。',
    'zh-HK': '目前帳戶未有關聯企業。',
    en: 'Your account is not linked to an enterprise.',
  },
  noProfile: {
    'zh-CN': '未找到贵企业的登记信息，暂不能领取服务券，请联系服务中心。',
    'zh-HK': '找不到貴企業的登記資料，暫時未能領取服務券，請聯絡服務中心。',
    en: 'Your enterprise has no profile on the platform yet; contact the service center to claim vouchers.',
  },
  claimNotOpen: {
    'zh-CN': '该批次服务券当前不在领取时间内（{x}）。',
    'zh-HK': '該批次服務券目前不在領取時間內（{x}）。',
    en: 'This batch is not open for claims ({x}).',
  },
  batchPaused: {
    'zh-CN': '该批次服务券已暂停领取，请留意服务中心的通知。',
    'zh-HK': '該批次服務券已暫停領取，請留意服務中心的通知。',
    en: 'The center has paused claims on this batch; watch for its notice.',
  },
  batchClosed: {
    'zh-CN': '该批次服务券已停止领取。',
    'zh-HK': '該批次服務券已停止領取。',
    en: 'The center has closed this batch: it takes no more claims.',
  },
  quotaExhausted: {
    'zh-CN': '该批次服务券已领完。',
    'zh-HK': '該批次服務券已領完。',
    en: 'This batch has no vouchers left.',
  },
  alreadyClaimed: {
    'zh-CN': '贵企业已领取该批次服务券（{x}），每家企业每批次限领一张。',
    'zh-HK': '貴企業已領取該批次服務券（{x}），每家企業每批次限領一張。',
    en: 'Your enterprise already holds a voucher of this batch ({x}); one per enterprise and batch.',
  },
  capReached: {
    'zh-CN': '贵企业本年度服务券额度已用完（上限 {x}）。',
    'zh-HK': '貴企業本年度服務券額度已用完（上限 {x}）。',
    en: 'Your enterprise has reached this year’s voucher cap ({x}).',
  },
  sizeNotRecorded: {
    'zh-CN': '贵企业的规模（微型、小型或中型）尚未登记，暂不能领取该批次服务券，请联系服务中心。',
    'zh-HK': '貴企業的規模（微型、小型或中型）尚未登記，暫時未能領取該批次服務券，請聯絡服務中心。',
    en: 'Your enterprise’s size (micro, small or medium) is not on record yet; contact the service center to claim this batch.',
  },
  notEligibleSize: {
    'zh-CN': '该批次仅限{x}企业领取。',
    'zh-HK': '該批次只限{x}企業領取。',
    en: 'This batch is for {x} enterprises only.',
  },
  notEligibleTags: {
    'zh-CN': '该批次仅限具有以下资质之一的企业领取：{x}。',
    'zh-HK': '該批次只限具有以下資質之一的企業領取：{x}。',
    en: 'This batch requires one of these recognitions: {x}.',
  },
  notEligibleRegion: {
    'zh-CN': '贵企业所在地区不在该批次的发放范围内（{x}）。',
    'zh-HK': '貴企業所在地區不在該批次的發放範圍內（{x}）。',
    en: 'Your enterprise’s region is outside this batch’s scope ({x}).',
  },
  notUsable: {
    'zh-CN': '该服务券当前状态为“{x}”，不能使用。',
    'zh-HK': '該服務券目前狀態為「{x}」，不能使用。',
    en: 'This voucher is {x} and cannot be used.',
  },
  expired: {
    'zh-CN': '该服务券已过使用期限（{x}），已作废。',
    'zh-HK': '該服務券已過使用期限（{x}），已作廢。',
    en: 'This voucher expired at {x} and is void.',
  },
  productNotFound: { 'zh-CN': '未找到服务产品 {x}。', 'zh-HK': '找不到服務產品 {x}。', en: 'No product {x}.' },
  productNotEligible: {
    'zh-CN': '服务产品“{x}”不可使用服务券（未上架、不支持用券或不在该批次适用类别内）。',
    'zh-HK': '服務產品「{x}」不可使用服務券（未上架、不支援用券或不在該批次適用類別內）。',
    en: 'The product “{x}” does not take this voucher (not published, not voucher-eligible, or outside the batch’s categories).',
  },
  relatedParty: {
    'zh-CN': '贵企业与服务机构“{x}”存在关联关系（统一社会信用代码或法定代表人相同），不能使用服务券。',
    'zh-HK': '貴企業與服務機構「{x}」存在關聯關係（統一社會信用代碼或法定代表人相同），不能使用服務券。',
    en: 'Your enterprise and the provider “{x}” are related parties (same credit code or legal representative); vouchers cannot be used between them.',
  },
  productNotOrderable: {
    'zh-CN': '服务产品“{x}”当前未上架，暂不能预约。',
    'zh-HK': '服務產品「{x}」目前未上架，暫時未能預約。',
    en: 'The product “{x}” is not published: it cannot be ordered now.',
  },
  freeTakesNoVoucher: {
    'zh-CN': '服务产品“{x}”为公益（免费）服务，无需也不能使用服务券。',
    'zh-HK': '服務產品「{x}」為公益（免費）服務，無需亦不能使用服務券。',
    en: 'The product “{x}” is a free (public-interest) service: it takes no voucher.',
  },
  relatedPartyOrder: {
    'zh-CN': '贵企业与服务机构“{x}”存在关联关系（统一社会信用代码或法定代表人相同），不能通过平台向其下单。',
    'zh-HK': '貴企業與服務機構「{x}」存在關聯關係（統一社會信用代碼或法定代表人相同），不能透過平台向其下單。',
    en: 'Your enterprise and the provider “{x}” are related parties (same credit code or legal representative); the platform takes no orders between them.',
  },
  noProfileOrder: {
    'zh-CN': '未找到贵企业的登记信息，暂不能预约服务，请联系服务中心。',
    'zh-HK': '找不到貴企業的登記資料，暫時未能預約服務，請聯絡服務中心。',
    en: 'Your enterprise has no profile on the platform yet; contact the service center to order services.',
  },
  freeHasNoAmount: {
    'zh-CN': '公益（免费）服务的合同金额为 0，不能填写金额。',
    'zh-HK': '公益（免費）服務的合約金額為 0，不能填寫金額。',
    en: 'A free (public-interest) service is ordered at 0: it takes no contract amount.',
  },
  noPrice: {
    'zh-CN': '该服务产品未标价，请填写与服务机构商定的合同金额。',
    'zh-HK': '該服務產品未標價，請填寫與服務機構商定的合約金額。',
    en: 'The product has no price: give the contract amount agreed with the provider.',
  },
  notReturnable: {
    'zh-CN': '该服务券当前状态为“{x}”，只有未使用的服务券可以退回。',
    'zh-HK': '該服務券目前狀態為「{x}」，只有未使用的服務券可以退回。',
    en: 'This voucher is {x}; only an unused voucher can be handed back.',
  },
  conflict: {
    'zh-CN': '服务项目当前状态为“{x}”，不能执行此操作。',
    'zh-HK': '服務項目目前狀態為「{x}」，不能執行此操作。',
    en: 'The engagement is {x}; this move is not allowed now.',
  },
  forbiddenMove: {
    'zh-CN': '您的账号不能对该服务项目执行此操作。',
    'zh-HK': '您的帳戶不能對該服務項目執行此操作。',
    en: 'Your account may not make this move.',
  },
} as const satisfies Record<string, Localized>;

export type VoucherText = keyof typeof TEXT;

export function say(locale: MessageLocale, key: VoucherText, x = ''): string {
  return TEXT[key][locale].replace('{x}', x);
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

const STATUS_WORDS: Record<string, Localized> = {
  issued: { 'zh-CN': '未使用', 'zh-HK': '未使用', en: 'issued' },
  ordered: { 'zh-CN': '已下单', 'zh-HK': '已下單', en: 'ordered' },
  confirmed: { 'zh-CN': '已确认', 'zh-HK': '已確認', en: 'confirmed' },
  delivered: { 'zh-CN': '已验收', 'zh-HK': '已驗收', en: 'delivered' },
  settled: { 'zh-CN': '已结算', 'zh-HK': '已結算', en: 'settled' },
  expired: { 'zh-CN': '已过期', 'zh-HK': '已過期', en: 'expired' },
  withdrawn: { 'zh-CN': '已退回', 'zh-HK': '已退回', en: 'withdrawn' },
  revoked: { 'zh-CN': '已作废', 'zh-HK': '已作廢', en: 'revoked' },
  inProgress: { 'zh-CN': '服务中', 'zh-HK': '服務中', en: 'inProgress' },
  closed: { 'zh-CN': '已关闭', 'zh-HK': '已關閉', en: 'closed' },
  cancelled: { 'zh-CN': '已取消', 'zh-HK': '已取消', en: 'cancelled' },
};

/** A status as the detail names it: Chinese words, or the English status itself. */
export function statusWord(locale: MessageLocale, status: string): string {
  return STATUS_WORDS[status]?.[locale] ?? status;
}

/** Money in a detail, e.g. ¥20,000.00. */
export function yuan(locale: MessageLocale, fen: number): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(fen / 100);
}

const SIZE_WORDS: Record<string, Localized> = {
  micro: { 'zh-CN': '微型', 'zh-HK': '微型', en: 'micro' },
  small: { 'zh-CN': '小型', 'zh-HK': '小型', en: 'small' },
  medium: { 'zh-CN': '中型', 'zh-HK': '中型', en: 'medium-sized' },
};
const TAG_WORDS: Record<string, Localized> = {
  specialized: { 'zh-CN': '专精特新', 'zh-HK': '專精特新', en: 'specialized, refined, distinctive and innovative' },
  littleGiant: { 'zh-CN': '专精特新“小巨人”', 'zh-HK': '專精特新「小巨人」', en: 'little giant' },
  upgraded: { 'zh-CN': '小升规', 'zh-HK': '小升規', en: 'upgraded above the threshold' },
  highTech: { 'zh-CN': '高新技术企业', 'zh-HK': '高新技術企業', en: 'high-tech enterprise' },
  techSme: { 'zh-CN': '科技型中小企业', 'zh-HK': '科技型中小企業', en: 'technology-based SME' },
};

function words(locale: MessageLocale, values: readonly string[], table: Record<string, Localized>) {
  const list = values.map((value) => table[value]?.[locale] ?? value);
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

/** A 400 naming the field at `path`, with one of the texts above as its message (in every language). */
export function fieldProblem(path: string, key: VoucherText): ProblemError {
  return validationFailed([{ path, code: 'invalid', message: TEXT[key] }]);
}
