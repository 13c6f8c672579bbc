// What the overview loads for itself once shown: the counts that need the center's region (events starting soon,
// settlements waiting) and this year's key figures. Kept out of the shell's first load so it stays small.
import type { Account, Scorecard } from '@smec/schemas';
import { shanghaiDayOf } from '@smec/schemas/rules';
import { FullEvents, Settlements, Stats } from '@smec/sdk/core';
import type { SmecClient } from '../../internal/client.js';
import { useResources } from '../../internal/client.js';
import { allPages } from '../../workbench/all-pages.js';
import type { WaitingAction } from './waiting-actions.js';

// FullEvents, as the events view names it: whichever module loads first, `client.events` has the staff calls.
useResources({ events: FullEvents, settlements: Settlements, stats: Stats });

const DAY_MS = 86_400_000;
/** "Starting soon": within this many days from now. */
export const SOON_DAYS = 7;

export interface OverviewFigures {
  readonly later: readonly WaitingAction[];
  /** This year's scorecard of the center's region; null for an account without a region. */
  readonly scorecard: Scorecard | null;
}

/** How many of `starts` (date-times) fall within the next {@link SOON_DAYS} days from `now`. */
export function startingSoon(starts: readonly string[], now: number): number {
  const until = now + SOON_DAYS * DAY_MS;
  return starts.filter((start) => {
    const at = Date.parse(start);
    return at >= now && at < until;
  }).length;
}

export async function loadOverviewFigures(
  client: SmecClient,
  account: Account,
  now: number,
  signal: AbortSignal,
): Promise<OverviewFigures> {
  const region = account.regionCode;
  const from = new Date(now).toISOString();
  const to = new Date(now + SOON_DAYS * DAY_MS).toISOString();
  const [events, settlements, scorecard] = await Promise.all([
    allPages((cursor) =>
      client.events.list({ from, to, limit: 100, cursor, ...(region ? { region } : {}) }, { signal }),
    ),
    client.settlements.list({ state: 'waiting', limit: 1 }, { signal }),
    region
      ? client.stats.scorecard({ region, year: Number(shanghaiDayOf(now).slice(0, 4)) }, { signal })
      : Promise.resolve(null),
  ]);
  const scheduled = events.filter((event) => event.status !== 'cancelled').map((event) => event.startsAt);
  return {
    later: [
      { kind: 'eventsSoon', count: startingSoon(scheduled, now), view: 'events' },
      { kind: 'settlementsWaiting', count: settlements.total, view: 'settlements' },
    ],
    scorecard,
  };
}
