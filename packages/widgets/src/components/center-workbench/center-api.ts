import { isRegionWithin } from '@smec/schemas/rules';
import { FullDemands, FullVouchers, isSmecUnauthorizedError, Me, ProviderApplications, Ratings } from '@smec/sdk/core';
import type { SmecClient } from '../../internal/client.js';
import { useResources } from '../../internal/client.js';
import { allPages } from '../../workbench/all-pages.js';
import type { CenterSummary } from './waiting-actions.js';

// The SDK calls the shell makes (see internal/client.ts). The demands and vouchers are the staff's classes from the
// start: the Demands view proposes and transfers, the Voucher batches view revokes.
useResources({
  demands: FullDemands,
  me: Me,
  providerApplications: ProviderApplications,
  ratings: Ratings,
  vouchers: FullVouchers,
});

const PAGE_LIMIT = 100;

/**
 * Who is signed in (level and region, as the platform takes them) and the queues the overview counts, each filtered
 * by the server to the staff member's region: new demands, overdue ones,
 * applications submitted, applications under notice (with their objections) and ratings with a follow-up still
 * waiting; and the batches issued within the center's region (the batch list is public: filtered here by issuer, all of them
 * when the region is not known). `undefined` when nobody is signed in (401). Any other account is refused (403),
 * which the shell says.
 */
export async function loadCenterSummary(client: SmecClient, signal: AbortSignal): Promise<CenterSummary | undefined> {
  try {
    const [account, demands, overdueDemands, applications, notices, open, reopened, batches] = await Promise.all([
      client.me.account({ signal }),
      allPages((cursor) => client.demands.list({ status: 'submitted', limit: PAGE_LIMIT, cursor }, { signal })),
      allPages((cursor) => client.demands.list({ overdue: true, limit: PAGE_LIMIT, cursor }, { signal })),
      allPages((cursor) =>
        client.providerApplications.list({ status: 'submitted', limit: PAGE_LIMIT, cursor }, { signal }),
      ),
      allPages((cursor) =>
        client.providerApplications.list({ status: 'publicNotice', limit: PAGE_LIMIT, cursor }, { signal }),
      ),
      allPages((cursor) => client.ratings.list({ followUp: 'open', limit: PAGE_LIMIT, cursor }, { signal })),
      allPages((cursor) => client.ratings.list({ followUp: 'reopened', limit: PAGE_LIMIT, cursor }, { signal })),
      allPages((cursor) => client.vouchers.listBatches({ limit: PAGE_LIMIT, cursor }, { signal })),
    ]);
    // The batch list is public: those of the center's region and below are kept here.
    const region = account.regionCode;
    return {
      account,
      demands,
      overdueDemands,
      applications,
      notices,
      ratings: [...open, ...reopened],
      batches: batches.filter((batch) => !region || isRegionWithin(batch.issuer.regionCode, region)),
    };
  } catch (error) {
    if (isSmecUnauthorizedError(error)) return undefined;
    throw error;
  }
}
