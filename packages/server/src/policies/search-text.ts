// The text a policy is found by, and its n-gram index (search/ngrams.ts), kept with every write of the policy.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { indexTerms, normalizeText } from '../search/ngrams.js';

/** The normalised text a phrase is confirmed against, and the n-grams of the index, of one policy. */
export function policySearchText(policy: {
  readonly title: string;
  readonly issuer: string;
  readonly docNumber: string;
  readonly summary: string;
}): string {
  return normalizeText([policy.title, policy.issuer, policy.docNumber, policy.summary].join('\n'));
}

/** Writes the policy's index terms anew from `text`; none when null (a withdrawn policy is found by no search). */
export async function reindexPolicy(trx: Transaction<Database>, seq: number, text: string | null): Promise<void> {
  await trx.deleteFrom('policy_terms').where('policy_seq', '=', seq).execute();
  if (text === null) return;
  const terms = [...indexTerms(text)].map((term) => ({ term, policy_seq: seq }));
  // Chunks keep each INSERT under SQLite's and PostgreSQL's limits on bound parameters.
  for (let start = 0; start < terms.length; start += 400) {
    await trx
      .insertInto('policy_terms')
      .values(terms.slice(start, start + 400))
      .execute();
  }
}
