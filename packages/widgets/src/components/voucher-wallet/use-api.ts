import type { Engagement, ServiceProduct, VoucherUseInput } from '@smec/schemas';
import type { SmecClient } from '../../internal/client.js';
import { Products, Vouchers } from '@smec/sdk/core';
import { useResources } from '../../internal/client.js';

// The SDK calls this module makes (see internal/client.ts).
useResources({ products: Products, vouchers: Vouchers });

// The use dialog's calls: they arrive with the dialog.

export function quote(client: SmecClient, voucherId: string, input: VoucherUseInput, signal: AbortSignal) {
  return client.vouchers.quote(voucherId, input, { signal });
}

/** Orders the engagement; `idempotencyKey` stays the same for one confirmed form, so a retry never orders twice. */
export function useVoucher(
  client: SmecClient,
  voucherId: string,
  input: VoucherUseInput,
  idempotencyKey: string,
  signal: AbortSignal,
): Promise<Engagement> {
  return client.vouchers.use(voucherId, input, { idempotencyKey, signal });
}

/** Published, voucher-eligible products matching what the visitor typed, for the product picker. */
export async function searchProducts(client: SmecClient, q: string, signal: AbortSignal): Promise<ServiceProduct[]> {
  const page = await client.products.list({ q: q || undefined, voucherEligible: true, limit: 8 }, { signal });
  return page.items;
}
