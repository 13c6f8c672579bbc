import type { Engagement, Voucher, VoucherBatch } from '@smec/schemas';
import { isSmecUnauthorizedError, Engagements, Vouchers } from '@smec/sdk/core';
import type { SmecClient } from '../../internal/client.js';
import { useResources } from '../../internal/client.js';

// The SDK calls this module makes (see internal/client.ts).
useResources({ engagements: Engagements, vouchers: Vouchers });

// Every call of the wallet's main view lives here, so the component speaks in wallet terms and the SDK builds the
// requests. The dialogs' own calls travel with them (use-api.ts, return-dialog.ts).

const PAGE_LIMIT = 100;
/** An enterprise holds a handful of vouchers a year; the cap keeps a runaway cursor from looping. */
const MAX_PAGES = 5;

export interface WalletData {
  vouchers: Voucher[];
  engagements: Engagement[];
}

async function allPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

/** The signed-in enterprise's vouchers and engagements; `undefined` when nobody is signed in (401). */
export async function loadWallet(client: SmecClient, signal: AbortSignal): Promise<WalletData | undefined> {
  try {
    const [vouchers, engagements] = await Promise.all([
      allPages((cursor) => client.vouchers.list({ limit: PAGE_LIMIT, cursor }, { signal })),
      allPages((cursor) => client.engagements.list({ limit: PAGE_LIMIT, cursor }, { signal })),
    ]);
    return { vouchers, engagements };
  } catch (error) {
    if (isSmecUnauthorizedError(error)) return undefined;
    throw error;
  }
}

/** The batches one can claim now or soon: open with quota left, and upcoming. */
export async function loadBatches(
  client: SmecClient,
  region: string | undefined,
  signal: AbortSignal,
): Promise<VoucherBatch[]> {
  const page = (state: 'open' | 'upcoming') =>
    client.vouchers.listBatches({ region, state, limit: PAGE_LIMIT }, { signal });
  const [open, upcoming] = await Promise.all([page('open'), page('upcoming')]);
  return [...open.items, ...upcoming.items];
}

/** Claims a voucher; the same `idempotencyKey` on a retry of the same claim, so that it never claims twice. */
export function claim(
  client: SmecClient,
  batchId: string,
  signal: AbortSignal,
  idempotencyKey: string,
): Promise<Voucher> {
  return client.vouchers.claim(batchId, { signal, idempotencyKey });
}
