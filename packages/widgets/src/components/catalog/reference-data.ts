import type { Region, ServiceCategory } from '@smec/schemas';
import type { SmecLocale } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import { Categories, Regions } from '@smec/sdk/core';
import { useResources } from '../../internal/client.js';
import { regionCityOf } from '@smec/schemas/rules';

// The SDK calls this module makes (see internal/client.ts).
useResources({ categories: Categories, regions: Regions });

/** Names the catalog shows next to codes: categories and Guangdong's regions, loaded once per client. */
export interface ReferenceData {
  categories: readonly ServiceCategory[];
  regions: ReadonlyMap<string, Region>;
  cities: readonly Region[];
}

export async function loadReferenceData(client: SmecClient, signal: AbortSignal): Promise<ReferenceData> {
  const [categories, regions] = await Promise.all([
    client.categories.list({ signal }),
    client.regions.list(undefined, { signal }),
  ]);
  return {
    categories: categories.items,
    regions: new Map(regions.items.map((region) => [region.code, region])),
    cities: regions.items.filter((region) => region.level === 'city'),
  };
}

export function countiesOf(reference: ReferenceData | undefined, cityCode: string): Region[] {
  return [...(reference?.regions.values() ?? [])].filter(
    (region) => region.level === 'county' && region.parentCode === cityCode,
  );
}

/** The city a region filter belongs to: the region itself for a city (or the province), its city for a county. */
export function cityOf(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return regionCityOf(code) ?? code;
}

export function regionName(reference: ReferenceData | undefined, code: string): string {
  return reference?.regions.get(code)?.name ?? code;
}

/** The category's name in the visitor's language; the id while the names are loading. */
export function categoryName(
  id: string,
  categories: readonly ServiceCategory[] | undefined,
  locale: SmecLocale,
): string {
  const category = categories?.find((candidate) => candidate.id === id);
  if (!category) return id;
  return locale === 'en' ? category.nameEn : category.name;
}
