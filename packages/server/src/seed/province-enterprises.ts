// The province-scale seed's enterprises: profiles with valid, unique USCCs spread over the counties by how many SMEs
// each city has, kept in memory as columns so that the engagements can be drawn from them without reading them back.
import { ENTERPRISE_TAGS, usccCheckCharacter, type EnterpriseTag } from '@smec/schemas';
import type { DatabaseHandle } from '../db/database.js';
import { Random } from './prng.js';
import { ENTERPRISE_KINDS, enterpriseName, personName } from './province-names.js';

export type EnterpriseSize = 'micro' | 'small' | 'medium';

/** The appended enterprises, one array per column, in insertion order. */
export interface ProvinceEnterprises {
  readonly id: string[];
  readonly name: string[];
  readonly regionCode: string[];
  readonly cityCode: string[];
  readonly size: EnterpriseSize[];
  readonly legal: string[];
}

/** Relative numbers of SMEs by city: the Pearl River Delta holds most of them. */
const CITY_WEIGHTS: Record<string, number> = {
  深圳市: 24,
  广州市: 18,
  东莞市: 10,
  佛山市: 10,
  中山市: 4,
  惠州市: 4,
  汕头市: 4,
  珠海市: 3,
  江门市: 3,
  揭阳市: 2,
  湛江市: 2,
  肇庆市: 2,
  茂名市: 2,
  清远市: 2,
  潮州市: 2,
};

/** How likely an enterprise is to hold each recognition. */
const TAG_CHANCE: Record<EnterpriseTag, number> = {
  specialized: 0.05,
  littleGiant: 0.004,
  upgraded: 0.03,
  highTech: 0.06,
  techSme: 0.1,
};

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_SPACE = 31 ** 7;

/** Seven USCC characters for `n`, scattered over the code space (a bijection, so distinct `n` give distinct codes). */
function scatteredCode(n: number): string {
  let value = (n * 7_368_787 + 1_234_567) % CODE_SPACE;
  let out = '';
  for (let i = 0; i < 7; i++) {
    out = USCC_CHARS[value % 31] + out;
    value = Math.floor(value / 31);
  }
  return out;
}

/** Picks an index by weight in O(log n): the picker is used a million times. */
export function weightedIndex(weights: readonly number[]): (random: Random) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) cumulative.push((total += weight));
  return (random) => {
    const roll = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) > roll) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

interface RegionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

/** Appends `count` enterprises; returns them as columns. */
export function appendProvinceEnterprises(handle: DatabaseHandle, seed: number, count: number): ProvinceEnterprises {
  const { sqlite } = handle;
  const random = new Random(seed ^ 0x0e17_e9e5);
  const regions = sqlite.prepare('SELECT code, name, level, parent_code FROM regions').all() as RegionRow[];
  // Where enterprises register: every county, or the city itself where it has none (东莞, 中山).
  const places: { county: RegionRow; city: RegionRow; weight: number }[] = [];
  for (const city of regions.filter((region) => region.level === 'city')) {
    const counties = regions.filter((region) => region.parent_code === city.code);
    const weight = CITY_WEIGHTS[city.name] ?? 1;
    for (const county of counties.length > 0 ? counties : [city]) {
      places.push({ county, city, weight: weight / Math.max(1, counties.length) });
    }
  }
  if (places.length === 0) throw new Error('Seed the regions first');
  const pickPlace = weightedIndex(places.map((place) => place.weight));
  const pickKind = weightedIndex(ENTERPRISE_KINDS.map(([, , weight]) => weight));

  // Counted per place first, then generated place by place in code order: the USCCs (which start with the county)
  // and the ids then arrive roughly in index order.
  const perPlace = new Array<number>(places.length).fill(0);
  for (let i = 0; i < count; i++) {
    const index = pickPlace(random);
    perPlace[index] = (perPlace[index] ?? 0) + 1;
  }
  const order = places
    .map((_, index) => index)
    .sort((a, b) => (places[a]?.county.code ?? '').localeCompare(places[b]?.county.code ?? ''));

  const takenUscc = new Set(
    (sqlite.prepare('SELECT uscc FROM enterprises UNION SELECT uscc FROM providers').all() as { uscc: string }[]).map(
      (row) => row.uscc,
    ),
  );
  const takenNames = new Set(
    (sqlite.prepare('SELECT name FROM enterprises').all() as { name: string }[]).map((row) => row.name),
  );
  const out: ProvinceEnterprises = { id: [], name: [], regionCode: [], cityCode: [], size: [], legal: [] };
  const insert = sqlite.prepare(
    `INSERT INTO enterprises (id, uscc, name, size, industry, region_code, city_code, founded_on, employees, tags,
       legal_representative)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  let serial = 0;
  sqlite.transaction(() => {
    for (const index of order) {
      const place = places[index];
      if (!place) continue;
      const { county, city } = place;
      const cityBare = city.name.replace(/市$/, '');
      const countyCity = county !== city && county.name.endsWith('市') ? county.name : null;
      for (let k = 0; k < (perPlace[index] ?? 0); k++) {
        let uscc: string;
        do {
          const body = `91${county.code}MA${scatteredCode(serial++)}`;
          uscc = `${body}${usccCheckCharacter(body) ?? '0'}`;
        } while (takenUscc.has(uscc));
        takenUscc.add(uscc);

        const [word, industry] = ENTERPRISE_KINDS[pickKind(random)] ?? ['科技', '科技推广和应用服务业'];
        const roll = random.next();
        const placeName = countyCity && roll < 0.25 ? countyCity : roll < 0.7 ? cityBare : city.name;
        let name = enterpriseName(random, placeName, word, false);
        for (let attempt = 0; takenNames.has(name); attempt++) {
          name = enterpriseName(random, attempt < 3 ? placeName : city.name, word, attempt >= 1);
          if (attempt > 50) name = `${name.slice(0, -4)}${attempt}有限公司`;
        }
        takenNames.add(name);

        const size = random.weighted<EnterpriseSize>([
          ['micro', 62],
          ['small', 30],
          ['medium', 8],
        ]);
        const employees =
          size === 'micro' ? random.int(2, 19) : size === 'small' ? random.int(20, 299) : random.int(300, 999);
        const tags = ENTERPRISE_TAGS.filter((tag) => random.chance(TAG_CHANCE[tag]));
        const foundedOn = `${random.int(1993, 2025)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
        const legal = personName(random);
        const id = `ent-${uscc.toLowerCase()}`;
        insert.run(
          id,
          uscc,
          name,
          size,
          industry,
          county.code,
          city.code,
          foundedOn,
          employees,
          JSON.stringify(tags),
          legal,
        );
        out.id.push(id);
        out.name.push(name);
        out.regionCode.push(county.code);
        out.cityCode.push(city.code);
        out.size.push(size);
        out.legal.push(legal);
      }
    }
  })();
  return out;
}
