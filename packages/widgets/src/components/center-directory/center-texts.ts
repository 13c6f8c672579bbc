// The directory's words for the platform's codes: levels, organisation forms, how a center was set up, and each
// requirement a center falls short of, with what it has and what its level asks.
import type { Center, CenterShortfall } from '@smec/schemas';
import { msg, str } from '../../i18n/localization.js';
import { formatNumber } from '../../internal/format.js';

export function levelName(level: Center['level']): string {
  if (level === 'province') return msg('省级', { id: 'centerDir.level.province' });
  if (level === 'city') return msg('市级', { id: 'centerDir.level.city' });
  return msg('县级', { id: 'centerDir.level.county' });
}

export function orgFormName(form: Center['orgForm']): string {
  if (form === 'publicInstitution') return msg('事业单位', { id: 'centerDir.orgForm.publicInstitution' });
  if (form === 'privateNonEnterprise') return msg('民办非企业', { id: 'centerDir.orgForm.privateNonEnterprise' });
  return msg('企业', { id: 'centerDir.orgForm.enterprise' });
}

export function setupName(setup: Center['setup']): string {
  if (setup === 'established') return msg('成立', { id: 'centerDir.setup.established' });
  if (setup === 'recognized') return msg('认定', { id: 'centerDir.setup.recognized' });
  return msg('指定', { id: 'centerDir.setup.designated' });
}

/** One shortfall in words, e.g. 「场地面积 180 平方米，要求不少于 200 平方米」. */
export function shortfallText(shortfall: CenterShortfall, locale: string): string {
  const actual = formatNumber(shortfall.actual, locale);
  const required = formatNumber(shortfall.required, locale);
  switch (shortfall.requirement) {
    case 'floorArea':
      return msg(str`场地面积 ${actual} 平方米，要求不少于 ${required} 平方米`, { id: 'centerDir.short.floorArea' });
    case 'staffCount':
      return msg(str`专职人员 ${actual} 人，要求不少于 ${required} 人`, { id: 'centerDir.short.staffCount' });
    case 'qualifiedShare':
      return msg(str`中级以上职称或本科以上学历人员占 ${actual}%，要求不低于 ${required}%`, {
        id: 'centerDir.short.qualifiedShare',
      });
    case 'ownSpace':
      return msg('没有独立的服务场所，要求有自己的服务场所', { id: 'centerDir.short.ownSpace' });
    case 'fullTimeStaff':
      return msg('没有专职服务人员，要求至少 1 名', { id: 'centerDir.short.fullTimeStaff' });
  }
}

/** The short name of a city on its tile: 广州市 → 广州. */
export function shortCityName(name: string): string {
  return name.length > 2 ? name.replace(/市$/, '') : name;
}
