// The messages of the expert form in Simplified Chinese first, Traditional and English: kept apart from the public
// forms' messages (messages-*.ts), which every widget carries, because only the expert form needs these.
import type { ExpertMessageKey } from './expert.js';

type Texts = Readonly<Record<'zh-CN' | 'zh-HK' | 'en', string>>;

export const EXPERT_MESSAGES: Readonly<Record<ExpertMessageKey, Texts>> = {
  'expert.name': {
    'zh-CN': '专家姓名应为 2 至 30 个字',
    'zh-HK': '專家姓名應為 2 至 30 個字',
    en: "The expert's name must be 2 to 30 characters",
  },
  'expert.title': {
    'zh-CN': '职称应为 2 至 30 个字，例如 高级会计师',
    'zh-HK': '職稱應為 2 至 30 個字，例如 高級會計師',
    en: 'The title must be 2 to 30 characters, for example 高级会计师 (senior accountant)',
  },
  'expert.specialties': {
    'zh-CN': '请选择 1 至 5 个专业领域，不要重复',
    'zh-HK': '請選擇 1 至 5 個專業領域，不要重複',
    en: 'Choose 1 to 5 specialties, each once',
  },
  'expert.years': {
    'zh-CN': '从业年限应为 0 至 60 之间的整数',
    'zh-HK': '從業年限應為 0 至 60 之間的整數',
    en: 'Years of practice must be a whole number from 0 to 60',
  },
  'expert.bio': {
    'zh-CN': '个人简介不能超过 1000 个字',
    'zh-HK': '個人簡介不能超過 1000 個字',
    en: 'The bio must be at most 1,000 characters',
  },
  'expert.product': {
    'zh-CN': '该服务产品不属于专家所在的服务机构',
    'zh-HK': '該服務產品不屬於專家所在的服務機構',
    en: "The product is not one of the expert's provider",
  },
  'expert.provider': {
    'zh-CN': '该服务机构不存在，或不在您可管理的地区范围内',
    'zh-HK': '該服務機構不存在，或不在您可管理的地區範圍內',
    en: 'There is no such provider within the regions you manage',
  },
  'expert.region': {
    'zh-CN': '专家所在地区应在您可管理的地区范围内',
    'zh-HK': '專家所在地區應在您可管理的地區範圍內',
    en: "The expert's region must be within the regions you manage",
  },
};

export function isExpertMessageKey(value: unknown): value is ExpertMessageKey {
  return typeof value === 'string' && Object.hasOwn(EXPERT_MESSAGES, value);
}
