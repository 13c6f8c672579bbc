import { msg, str } from '../i18n/localization.js';

/** 「提交过于频繁，请在 3 分钟后重试」: the platform's Retry-After, in minutes a person can plan with. */
export function rateLimitText(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined) return msg('提交过于频繁，请稍后重试', { id: 'demand.rateLimited' });
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return msg(str`提交过于频繁，请在 ${minutes} 分钟后重试`, { id: 'demand.rateLimitedIn' });
}
