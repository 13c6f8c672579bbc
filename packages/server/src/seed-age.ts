// A demo database keeps the data it was seeded with; the seed is relative to the day it was made, so a database
// seeded long ago shows closed registrations and past claim windows. The server does not reseed by itself (the data
// may hold what a person did in the demo); it says how old the seed is and how to renew it.

const DAY = 86_400_000;

/** Seed data older than this, against the clock, is worth a note at startup. */
export const STALE_SEED_DAYS = 30;

/** The startup note for seed data `seededAt` (ms) seen at `now`, or undefined when it is recent enough or absent. */
export function staleSeedNote(seededAt: number | undefined, now: number): string | undefined {
  if (seededAt === undefined) return undefined;
  const days = Math.floor((now - seededAt) / DAY);
  if (days <= STALE_SEED_DAYS) return undefined;
  return `seed: the demo data was seeded ${days} days before the clock's now; reseed it with \`npm run seed -- --fresh\``;
}
