import type { Demand, DemandPage, DemandProposalsInput, DemandStatus, DemandTransferInput } from '@smec/schemas';
import { FullDemands, Products, Providers, Regions } from '@smec/sdk/core';
import type { SmecClient } from '../../internal/client.js';
import { useResources } from '../../internal/client.js';

// The staff's demand calls (proposals, transfers) are FullDemands'; the shell names it too (center-api.ts), as the
// client makes each resource once, on its first use.
useResources({ demands: FullDemands, providers: Providers, products: Products, regions: Regions });

export type StaffDemand = Demand;

export interface DemandFilters {
  readonly status: DemandStatus | '';
  readonly region: string;
  readonly overdue: boolean;
}

export type ProposalsBody = DemandProposalsInput;
export type TransferBody = DemandTransferInput;

interface Call {
  signal?: AbortSignal;
  idempotencyKey?: string;
}

export function listDemands(
  client: SmecClient,
  filters: DemandFilters,
  options: { cursor?: string; limit: number; signal: AbortSignal },
): Promise<DemandPage> {
  return client.demands.list(
    {
      limit: options.limit,
      ...(options.cursor ? { cursor: options.cursor } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.region ? { region: filters.region } : {}),
      ...(filters.overdue ? { overdue: true } : {}),
    },
    { signal: options.signal },
  );
}

export function proposeMatches(client: SmecClient, id: string, body: ProposalsBody, options: Call): Promise<Demand> {
  return client.demands.propose(id, body, options);
}

export function transferDemand(client: SmecClient, id: string, body: TransferBody, options: Call): Promise<Demand> {
  return client.demands.transfer(id, body, options);
}
