// 繁體中文（香港）texts that several widgets show, and the platform's validation messages: the same ids as ./en.ts.
import { MESSAGES_ZH_HK } from '@smec/schemas/rules';
import type { templates as english } from './en.js';

export const templates = {
  'calendar.close': '關閉',
  'confirm.back': '返回',
  'price.discounted': '優惠價',
  'price.free': '免費',
  'price.list': '原價',
  'demand.errorPrefix': '錯誤：',
  'demand.keptRetry': '您填寫的內容已保留。重試不會重複提交。',
  'demand.optional': '（選填）',
  'demand.submitting': '正在提交…',
  'error.invalidResponse': '服務平台返回的數據無法識別。',
  'error.network': '無法連接到服務平台，請檢查網絡後重試。',
  'error.notFound': '找不到這項服務，它可能已下架。',
  'error.rateLimited': '訪問過於頻繁，請稍後重試。',
  'error.requestId': '請求編號：{0}',
  'error.timeout': '服務平台回應逾時，請稍後重試。',
  'error.unknown': '發生未知錯誤。',
  'event.error.signedOut': '登入已失效，請重新登入。',
  'policy.level.city': '市級',
  'policy.level.county': '縣（區）級',
  'policy.level.province': '省級',
  'rating.none': '暫無評價',
  'status.error': '載入失敗',
  'status.loading': '正在載入…',
  'status.retry': '重試',
  'status.stalled': '載入較慢，請稍候…',
} satisfies Record<keyof typeof english, string>;

/** The platform's validation messages in this language, keyed like the server's `code`s. */
export const validation = MESSAGES_ZH_HK;
