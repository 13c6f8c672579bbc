/**
 * Options of a read that must not come from the browser's HTTP cache: the public lists (policies) may be kept for a
 * minute, which a staff member who just changed one, or whose colleague did, must not see. A request that carries
 * `If-None-Match` bypasses that cache (Fetch standard); this tag matches no ETag, so the platform answers in full.
 */
export const FRESH_READ = { headers: { 'if-none-match': '"smec-fresh-read"' } } as const;
