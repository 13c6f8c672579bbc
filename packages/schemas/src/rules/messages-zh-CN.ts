// The forms' validation messages in Simplified Chinese, the source language: a widget loads these with it; the
// other languages come with the widget's translations, on demand. Keys are the schemas' message keys.

export const MESSAGES_ZH_CN = {
  required: '请填写此项',
  'uscc.format': '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）',
  'uscc.checksum': '统一社会信用代码校验位不正确，请核对后重新输入',
  'enterprise.name': '企业名称应为 2 至 100 个字',
  'contact.name': '联系人姓名应为 1 至 30 个字',
  'contact.phone': '请输入 11 位手机号码，以 1 开头',
  region: '请选择所在地区',
  'region.unknown': '所选地区不存在，请重新选择',
  category: '请选择需求类别',
  title: '需求标题应为 5 至 60 个字',
  description: '需求描述应为 20 至 1000 个字',
  budget: '预算应为大于 0 的金额，或选择“面议”',
  'expectedBy.format': '请输入正确的日期，例如 2027-03-31',
  'expectedBy.past': '期望完成日期不能早于今天',
  consent: '请同意将联系方式提供给匹配的服务机构，否则无法为您对接服务',
  'trackingNo.format': '查询编号格式不正确，例如 XQ20261128ABCDEF',
  'reason.required': '请填写不予受理的原因（2 至 200 个字）',
  'contract.amount': '合同金额应为 1 元至 1 亿元之间的金额',
  'money.required': '请填写金额',
  'money.format': '请输入以元为单位的金额，例如 12000 或 12000.50',
  'money.negative': '金额不能为负数',
  'money.decimals': '金额最多两位小数（精确到分）',
  'rating.score': '请为此项打分',
  'rating.level': '请选择满意程度',
  'rating.solved': '请选择问题是否已解决',
  'rating.comment': '评价内容最多 200 个字',
  'followUp.text': '答复内容应为 2 至 500 个字',
  'followUp.reason': '请说明重新反馈的原因（2 至 200 个字）',
  'followUp.note': '备注内容应为 2 至 500 个字',
  'followUp.escalation': '请说明上报原因（2 至 200 个字）',
  invalid: '填写的内容不正确',
} as const;

export type MessageKey = keyof typeof MESSAGES_ZH_CN;

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(MESSAGES_ZH_CN, value);
}
