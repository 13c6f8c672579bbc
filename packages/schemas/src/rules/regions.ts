// Region ancestry, read from the structure of the six-digit GB/T 2260 codes: a county `440605` lies in the city
// `440600`, which lies in the province `440000`. The one rule of "lies within" for the server, the seed and the
// widgets, so that none of them walks parent codes of its own.

/** True for a six-digit region code. */
export function isRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** A region code's level, read from the GB/T 2260 code's structure. */
export function regionLevelOf(code: string): 'province' | 'city' | 'county' {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The codes that contain a region (its city and province), nearest first, excluding the region itself. */
export function regionAncestors(code: string): string[] {
  const level = regionLevelOf(code);
  const province = `${code.slice(0, 2)}0000`;
  if (level === 'province') return [];
  if (level === 'city') return [province];
  return [`${code.slice(0, 4)}00`, province];
}

/** A region and the codes that contain it, nearest first: a county, its city, the province. */
export function regionLineage(code: string): string[] {
  return [code, ...regionAncestors(code)];
}

/** True when the region `code` is `scope` or lies within it; false unless both are six-digit codes. */
export function isRegionWithin(code: string, scope: string): boolean {
  if (!isRegionCode(code) || !isRegionCode(scope)) return false;
  return code === scope || regionAncestors(code).includes(scope);
}

/** The city a region lies in (itself for a city); null for a province. */
export function regionCityOf(code: string): string | null {
  const level = regionLevelOf(code);
  if (level === 'province') return null;
  return level === 'city' ? code : `${code.slice(0, 4)}00`;
}
