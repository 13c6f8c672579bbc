import { isSmecApiError } from '@smec/sdk/core';
import { msg } from '../../i18n/localization.js';
import { problemCode } from '../../internal/problem-code.js';
import { describeActionError } from './wallet-texts.js';

/** The field of the use form a refusal belongs to, so the message is shown next to it. */
export type UseField = 'product' | 'amount' | 'form';

export interface FieldProblem {
  field: UseField;
  text: string;
}

/** A refused quote or use, in the visitor's words, with the field it belongs to. */
export function describeUseError(error: unknown): FieldProblem {
  const [first] = (isSmecApiError(error) && error.problem.errors) || [];
  if (first) return { field: first.path.includes('productId') ? 'product' : 'amount', text: first.message };
  switch (problemCode(error)) {
    case 'product_not_eligible':
      return {
        field: 'product',
        text: msg('这项服务不能用本券支付：它未上架、不支持服务券，或不在本券适用的服务类别内。', {
          id: 'wallet.error.productNotEligible',
        }),
      };
    case 'related_party':
      return {
        field: 'product',
        text: msg('您的企业与该服务机构是关联方（统一社会信用代码或法定代表人相同），不能用券。', {
          id: 'wallet.error.relatedParty',
        }),
      };
    case 'annual_cap_reached':
      return {
        field: 'amount',
        text: msg('您的企业本年度的服务券抵扣额度已用完。', { id: 'wallet.error.capReached' }),
      };
    case 'voucher_expired':
      return { field: 'form', text: msg('本券已过使用期限。', { id: 'wallet.error.expired' }) };
    case 'voucher_not_usable':
      return { field: 'form', text: msg('本券已使用或已退回，不能再用。', { id: 'wallet.error.notUsable' }) };
  }
  return { field: 'form', text: describeActionError(error) };
}
