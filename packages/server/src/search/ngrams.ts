/**
 * Chinese text has no spaces, so word-based full-text search cannot find 「法」 or 「财税」. We index every
 * character (unigram) and every pair of adjacent characters (bigram) of Han runs, and latin letters and digits as
 * whole lowercase words. A query matches when all of its bigrams are present (or its single character), which is
 * portable SQL (`term IN (…) GROUP BY … HAVING COUNT(*) = n`) on SQLite and PostgreSQL alike.
 */

const RUN = /(\p{Script=Han}+)|([a-z]+)|([0-9]+)/gu;

/** NFKC folds full-width letters and digits (ＩＳＯ９００１) into ASCII; lowercase makes latin case-insensitive. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

interface Run {
  readonly text: string;
  readonly han: boolean;
}

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const match of normalizeText(text).matchAll(RUN)) {
    runs.push({ text: match[0], han: match[1] !== undefined });
  }
  return runs;
}

/** Every term under which a text is indexed. */
export function indexTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const run of runsOf(text)) {
    if (!run.han) {
      terms.add(run.text);
      continue;
    }
    const chars = [...run.text];
    for (let i = 0; i < chars.length; i++) {
      terms.add(chars[i] as string);
      if (i + 1 < chars.length) terms.add(`${chars[i]}${chars[i + 1]}`);
    }
  }
  return terms;
}

export interface SearchQuery {
  /** Index terms that must all be present. */
  readonly terms: string[];
  /** Runs of the query that must each occur in the text verbatim (after normalisation). */
  readonly phrases: string[];
}

/** The terms and phrases of a visitor's query, or null when it has nothing searchable (only punctuation). */
export function parseQuery(query: string): SearchQuery | null {
  const terms = new Set<string>();
  const phrases = new Set<string>();
  for (const run of runsOf(query)) {
    phrases.add(run.text);
    const chars = [...run.text];
    if (!run.han || chars.length === 1) {
      terms.add(run.text);
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) terms.add(`${chars[i]}${chars[i + 1]}`);
  }
  if (terms.size === 0) return null;
  return { terms: [...terms], phrases: [...phrases] };
}
