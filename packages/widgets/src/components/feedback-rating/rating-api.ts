import type { Engagement, PublicRatingPage, Rating, RatingInput } from '@smec/schemas';
import type { SmecClient } from '../../internal/client.js';
import { Engagements, Ratings } from '@smec/sdk/core';
import { useResources } from '../../internal/client.js';

// The SDK calls this module makes (see internal/client.ts).
useResources({ engagements: Engagements, ratings: Ratings });

/** The ratings shown per page in show mode. */
export const PAGE_LIMIT = 5;

export function loadEngagement(client: SmecClient, id: string, signal: AbortSignal): Promise<Engagement> {
  return client.engagements.get(id, { signal });
}

export function loadRating(client: SmecClient, engagementId: string, signal: AbortSignal): Promise<Rating> {
  return client.ratings.forEngagement(engagementId, { signal });
}

/** Sends a rating; one `idempotencyKey` per body, so that a retry after a lost answer never rates twice. */
export function sendRating(
  client: SmecClient,
  engagementId: string,
  input: RatingInput,
  idempotencyKey: string,
  signal: AbortSignal,
): Promise<Rating> {
  return client.ratings.rate(engagementId, input, { idempotencyKey, signal });
}

export interface RatingsOf {
  kind: 'provider' | 'product';
  id: string;
}

/** One page of a provider's or a product's public ratings, newest first, with the summary over all of them. */
export function loadPublicRatings(
  client: SmecClient,
  of: RatingsOf,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<PublicRatingPage> {
  const params = { limit: PAGE_LIMIT, cursor };
  const page =
    of.kind === 'provider'
      ? client.ratings.forProvider(of.id, params, { signal })
      : client.ratings.forProduct(of.id, params, { signal });
  return Promise.resolve(page);
}

/** What rate mode found: nobody signed in, or the engagement with its rating when it has one. */
export type RateLoaded = { signedIn: false } | { signedIn: true; engagement: Engagement; rating: Rating | undefined };
