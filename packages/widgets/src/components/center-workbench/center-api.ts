import { FullDemands, isSmecUnauthorizedError, ProviderApplications, Ratings } from '@smec/sdk/core';
import type { SmecClient } from '../../internal/client.js';
import { useResources } from '../../internal/client.js';
import { allPages } from '../../workbench/all-pages.js';
import type { CenterSummary } from './waiting-actions.js';

// The SDK calls the shell makes (see internal/client.ts). The client makes each resource once, on its first use:
// the Demands view's proposals and transfers are FullDemands', so the shell's first demand call makes that one.
useResources({ demands: FullDemands, providerApplications: ProviderApplications, ratings: Ratings });

const PAGE_LIMIT = 100;

/**
 * The queues the overview counts, each filtered by the server to the staff member's region: new demands, overdue ones,
 * applications submitted, applications under notice (with their objections) and ratings with a follow-up still
 * waiting; `undefined` when nobody is signed in (401). Any other account is refused (403), which the shell says.
 */
export async function loadCenterSummary(client: SmecClient, signal: AbortSignal): Promise<CenterSummary | undefined> {
  try {
    const [demands, overdueDemands, applications, notices, open, reopened] = await Promise.all([
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
    ]);
    return { demands, overdueDemands, applications, notices, ratings: [...open, ...reopened] };
  } catch (error) {
    if (isSmecUnauthorizedError(error)) return undefined;
    throw error;
  }
}
