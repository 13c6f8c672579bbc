// What the ratings view shows, apart from its markup so that the order and the paging are tested without a browser.
import type { Rating } from '@smec/schemas';

/** Ratings shown at first, and added by each 「显示更多」. */
export const RATINGS_PAGE = 10;

/** Newest first; of two given at the same moment, the later id first, so the order never changes between loads. */
export function newestFirst(ratings: readonly Rating[]): Rating[] {
  return [...ratings].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** The ratings of the first `pages` pages, and whether any are left. */
export function ratingsShown(ratings: readonly Rating[], pages: number): { shown: Rating[]; more: boolean } {
  const sorted = newestFirst(ratings);
  const count = Math.max(1, pages) * RATINGS_PAGE;
  return { shown: sorted.slice(0, count), more: sorted.length > count };
}
