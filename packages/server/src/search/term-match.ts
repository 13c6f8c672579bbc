// The n-gram match of a search over a small index (policies, experts: hundreds or thousands of rows, no weights):
// every term of the query indexed for the row, then runs of three or more characters confirmed verbatim in the
// row's search text, since their bigrams may occur apart. The products' index, with weights and a cache of
// matches, is catalog/search-matches.ts.
import { sql, type Expression, type SqlBool } from 'kysely';
import { parseQuery } from './ngrams.js';

/** An index table of terms: its name and the column naming the row a term was indexed for. */
export interface TermIndex {
  readonly table: 'policy_terms' | 'expert_terms';
  readonly rowColumn: 'policy_seq' | 'expert_seq';
}

/** `%` and `_` in a visitor's text match themselves in LIKE. */
export function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * The conditions that a row (`seq`, `searchText`: its columns, qualified as the query needs) matches `text`, or
 * null when the text has nothing searchable (only punctuation): nothing can match.
 */
export function termMatch(
  index: TermIndex,
  text: string,
  seq: string,
  searchText: string,
): Expression<SqlBool>[] | null {
  const search = parseQuery(text);
  if (!search) return null;
  const where: Expression<SqlBool>[] = [
    sql<SqlBool>`${sql.ref(seq)} in (
      select ${sql.ref(index.rowColumn)} from ${sql.table(index.table)} where term in (${sql.join(search.terms)})
      group by ${sql.ref(index.rowColumn)} having count(*) = ${search.terms.length})`,
  ];
  for (const phrase of search.phrases.filter((p) => [...p].length > 2)) {
    where.push(sql<SqlBool>`${sql.ref(searchText)} like ${likeContaining(phrase)} escape '\\'`);
  }
  return where;
}
