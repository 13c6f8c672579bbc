// Validation messages of the forms, in Simplified Chinese first and in English. Schemas carry a message key as
// their error; the server answers in the request's language and the widgets show the same words next to the field.

export type MessageLocale = 'zh-CN' | 'zh-HK' | 'en';

type Texts = { readonly 'zh-CN': string; readonly 'zh-HK': string; readonly en: string };

export const MESSAGES = {
  required: { 'zh-CN': '请填写此项', 'zh-HK': '請填寫此項', en: 'This field is required' },
  'uscc.format': {
    'zh-CN': '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）',
    'zh-HK': '統一社會信用代碼應為 18 位數字或大寫字母（不含 I、O、Z、S、V）',
    en: 'The unified social credit code has 18 digits or capital letters (no I, O, Z, S or V)',
  },
  'uscc.checksum': {
    'zh-CN': '统一社会信用代码校验位不正确，请核对后重新输入',
    'zh-HK': '統一社會信用代碼校驗位不正確，請核對後重新輸入',
    en: 'The unified social credit code is not valid: its check character does not match',
  },
  'enterprise.name': {
    'zh-CN': '企业名称应为 2 至 100 个字',
    'zh-HK': '企業名稱應為 2 至 100 個字',
    en: 'The company name must be 2 to 100 characters',
  },
  'contact.name': {
    'zh-CN': '联系人姓名应为 1 至 30 个字',
    'zh-HK': '聯絡人姓名應為 1 至 30 個字',
    en: "The contact's name must be 1 to 30 characters",
  },
  'contact.phone': {
    'zh-CN': '请输入 11 位手机号码，以 1 开头',
    'zh-HK': '請輸入 11 位手機號碼，以 1 開頭',
    en: 'Enter an 11-digit mainland mobile number starting with 1',
  },
  region: { 'zh-CN': '请选择所在地区', 'zh-HK': '請選擇所在地區', en: 'Choose your region' },
  'region.unknown': {
    'zh-CN': '所选地区不存在，请重新选择',
    'zh-HK': '所選地區不存在，請重新選擇',
    en: 'This region does not exist; choose another',
  },
  category: { 'zh-CN': '请选择需求类别', 'zh-HK': '請選擇需求類別', en: 'Choose the kind of service you need' },
  title: {
    'zh-CN': '需求标题应为 5 至 60 个字',
    'zh-HK': '需求標題應為 5 至 60 個字',
    en: 'The title must be 5 to 60 characters',
  },
  description: {
    'zh-CN': '需求描述应为 20 至 1000 个字',
    'zh-HK': '需求描述應為 20 至 1000 個字',
    en: 'The description must be 20 to 1,000 characters',
  },
  budget: {
    'zh-CN': '预算应为大于 0 的金额，或选择“面议”',
    'zh-HK': '預算應為大於 0 的金額，或選擇「面議」',
    en: 'Enter a budget above zero, or choose “negotiable”',
  },
  'expectedBy.format': {
    'zh-CN': '请输入正确的日期，例如 2027-03-31',
    'zh-HK': '請輸入正確的日期，例如 2027-03-31',
    en: 'Enter a real date, for example 2027-03-31',
  },
  'expectedBy.past': {
    'zh-CN': '期望完成日期不能早于今天',
    'zh-HK': '期望完成日期不能早於今天',
    en: 'The expected date cannot be in the past',
  },
  consent: {
    'zh-CN': '请同意将联系方式提供给匹配的服务机构，否则无法为您对接服务',
    'zh-HK': '請同意將聯絡方式提供給配對的服務機構，否則無法為您對接服務',
    en: 'Agree to share your contact details with matched providers, or we cannot match you',
  },
  'trackingNo.format': {
    'zh-CN': '查询编号格式不正确，例如 XQ20261128ABCDEF',
    'zh-HK': '查詢編號格式不正確，例如 XQ20261128ABCDEF',
    en: 'The tracking number looks like XQ20261128ABCDEF',
  },
  'reason.required': {
    'zh-CN': '请填写不予受理的原因（2 至 200 个字）',
    'zh-HK': '請填寫不予受理的原因（2 至 200 個字）',
    en: 'Give the reason for rejecting (2 to 200 characters)',
  },
  'contract.amount': {
    'zh-CN': '合同金额应为 1 元至 1 亿元之间的金额',
    'zh-HK': '合同金額應為 1 元至 1 億元之間的金額',
    en: 'The contract amount must be between ¥1 and ¥100,000,000',
  },
  'rating.score': {
    'zh-CN': '请为此项打分',
    'zh-HK': '請為此項評分',
    en: 'Score this item',
  },
  'rating.level': { 'zh-CN': '请选择满意程度', 'zh-HK': '請選擇滿意程度', en: 'Choose how satisfied you are' },
  'rating.solved': {
    'zh-CN': '请选择问题是否已解决',
    'zh-HK': '請選擇問題是否已解決',
    en: 'Say whether the service solved your problem',
  },
  'rating.comment': {
    'zh-CN': '评价内容最多 200 个字',
    'zh-HK': '評價內容最多 200 個字',
    en: 'The comment can be at most 200 characters',
  },
  'followUp.text': {
    'zh-CN': '答复内容应为 2 至 500 个字',
    'zh-HK': '答覆內容應為 2 至 500 個字',
    en: 'The answer must be 2 to 500 characters',
  },
  'followUp.reason': {
    'zh-CN': '请说明重新反馈的原因（2 至 200 个字）',
    'zh-HK': '請說明重新反映的原因（2 至 200 個字）',
    en: 'Say why you reopen it (2 to 200 characters)',
  },
  invalid: { 'zh-CN': '填写的内容不正确', 'zh-HK': '填寫的內容不正確', en: 'This value is not valid' },
} as const satisfies Record<string, Texts>;

export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(MESSAGES, value);
}

/** The text of a message key in a language; unknown keys fall back to the generic message. */
export function messageText(key: string, locale: MessageLocale = 'zh-CN'): string {
  return (isMessageKey(key) ? MESSAGES[key] : MESSAGES.invalid)[locale];
}

/** The message key of a validation issue: the schema's own key, else `required` for a missing value, else `invalid`. */
export function issueMessageKey(issue: {
  readonly code: string;
  readonly message: string;
  readonly input?: unknown;
}): MessageKey {
  if (isMessageKey(issue.message)) return issue.message;
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null || issue.input === '')) {
    return 'required';
  }
  return 'invalid';
}
