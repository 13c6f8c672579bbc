import { msg } from '../../i18n/localization.js';
import type { Policy, ServiceCategory } from '@smec/schemas';
import { formatDate } from '../../internal/format.js';

/** A category's name in the visitor's language (the platform gives Chinese and English). */
export function categoryName(category: ServiceCategory, locale: string): string {
  return locale === 'en' ? category.nameEn : category.name;
}

export function statusLabel(status: Policy['status']): string {
  if (status === 'inForce') return msg('现行有效', { id: 'policy.validity.inForce' });
  if (status === 'expired') return msg('已失效', { id: 'policy.validity.expired' });
  return msg('尚未施行', { id: 'policy.validity.upcoming' });
}

export function levelLabel(level: Policy['regionLevel']): string {
  if (level === 'province') return msg('省级', { id: 'policy.level.province' });
  if (level === 'city') return msg('市级', { id: 'policy.level.city' });
  return msg('县（区）级', { id: 'policy.level.county' });
}

/** A calendar day (YYYY-MM-DD, a day in Guangdong) in the visitor's language. */
export function formatDay(day: string, locale: string): string {
  return formatDate(`${day}T12:00:00+08:00`, locale);
}
