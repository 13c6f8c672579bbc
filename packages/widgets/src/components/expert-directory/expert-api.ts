import type { ExpertPage, Region, ServiceCategory } from '@smec/schemas';
import { Categories, Experts, Regions } from '@smec/sdk/core';
import type { SmecClient } from '../../internal/client.js';
import { useResources } from '../../internal/client.js';
import type { ExpertFilters } from './expert-filters.js';

// The SDK calls this module makes (see internal/client.ts).
useResources({ categories: Categories, experts: Experts, regions: Regions });

export const PAGE_SIZE = 12;

/** A page of experts for the filters; the region filter keeps that region and the regions within it. */
export function loadExperts(
  client: SmecClient,
  filters: ExpertFilters,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<ExpertPage> {
  return client.experts.list(
    {
      q: filters.q.trim() || undefined,
      categoryId: filters.categoryId || undefined,
      regionCode: filters.regionCode || undefined,
      limit: PAGE_SIZE,
      cursor,
    } as Parameters<SmecClient['experts']['list']>[0],
    { signal },
  );
}

export async function loadCategories(client: SmecClient, signal: AbortSignal): Promise<readonly ServiceCategory[]> {
  return (await client.categories.list({ signal })).items;
}

export async function loadCities(client: SmecClient, signal: AbortSignal): Promise<readonly Region[]> {
  return (await client.regions.list({ level: 'city' }, { signal })).items;
}
