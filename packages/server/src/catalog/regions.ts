import type { Region } from '@smec/schemas';
import { isRegionWithin, regionAncestors, regionCityOf, regionLineage } from '@smec/schemas/rules';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The regions, held in memory: 144 rows of reference data that only a migration changes, read on every catalog
 * request to validate region codes and choose facet values.
 */
export class RegionIndex {
  readonly all: readonly Region[];
  readonly province: Region;
  readonly #byCode: Map<string, Region>;
  readonly #children: Map<string, Region[]>;

  constructor(regions: readonly Region[]) {
    this.all = regions;
    this.#byCode = new Map(regions.map((region) => [region.code, region]));
    this.#children = new Map();
    for (const region of regions) {
      // Ancestry is read from the codes (isWithin, cityOf, lineageOf): a table that says otherwise is refused.
      if (region.parentCode !== (regionAncestors(region.code)[0] ?? null)) {
        throw new Error(`Region ${region.code} has parent ${region.parentCode}, not the one its code names`);
      }
      if (!region.parentCode) continue;
      const siblings = this.#children.get(region.parentCode) ?? [];
      siblings.push(region);
      this.#children.set(region.parentCode, siblings);
    }
    const province = regions.find((region) => region.level === 'province');
    if (!province) throw new Error('The regions table has no province');
    this.province = province;
  }

  static async load(db: Kysely<Database>): Promise<RegionIndex> {
    const rows = await db
      .selectFrom('regions')
      .select(['code', 'name', 'level', 'parent_code'])
      .orderBy('code')
      .execute();
    return new RegionIndex(
      rows.map((row) => ({ code: row.code, name: row.name, level: row.level, parentCode: row.parent_code })),
    );
  }

  get(code: string): Region | undefined {
    return this.#byCode.get(code);
  }

  /** True when `code` is a known region that is `scope` or lies within it (the schemas' rule on the codes). */
  isWithin(code: string, scope: string): boolean {
    return this.#byCode.has(code) && isRegionWithin(code, scope);
  }

  /** The city a known region lies in (itself for a city); undefined for the province or an unknown code. */
  cityOf(code: string): Region | undefined {
    const city = this.#byCode.has(code) ? regionCityOf(code) : null;
    return city === null ? undefined : this.#byCode.get(city);
  }

  /** A known region and the regions that contain it, nearest first; none for an unknown code. */
  lineageOf(code: string): string[] {
    return this.#byCode.has(code) ? regionLineage(code) : [];
  }

  childrenOf(code: string): readonly Region[] {
    return this.#children.get(code) ?? [];
  }

  /** The regions a region facet offers once `code` is chosen: cities, a city's counties, or a county's siblings. */
  facetRegions(code: string | undefined): readonly Region[] {
    const region = code === undefined ? undefined : this.get(code);
    if (!region || region.level === 'province') return this.childrenOf(this.province.code);
    if (region.level === 'city') return this.childrenOf(region.code);
    return region.parentCode ? this.childrenOf(region.parentCode) : [];
  }
}

/** The regions at and below `code`. */
export function regionsBelow(regions: Pick<RegionIndex, 'childrenOf'>, code: string): string[] {
  const out = [code];
  for (let i = 0; i < out.length; i++) for (const child of regions.childrenOf(out[i] ?? '')) out.push(child.code);
  return out;
}
