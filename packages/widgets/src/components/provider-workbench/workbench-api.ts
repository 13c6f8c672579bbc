import { Engagements, isSmecUnauthorizedError, FullMe, Ratings } from '@smec/sdk/core';
import type { SmecClient } from '../../internal/client.js';
import { useResources } from '../../internal/client.js';
import { allPages } from '../../workbench/all-pages.js';
import type { WorkbenchSummary } from './required-actions.js';

// The SDK calls the shell makes (see internal/client.ts). `FullMe` is the `me` of the event calendar with the
// provider's own products and account added, so a page with both keeps working.
useResources({ me: FullMe, engagements: Engagements, ratings: Ratings });

const PAGE_LIMIT = 100;
export { allPages };

/**
 * What the banner and the views read: the provider's account, every product, engagement and rating; `undefined`
 * when nobody is signed in (401).
 */
export async function loadSummary(client: SmecClient, signal: AbortSignal): Promise<WorkbenchSummary | undefined> {
  try {
    const [account, products, engagements, ratings] = await Promise.all([
      client.me.provider.get({ signal }),
      allPages((cursor) => client.me.products.list({ limit: PAGE_LIMIT, cursor }, { signal })),
      allPages((cursor) => client.engagements.list({ limit: PAGE_LIMIT, cursor }, { signal })),
      allPages((cursor) => client.ratings.list({ limit: PAGE_LIMIT, cursor }, { signal })),
    ]);
    return { account, products, engagements, ratings };
  } catch (error) {
    if (isSmecUnauthorizedError(error)) return undefined;
    throw error;
  }
}
