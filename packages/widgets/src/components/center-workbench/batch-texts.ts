import type { BatchStatus, EnterpriseSize, EnterpriseTag, VoucherStatus } from '@smec/schemas';
import { BATCH_MESSAGES, messageText } from '@smec/schemas/rules';
import type { SmecLocale } from '../../i18n/localization.js';
import { msg } from '../../i18n/localization.js';
import type { BatchField, BatchProblem } from './batch-values.js';

export function batchFieldLabel(field: BatchField): string {
  switch (field) {
    case 'name':
      return msg('批次名称', { id: 'center.batch.name' });
    case 'year':
      return msg('批次年度', { id: 'center.batch.year' });
    case 'regionCodes':
      return msg('发放范围（行政区划代码）', { id: 'center.batch.regions' });
    case 'sizes':
      return msg('可领取的企业规模', { id: 'center.batch.sizes' });
    case 'tags':
      return msg('须具备的企业资质（不选则不限）', { id: 'center.batch.tags' });
    case 'categoryIds':
      return msg('适用服务类别（不选则不限）', { id: 'center.batch.categories' });
    case 'faceValue':
      return msg('面额（元）', { id: 'center.batch.faceValue' });
    case 'quota':
      return msg('发放总量（张）', { id: 'center.batch.quota' });
    case 'annualCapPerEnterprise':
      return msg('每家企业年度上限（元）', { id: 'center.batch.cap' });
    case 'maxCoverage':
      return msg('最高抵扣比例（%）', { id: 'center.batch.coverage' });
    case 'claimOpensAt':
      return msg('领取开始', { id: 'center.batch.opensAt' });
    case 'claimClosesAt':
      return msg('领取截止', { id: 'center.batch.closesAt' });
    case 'useWithinDays':
      return msg('领取后使用期限（天）', { id: 'center.batch.useWithin' });
    case 'settleBy':
      return msg('结算截止', { id: 'center.batch.settleBy' });
  }
}

/** The words of a problem the form found: the shared rule's in the visitor's language, else the form's own. */
export function batchProblemText(problem: BatchProblem, locale: SmecLocale): string {
  if (Object.hasOwn(BATCH_MESSAGES, problem)) return BATCH_MESSAGES[problem as keyof typeof BATCH_MESSAGES][locale];
  if (problem.startsWith('money.')) return messageText(problem, locale);
  switch (problem) {
    case 'time':
      return msg('请填写日期和时间', { id: 'center.event.problem.time' });
    case 'region':
      return msg('请填写 6 位行政区划代码，多个以逗号分隔', { id: 'center.batch.problem.region' });
    default:
      return msg('请填写有效的数字', { id: 'center.event.problem.number' });
  }
}

export function batchStatusName(status: BatchStatus): string {
  switch (status) {
    case 'draft':
      return msg('草稿', { id: 'center.batch.status.draft' });
    case 'open':
      return msg('发放中', { id: 'center.batch.status.open' });
    case 'paused':
      return msg('已暂停', { id: 'center.batch.status.paused' });
    case 'closed':
      return msg('已结束', { id: 'center.batch.status.closed' });
  }
}

export function sizeName(size: EnterpriseSize): string {
  switch (size) {
    case 'micro':
      return msg('微型企业', { id: 'center.batch.size.micro' });
    case 'small':
      return msg('小型企业', { id: 'center.batch.size.small' });
    case 'medium':
      return msg('中型企业', { id: 'center.batch.size.medium' });
  }
}

export function tagName(tag: EnterpriseTag): string {
  switch (tag) {
    case 'specialized':
      return msg('专精特新', { id: 'center.batch.tag.specialized' });
    case 'littleGiant':
      return msg('专精特新“小巨人”', { id: 'center.batch.tag.littleGiant' });
    case 'upgraded':
      return msg('小升规', { id: 'center.batch.tag.upgraded' });
    case 'highTech':
      return msg('高新技术企业', { id: 'center.batch.tag.highTech' });
    case 'techSme':
      return msg('科技型中小企业', { id: 'center.batch.tag.techSme' });
  }
}

export function voucherStatusName(status: VoucherStatus): string {
  switch (status) {
    case 'issued':
      return msg('未使用', { id: 'center.voucher.status.issued' });
    case 'ordered':
      return msg('已下单', { id: 'center.voucher.status.ordered' });
    case 'confirmed':
      return msg('服务中', { id: 'center.voucher.status.confirmed' });
    case 'delivered':
      return msg('已交付', { id: 'center.voucher.status.delivered' });
    case 'settled':
      return msg('已结算', { id: 'center.voucher.status.settled' });
    case 'expired':
      return msg('已过期', { id: 'center.voucher.status.expired' });
    case 'withdrawn':
      return msg('已退回', { id: 'center.voucher.status.withdrawn' });
    case 'revoked':
      return msg('已作废', { id: 'center.voucher.status.revoked' });
  }
}
