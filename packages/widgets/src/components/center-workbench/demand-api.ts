import type { Demand, DemandPage, DemandStatus } from '@smec/schemas';
import { Demands, Products, Providers, Regions } from '@smec/sdk/core';
import type { SmecClient } from '../../internal/client.js';
import { useResources } from '../../internal/client.js';

// The demand calls live only in the Demands view's module (the shell's first view lists new demands only).
useResources({ demands: Demands, providers: Providers, products: Products, regions: Regions });

/** The response deadlines the platform computes for a demand, in its region's working days. */
export interface DemandDeadlines {
  /** The day by which the center accepts it (YYYY-MM-DD). */
  readonly acceptBy?: string | null;
  /** The day by which the center proposes a first match (YYYY-MM-DD). */
  readonly firstMatchBy?: string | null;
  /** Whether a deadline of its current state has passed. */
  readonly overdue?: boolean;
}

export type StaffDemand = Demand & DemandDeadlines;

export interface DemandFilters {
  readonly status: DemandStatus | '';
  readonly region: string;
  readonly overdue: boolean;
}

export interface ProposalInput {
  providerId: string;
  productId?: string;
  note?: string;
}

export interface ProposalsBody {
  proposals: ProposalInput[];
  note?: string;
}

export interface TransferBody {
  toRegion: string;
  reason: string;
}

interface Call {
  signal?: AbortSignal;
  idempotencyKey?: string;
}

/** The calls of the demands branch's SDK, met here until it is merged. */
interface DemandMoves {
  propose(id: string, body: ProposalsBody, options?: Call): Promise<Demand>;
  transfer(id: string, body: TransferBody, options?: Call): Promise<Demand>;
}

function moves(client: SmecClient): DemandMoves {
  return client.demands as unknown as DemandMoves;
}

export function listDemands(
  client: SmecClient,
  filters: DemandFilters,
  options: { cursor?: string; limit: number; signal: AbortSignal },
): Promise<DemandPage> {
  const query = {
    limit: options.limit,
    ...(options.cursor ? { cursor: options.cursor } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.region ? { region: filters.region } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
  };
  return client.demands.list(query, { signal: options.signal });
}

export function proposeMatches(client: SmecClient, id: string, body: ProposalsBody, options: Call): Promise<Demand> {
  return moves(client).propose(id, body, options);
}

export function transferDemand(client: SmecClient, id: string, body: TransferBody, options: Call): Promise<Demand> {
  return moves(client).transfer(id, body, options);
}
