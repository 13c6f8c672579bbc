// What the catalog's indexes derive from a product, for the seed that loads the catalog and the provider who changes
// a product alike: the weights of its fields in the n-gram index and the regions its coverage rows name.
import { regionAncestors, regionLevelOf } from '@smec/schemas/rules';

/** Field weights of the n-gram index: a match in the product's name ranks above one in its provider's name, … */
export const TERM_WEIGHTS = { name: 8, providerName: 4, category: 2, summary: 1 } as const;

/**
 * The regions a product counts as serving below the province: the ones it names, their cities, and their
 * counties. A province-wide product gets none; it is flagged `province_wide` instead (it would otherwise need a row
 * for every one of the 143 regions, and the region facet would have to count them all).
 */
export function coverageOf(regionCodes: readonly string[], childrenOf: Map<string, string[]>) {
  const covered = new Set<string>();
  const addDescendants = (code: string) => {
    for (const child of childrenOf.get(code) ?? []) {
      covered.add(child);
      addDescendants(child);
    }
  };
  for (const code of regionCodes) {
    covered.add(code);
    // Its ancestors up to, not including, the province: every product serves the province, so that needs no row.
    for (const ancestor of regionAncestors(code)) if (regionLevelOf(ancestor) !== 'province') covered.add(ancestor);
    addDescendants(code);
  }
  return covered;
}
