import type { Policy, PolicyPage, ServiceCategory } from '@smec/schemas';
import type { SmecClient } from '../../internal/client.js';
import type { PolicyFilters } from './policy-filters.js';
import { Categories, Policies } from '@smec/sdk/core';
import { useResources } from '../../internal/client.js';

// The SDK calls this module makes (see internal/client.ts).
useResources({ categories: Categories, policies: Policies });

export const PAGE_SIZE = 10;

/** A page of policies for the filters; `region` puts the viewer's region's own policies first. */
export function loadPolicies(
  client: SmecClient,
  filters: PolicyFilters,
  region: string | undefined,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<PolicyPage> {
  return client.policies.list(
    {
      q: filters.q.trim() || undefined,
      category: filters.category || undefined,
      issuer: filters.issuer.trim() || undefined,
      from: filters.from || undefined,
      to: filters.to || undefined,
      validity: filters.validity || undefined,
      region,
      limit: PAGE_SIZE,
      cursor,
    } as Parameters<SmecClient['policies']['list']>[0],
    { signal },
  );
}

export function loadPolicy(client: SmecClient, id: string, signal: AbortSignal): Promise<Policy> {
  return client.policies.get(id, { signal });
}

export async function loadCategories(client: SmecClient, signal: AbortSignal): Promise<readonly ServiceCategory[]> {
  return (await client.categories.list({ signal })).items;
}
