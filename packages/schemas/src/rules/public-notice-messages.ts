// The messages of the objection form and the reviewer's decision, in Simplified Chinese first, Traditional and
// English: apart from the public forms' messages (messages-*.ts), which every widget carries.
import type { ObjectionMessageKey } from './public-notice.js';

type Texts = Readonly<Record<'zh-CN' | 'zh-HK' | 'en', string>>;

export const OBJECTION_MESSAGES: Readonly<Record<ObjectionMessageKey, Texts>> = {
  'objection.name': {
    'zh-CN': '姓名应为 2 至 30 个字',
    'zh-HK': '姓名應為 2 至 30 個字',
    en: 'Your name must be 2 to 30 characters',
  },
  'objection.reason': {
    'zh-CN': '异议理由应为 10 至 500 个字，请说明具体事实',
    'zh-HK': '異議理由應為 10 至 500 個字，請說明具體事實',
    en: 'The reason must be 10 to 500 characters: state the facts',
  },
  'objection.note': {
    'zh-CN': '处理意见应为 2 至 200 个字',
    'zh-HK': '處理意見應為 2 至 200 個字',
    en: 'The note must be 2 to 200 characters',
  },
};

export function isObjectionMessageKey(value: unknown): value is ObjectionMessageKey {
  return typeof value === 'string' && Object.hasOwn(OBJECTION_MESSAGES, value);
}
