import type { ProblemCode } from './problem.js';

/** A problem code's short title in one language: the `title` member of the problem+json body. */
export interface ProblemTitle {
  'zh-CN': string;
  'zh-HK': string;
  en: string;
}

/** Every code's title, in zh-CN, zh-HK and en. The type refuses a code without one. */
export const PROBLEM_TITLES: Readonly<Record<ProblemCode, ProblemTitle>> = {
  validation_failed: { 'zh-CN': '请求内容有误', 'zh-HK': '請求內容有誤', en: 'The request is not valid' },
  invalid_cursor: { 'zh-CN': '分页游标无效', 'zh-HK': '分頁游標無效', en: 'The cursor is not valid for this query' },
  unauthorized: { 'zh-CN': '需要登录', 'zh-HK': '需要登入', en: 'Sign-in required' },
  forbidden: { 'zh-CN': '无权进行此操作', 'zh-HK': '無權進行此操作', en: 'Not allowed' },
  not_eligible: { 'zh-CN': '不符合条件', 'zh-HK': '不符合條件', en: 'Not eligible' },
  not_found: { 'zh-CN': '未找到', 'zh-HK': '找不到', en: 'Not found' },
  method_not_allowed: { 'zh-CN': '不支持该请求方法', 'zh-HK': '不支援該請求方法', en: 'Method not allowed' },
  conflict: { 'zh-CN': '当前状态不允许此操作', 'zh-HK': '目前狀態不容許此操作', en: 'Conflict' },
  idempotency_key_reused: {
    'zh-CN': '幂等键已用于另一请求',
    'zh-HK': '冪等鍵已用於另一請求',
    en: 'Idempotency key reused with another request',
  },
  request_in_progress: {
    'zh-CN': '使用该幂等键的首次请求仍在处理',
    'zh-HK': '使用該冪等鍵的首次請求仍在處理',
    en: 'The first request with this idempotency key is still running',
  },
  payload_too_large: { 'zh-CN': '请求内容过大', 'zh-HK': '請求內容過大', en: 'Payload too large' },
  unsupported_media_type: { 'zh-CN': '不支持的内容类型', 'zh-HK': '不支援的內容類型', en: 'Unsupported media type' },
  rate_limited: { 'zh-CN': '请求过于频繁', 'zh-HK': '請求過於頻繁', en: 'Too many requests' },
  already_claimed: { 'zh-CN': '已领取', 'zh-HK': '已領取', en: 'Already claimed' },
  already_registered: { 'zh-CN': '已报名', 'zh-HK': '已報名', en: 'Already registered' },
  already_rated: { 'zh-CN': '已评价', 'zh-HK': '已評價', en: 'Already rated' },
  already_reopened: { 'zh-CN': '已重新反馈过一次', 'zh-HK': '已重新反饋過一次', en: 'Already reopened once' },
  annual_cap_reached: { 'zh-CN': '已达年度用券上限', 'zh-HK': '已達年度用券上限', en: 'Yearly voucher cap reached' },
  claim_not_open: { 'zh-CN': '当前不在领取时间内', 'zh-HK': '目前不在領取時間內', en: 'Claiming is not open' },
  event_full: { 'zh-CN': '活动名额已满', 'zh-HK': '活動名額已滿', en: 'The event is full' },
  registration_closed: { 'zh-CN': '报名已截止', 'zh-HK': '報名已截止', en: 'Registration is closed' },
  not_delivered: { 'zh-CN': '服务尚未交付验收', 'zh-HK': '服務尚未交付驗收', en: 'Not delivered and accepted yet' },
  product_not_eligible: {
    'zh-CN': '该服务产品不可使用此券',
    'zh-HK': '該服務產品不可使用此券',
    en: 'The product does not accept this voucher',
  },
  product_not_orderable: {
    'zh-CN': '该服务产品暂不能预约',
    'zh-HK': '該服務產品暫時未能預約',
    en: 'The product cannot be ordered',
  },
  quota_exhausted: { 'zh-CN': '该批次已领完', 'zh-HK': '該批次已領完', en: 'The batch is used up' },
  related_party: { 'zh-CN': '存在关联关系', 'zh-HK': '存在關聯關係', en: 'Related party' },
  voucher_expired: { 'zh-CN': '服务券已过期', 'zh-HK': '服務券已過期', en: 'The voucher has expired' },
  voucher_not_returnable: {
    'zh-CN': '服务券不能退回',
    'zh-HK': '服務券不能退回',
    en: 'The voucher cannot be handed back',
  },
  voucher_not_usable: { 'zh-CN': '服务券不能使用', 'zh-HK': '服務券不能使用', en: 'The voucher cannot be used' },
  follow_up_not_open: {
    'zh-CN': '回访当前无需答复',
    'zh-HK': '回訪目前無需答覆',
    en: 'The follow-up is not awaiting an answer',
  },
  follow_up_not_answered: { 'zh-CN': '回访尚未答复', 'zh-HK': '回訪尚未答覆', en: 'The follow-up has no answer yet' },
  precondition_failed: {
    'zh-CN': '内容已被修改',
    'zh-HK': '內容已被修改',
    en: 'Changed since it was read',
  },
  precondition_required: {
    'zh-CN': '需要 If-Match 请求头',
    'zh-HK': '需要 If-Match 請求標頭',
    en: 'If-Match required',
  },
  not_publishable: { 'zh-CN': '尚不能发布', 'zh-HK': '尚不能發佈', en: 'Not ready to publish' },
  provider_not_active: {
    'zh-CN': '服务机构已暂停或移出',
    'zh-HK': '服務機構已暫停或移出',
    en: 'The provider is suspended or removed',
  },
  invalid_reference: {
    'zh-CN': '引用的资源不可用',
    'zh-HK': '引用的資源不可用',
    en: 'A referenced resource cannot be used',
  },
  rules_not_met: {
    'zh-CN': '填写的内容不符合规则',
    'zh-HK': '填寫的內容不符合規則',
    en: 'The input breaks a rule',
  },
  quota_below_issued: {
    'zh-CN': '发放总量不能少于已领取的数量',
    'zh-HK': '發放總量不能少於已領取的數量',
    en: 'The quota cannot drop below the vouchers issued',
  },
  batch_terms_frozen: {
    'zh-CN': '批次已开放，发放规则不能再修改',
    'zh-HK': '批次已開放，發放規則不能再修改',
    en: 'The batch has opened: its terms are frozen',
  },
  doc_number_taken: {
    'zh-CN': '该发文机关已有相同文号的政策',
    'zh-HK': '該發文機關已有相同文號的政策',
    en: 'The issuer already has a policy with this document number',
  },
  internal_error: { 'zh-CN': '服务器内部错误', 'zh-HK': '伺服器內部錯誤', en: 'Internal error' },
  service_unavailable: { 'zh-CN': '服务暂不可用', 'zh-HK': '服務暫不可用', en: 'Service unavailable' },
};
