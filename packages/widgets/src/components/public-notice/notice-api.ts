import type { FiledObjection, ObjectionInput, PublicNoticePage, ServiceCategory } from '@smec/schemas';
import { Categories, PublicNotices } from '@smec/sdk/core';
import type { SmecClient } from '../../internal/client.js';
import { useResources } from '../../internal/client.js';

// The SDK calls this module makes (see internal/client.ts).
useResources({ categories: Categories, publicNotices: PublicNotices });

export const PAGE_SIZE = 10;

/** A page of the applicants under notice, soonest end first. */
export function loadNotices(
  client: SmecClient,
  limit: number,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<PublicNoticePage> {
  return client.publicNotices.list({ limit, ...(cursor ? { cursor } : {}) }, { signal });
}

/** The categories with their English names (a notice carries only the Chinese ones). */
export async function loadCategories(client: SmecClient, signal: AbortSignal): Promise<readonly ServiceCategory[]> {
  return (await client.categories.list({ signal })).items;
}

export function fileObjection(
  client: SmecClient,
  noticeId: string,
  input: ObjectionInput,
  call: { signal: AbortSignal; idempotencyKey: string },
): Promise<FiledObjection> {
  return client.publicNotices.object(noticeId, input, call);
}
