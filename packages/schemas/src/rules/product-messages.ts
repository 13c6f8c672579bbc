// The messages of a provider's product editor in Simplified Chinese first, Traditional and English: kept apart from
// the public forms' messages (messages-*.ts), which every widget carries, because only the provider's editor needs
// these.
import type { ProductMessageKey } from './product.js';

type Texts = Readonly<Record<'zh-CN' | 'zh-HK' | 'en', string>>;

export const PRODUCT_MESSAGES: Readonly<Record<ProductMessageKey, Texts>> = {
  'product.summary.required': {
    'zh-CN': '请填写服务简介',
    'zh-HK': '請填寫服務簡介',
    en: 'Write a summary of the service',
  },
  'product.function.required': {
    'zh-CN': '请填写服务功能（五公开之一）：这项服务为企业解决什么问题',
    'zh-HK': '請填寫服務功能（五公開之一）：這項服務為企業解決甚麼問題',
    en: 'Write what the service does (one of the five publics): the problem it solves for an enterprise',
  },
  'product.process.steps': {
    'zh-CN': '服务流程（五公开之一）至少需要两个步骤，每个步骤都要有名称和说明',
    'zh-HK': '服務流程（五公開之一）至少需要兩個步驟，每個步驟都要有名稱和說明',
    en: 'The process (one of the five publics) needs at least two steps, each with a title and a description',
  },
  'product.standard.required': {
    'zh-CN': '请填写服务标准（五公开之一）：交付什么、达到什么要求',
    'zh-HK': '請填寫服務標準（五公開之一）：交付甚麼、達到甚麼要求',
    en: 'Write the service standard (one of the five publics): what is delivered and to what standard',
  },
  'product.fee.note.required': {
    'zh-CN': '请填写收费说明（五公开之一）：价格包含哪些内容',
    'zh-HK': '請填寫收費說明（五公開之一）：價格包含哪些內容',
    en: 'Write the fee note (one of the five publics): what the price covers',
  },
  'product.fee.listPrice.required': {
    'zh-CN': '收费服务的标准价格应大于 0；公益服务请选择“免费”',
    'zh-HK': '收費服務的標準價格應大於 0；公益服務請選擇「免費」',
    en: 'A priced service needs a list price above 0; mark a public-interest service as free',
  },
  'product.fee.discount.belowList': {
    'zh-CN': '优惠价格应低于标准价格',
    'zh-HK': '優惠價格應低於標準價格',
    en: 'The discount price must be below the list price',
  },
  'product.fee.free.priced': {
    'zh-CN': '免费服务的价格应为 0，且不设优惠价格',
    'zh-HK': '免費服務的價格應為 0，且不設優惠價格',
    en: 'A free service is priced 0 and has no discount price',
  },
  'product.timeLimit.range': {
    'zh-CN': '服务时限（五公开之一）应为 1 至 365 个工作日',
    'zh-HK': '服務時限（五公開之一）應為 1 至 365 個工作天',
    en: 'The time limit (one of the five publics) must be 1 to 365 working days',
  },
  'product.regions.required': {
    'zh-CN': '请至少选择一个服务地区',
    'zh-HK': '請至少選擇一個服務地區',
    en: 'Choose at least one region served',
  },
};
