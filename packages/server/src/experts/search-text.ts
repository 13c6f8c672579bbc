// What an expert is found by: name, title, the names of its specialties and its bio. The seed and every write index
// the same text, so a search finds a written expert as it finds a seeded one.
import { indexTerms } from '../search/ngrams.js';

export interface SearchableExpert {
  readonly name: string;
  readonly title: string;
  readonly specialtyNames: readonly string[];
  readonly bio: string;
}

export function expertSearchText(expert: SearchableExpert): string {
  return [expert.name, expert.title, expert.specialtyNames.join('、'), expert.bio].join(' ');
}

/** The n-gram terms of an expert's search text, as the rows of `expert_terms`. */
export function expertTermRows(seq: number, searchText: string): { term: string; expert_seq: number }[] {
  return [...indexTerms(searchText)].map((term) => ({ term, expert_seq: seq }));
}
