// `createClient` lives apart from `createClientFrom` so that a bundle taking the latter (the widgets' shared core)
// does not take every resource class with it.
import { createClientFrom, type SmecClient } from './client.js';
import type { ClientOptions } from './http.js';
import { Categories } from './resources/Categories.js';
import { Demo } from './resources/Demo.js';
import { Health } from './resources/Health.js';
import { FullMe } from './resources/FullMe.js';
import { FullEvents } from './resources/FullEvents.js';
import { FullPolicies } from './resources/FullPolicies.js';
import { FullCenters } from './resources/FullCenters.js';
import { Products } from './resources/Products.js';
import { FullProviders } from './resources/FullProviders.js';
import { Regions } from './resources/Regions.js';
import { Stats } from './resources/Stats.js';
import { Evaluations } from './resources/Evaluations.js';
import { FullTargets } from './resources/FullTargets.js';
import { Files } from './resources/Files.js';
import { ProviderApplications } from './resources/ProviderApplications.js';
import { FullVouchers } from './resources/FullVouchers.js';
import { FullEngagements } from './resources/FullEngagements.js';
import { FullDemands } from './resources/FullDemands.js';
import { FullRatings } from './resources/FullRatings.js';
import { Settlements } from './resources/Settlements.js';
import { VoucherBatches } from './resources/VoucherBatches.js';
import { PublicNotices } from './resources/PublicNotices.js';
import { Experts } from './resources/Experts.js';
import { AuditLog } from './resources/AuditLog.js';
import { Staff } from './resources/Staff.js';

/**
 * Creates a client of the smec platform API, without zod: responses are returned as the platform sent them unless
 * `validate` is given (`@smec/sdk`'s `createClient` checks every one with the shared schemas). Failures throw
 * `SmecError` subclasses; idempotent calls are retried; every method takes `{ signal }`.
 *
 * @example
 * ```ts
 * import { createClient } from '@smec/sdk/core';
 *
 * const client = createClient({
 *   baseUrl: 'https://platform.example/api/v1',
 *   locale: 'zh-CN',
 *   getToken: () => sessionStorage.getItem('token'),
 * });
 * const page = await client.products.list({ q: '财税', voucherEligible: true });
 * ```
 */
export function createClient(options: ClientOptions): SmecClient {
  return createClientFrom(options, {
    health: Health,
    regions: Regions,
    categories: Categories,
    providers: FullProviders,
    products: Products,
    demands: FullDemands,
    events: FullEvents,
    ratings: FullRatings,
    vouchers: FullVouchers,
    engagements: FullEngagements,
    policies: FullPolicies,
    stats: Stats,
    evaluations: Evaluations,
    targets: FullTargets,
    files: Files,
    providerApplications: ProviderApplications,
    me: FullMe,
    demo: Demo,
    publicNotices: PublicNotices,
    experts: Experts,
    voucherBatches: VoucherBatches,
    auditLog: AuditLog,
    staff: Staff,
    settlements: Settlements,
    centers: FullCenters,
  });
}
