import type { CenterPage, Coverage, Region } from '@smec/schemas';
import { Centers, Regions } from '@smec/sdk/core';
import type { SmecClient } from '../../internal/client.js';
import { useResources } from '../../internal/client.js';
import type { CenterFilters } from './center-filters.js';

// The SDK calls this module makes (see internal/client.ts).
useResources({ centers: Centers, regions: Regions });

export const PAGE_SIZE = 12;

/** A page of centers for the filters; a city keeps its own center and its counties'. */
export function loadCenters(
  client: SmecClient,
  filters: CenterFilters,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<CenterPage> {
  return client.centers.list(
    {
      q: filters.q.trim() || undefined,
      level: filters.level || undefined,
      region: filters.region || undefined,
      limit: PAGE_SIZE,
      cursor,
    } as Parameters<SmecClient['centers']['list']>[0],
    { signal },
  );
}

export async function loadCities(client: SmecClient, signal: AbortSignal): Promise<readonly Region[]> {
  return (await client.regions.list({ level: 'city' }, { signal })).items;
}

export function loadCoverage(client: SmecClient, year: number, signal: AbortSignal): Promise<Coverage> {
  return client.centers.coverage(year, { signal });
}
