import type { ApplicationStatus } from '@smec/schemas';
import { msg } from '../../i18n/localization.js';
import type { ApplicationFieldPath } from './review-values.js';

/** A field of an application, as the reviewer's note names it. */
export function applicationFieldName(field: ApplicationFieldPath): string {
  switch (field) {
    case 'organisation.name':
      return msg('机构名称', { id: 'center.field.name' });
    case 'organisation.uscc':
      return msg('统一社会信用代码', { id: 'center.field.uscc' });
    case 'organisation.orgType':
      return msg('机构类型', { id: 'center.field.orgType' });
    case 'organisation.legalRepresentative':
      return msg('法定代表人', { id: 'center.field.legalRepresentative' });
    case 'organisation.foundedOn':
      return msg('成立日期', { id: 'center.field.foundedOn' });
    case 'organisation.address':
      return msg('注册地址', { id: 'center.field.address' });
    case 'organisation.regionCode':
      return msg('所在地区', { id: 'center.field.region' });
    case 'scope.categoryIds':
      return msg('服务类别', { id: 'center.field.categories' });
    case 'scope.regionsServed':
      return msg('服务地区', { id: 'center.field.regionsServed' });
    case 'scope.acceptsVouchers':
      return msg('接受服务券', { id: 'center.field.acceptsVouchers' });
    case 'scope.staff':
      return msg('从业人员数', { id: 'center.field.staff' });
    case 'scope.professionalStaff':
      return msg('其中专业技术人员数', { id: 'center.field.professionalStaff' });
    case 'scope.description':
      return msg('机构简介', { id: 'center.field.description' });
    case 'contact.name':
      return msg('联系人姓名', { id: 'center.field.contactName' });
    case 'contact.mobile':
      return msg('手机号码', { id: 'center.field.mobile' });
    case 'contact.email':
      return msg('电子邮箱', { id: 'center.field.email' });
    case 'files.licence':
      return msg('营业执照（或登记证书）', { id: 'center.field.licence' });
    case 'files.certificates':
      return msg('资质证书', { id: 'center.field.certificates' });
  }
}

export function applicationStatusName(status: ApplicationStatus): string {
  switch (status) {
    case 'submitted':
      return msg('待审核', { id: 'center.application.submitted' });
    case 'changesRequested':
      return msg('待补正', { id: 'center.application.changesRequested' });
    case 'publicNotice':
      return msg('公示中', { id: 'center.application.publicNotice' });
    case 'admitted':
      return msg('已入驻', { id: 'center.application.admitted' });
    case 'rejected':
      return msg('未通过', { id: 'center.application.rejected' });
  }
}
