import { fill, type Localized } from '../http/localized.js';
import { ProblemError } from '../http/problem.js';

const NOT_ACTIVE: Localized = {
  'zh-CN': '服务机构“{name}”已被暂停或移出服务网络，暂不能下单或用券；已在进行的服务项目不受影响。',
  'zh-HK': '服務機構「{name}」已被暫停或移出服務網絡，暫不能下單或用券；已在進行的服務項目不受影響。',
  en: 'The provider {name} is suspended or removed from the network: it takes no orders or vouchers now. Engagements in progress go on.',
};

/** The 409 of an order (a voucher's use or quote) from a provider that is not admitted now. */
export function providerNotActive(name: string): ProblemError {
  return new ProblemError('provider_not_active', fill(NOT_ACTIVE, { name }));
}
