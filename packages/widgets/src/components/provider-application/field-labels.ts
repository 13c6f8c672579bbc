import { msg } from '../../i18n/localization.js';
import type { ApplicationField } from './application-values.js';

/** A field's label, where it is named apart from its control (the reviewer's notes, what a save left out). */
export function fieldLabel(field: ApplicationField): string {
  switch (field) {
    case 'name':
      return msg('机构名称', { id: 'application.name' });
    case 'uscc':
      return msg('统一社会信用代码', { id: 'demand.uscc' });
    case 'orgType':
      return msg('机构类型', { id: 'application.orgType' });
    case 'legalRepresentative':
      return msg('法定代表人', { id: 'application.legalRepresentative' });
    case 'foundedOn':
      return msg('成立日期', { id: 'application.foundedOn' });
    case 'address':
      return msg('注册地址', { id: 'application.address' });
    case 'city':
      return msg('所在地区', { id: 'demand.region' });
    case 'categoryIds':
      return msg('服务类别', { id: 'demand.category' });
    case 'regionsServed':
      return msg('服务地区', { id: 'application.regionsServed' });
    case 'acceptsVouchers':
      return msg('接受服务券', { id: 'application.acceptsVouchers' });
    case 'staff':
      return msg('从业人员数', { id: 'application.staff' });
    case 'professionalStaff':
      return msg('其中专业技术人员数', { id: 'application.professionalStaff' });
    case 'description':
      return msg('机构简介', { id: 'application.description' });
    case 'contactName':
      return msg('联系人姓名', { id: 'application.contactName' });
    case 'mobile':
      return msg('手机号码', { id: 'demand.phone' });
    case 'email':
      return msg('电子邮箱', { id: 'application.email' });
    case 'licence':
      return msg('营业执照（或登记证书）', { id: 'application.licence' });
    case 'certificates':
      return msg('资质证书', { id: 'application.certificates' });
  }
}
