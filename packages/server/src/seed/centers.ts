// The demo's network of centers: one for the province, every city and every county but a few, set up over the
// years so that the coverage targets are met in some years and missed in others, and a few below the basic
// requirements of their level. Names are those the seeded staff accounts give as their organisation.
import type { DatabaseHandle } from '../db/database.js';
import { DEFAULT_SEED, type SeedOptions } from './catalog.js';
import { Random } from './prng.js';

interface RegionRow {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parent_code: string | null;
}

/** Each city's telephone area code: a center's phone number starts with its own. */
const AREA_CODES: Readonly<Record<string, string>> = {
  '440100': '020',
  '440200': '0751',
  '440300': '0755',
  '440400': '0756',
  '440500': '0754',
  '440600': '0757',
  '440700': '0750',
  '440800': '0759',
  '440900': '0668',
  '441200': '0758',
  '441300': '0752',
  '441400': '0753',
  '441500': '0660',
  '441600': '0762',
  '441700': '0662',
  '441800': '0763',
  '441900': '0769',
  '442000': '0760',
  '445100': '0768',
  '445200': '0663',
  '445300': '0766',
};

const STREETS = ['人民路', '中山路', '建设路', '解放路', '新华路', '发展大道', '府前路', '东风路'];
const OPENING_HOURS = [
  '周一至周五 9:00–12:00，14:00–17:30（法定节假日除外）',
  '周一至周五 8:30–12:00，14:30–17:30（法定节假日除外）',
  '周一至周五 9:00–17:00，周六上午 9:00–12:00',
];

/** A district is named with its city (广州市越秀区中小企业服务中心); a county or county-level city by itself. */
export function centerNameOf(
  region: Pick<RegionRow, 'code' | 'name' | 'parent_code'> & { level: string },
  cities: readonly Pick<RegionRow, 'code' | 'name'>[],
): string {
  if (region.level === 'province') return '广东省中小企业服务中心';
  const city =
    region.level === 'county' && region.name.endsWith('区')
      ? (cities.find((each) => each.code === region.parent_code)?.name ?? '')
      : '';
  return `${city}${region.name}中小企业服务中心`;
}

function day(year: number, random: Random): string {
  return `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

/** Which counties have no center yet: the last county of every fourth city, never one a seeded account serves. */
function withoutCenter(cities: readonly RegionRow[], counties: ReadonlyMap<string, RegionRow[]>): Set<string> {
  const none = new Set<string>();
  cities.forEach((city, index) => {
    const own = counties.get(city.code) ?? [];
    if (index % 4 === 3 && own.length > 2) none.add(own[own.length - 1]!.code);
  });
  return none;
}

export function seedCenters(handle: DatabaseHandle, options: SeedOptions): void {
  const { sqlite } = handle;
  const random = new Random((options.seed ?? DEFAULT_SEED) ^ 0xce47e5);
  const regions = sqlite
    .prepare('SELECT code, name, level, parent_code FROM regions ORDER BY code')
    .all() as RegionRow[];
  const cities = regions.filter((region) => region.level === 'city');
  const counties = new Map<string, RegionRow[]>();
  for (const region of regions) {
    if (region.level !== 'county' || !region.parent_code) continue;
    counties.set(region.parent_code, [...(counties.get(region.parent_code) ?? []), region]);
  }
  const none = withoutCenter(cities, counties);
  const insert = sqlite.prepare(
    `INSERT INTO centers (id, region_code, name, org_form, setup, setup_document, established_on, address, phone,
       website, opening_hours, floor_area, staff_count, qualified_staff_count, own_space, revision, updated_at)
     VALUES (@id, @region_code, @name, @org_form, @setup, @setup_document, @established_on, @address, @phone,
       @website, @opening_hours, @floor_area, @staff_count, @qualified_staff_count, @own_space, 0, @updated_at)`,
  );
  const updatedAt = new Date(options.asOf).toISOString();
  sqlite.transaction(() => {
    let countyIndex = 0;
    let cityIndex = 0;
    for (const region of regions) {
      if (none.has(region.code)) continue;
      const cityCode =
        region.level === 'province' ? region.code : region.level === 'city' ? region.code : region.parent_code!;
      const area = AREA_CODES[cityCode] ?? '020';
      const phone = `${area}-${area.length === 3 ? random.int(8000_0000, 8999_9999) : random.int(8000_000, 8999_999)}`;
      let facts: { floor_area: number; staff_count: number; qualified_staff_count: number; own_space: number };
      let year: number;
      let setup: 'established' | 'recognized' | 'designated';
      let orgForm: 'publicInstitution' | 'privateNonEnterprise' | 'enterprise' = 'publicInstitution';
      if (region.level === 'province') {
        facts = { floor_area: 1260, staff_count: 42, qualified_staff_count: 36, own_space: 1 };
        year = 2012;
        setup = 'established';
      } else if (region.level === 'city') {
        // Two cities fall short: one of floor area, one of qualified staff.
        const index = cityIndex++;
        const staff = random.int(6, 16);
        facts = {
          floor_area: index === 5 ? 180 : random.int(220, 680),
          staff_count: staff,
          qualified_staff_count: index === 9 ? Math.floor(staff * 0.6) : Math.ceil(staff * (0.7 + random.next() * 0.2)),
          own_space: 1,
        };
        year = random.int(2013, 2016);
        setup = index % 5 === 2 ? 'recognized' : 'established';
        if (index % 7 === 4) orgForm = 'privateNonEnterprise';
      } else {
        // Counties set up over 2014–2021: the 2018 target is missed, later ones met. A few lack a space of their own.
        const index = countyIndex++;
        const staff = random.int(1, 6);
        facts = {
          floor_area: random.int(60, 260),
          staff_count: index % 23 === 11 ? 0 : staff,
          qualified_staff_count: index % 23 === 11 ? 0 : random.int(0, staff),
          own_space: index % 17 === 8 ? 0 : 1,
        };
        year = index % 8 === 5 ? random.int(2019, 2021) : random.int(2014, 2018);
        setup = index % 3 === 0 ? 'designated' : index % 3 === 1 ? 'recognized' : 'established';
        if (index % 11 === 6) orgForm = 'privateNonEnterprise';
        if (index % 19 === 9) orgForm = 'enterprise';
      }
      const placeName =
        region.level === 'county' && region.name.endsWith('区')
          ? `${cities.find((city) => city.code === region.parent_code)?.name ?? ''}${region.name}`
          : region.name;
      insert.run({
        id: `ctr-${region.code}`,
        region_code: region.code,
        name: centerNameOf(region, cities),
        org_form: orgForm,
        setup,
        setup_document:
          setup === 'established'
            ? `${placeName}机构编制委员会文件（${year}年第${random.int(3, 60)}号）`
            : setup === 'recognized'
              ? `${placeName}工业和信息化主管部门认定文件（${year}年第${random.int(3, 60)}号）`
              : `${placeName}人民政府指定文件（${year}年第${random.int(3, 60)}号）`,
        established_on: day(year, random),
        address: `${placeName}${random.pick(STREETS)}${random.int(1, 399)}号${region.level === 'province' ? '' : `${random.int(2, 12)}楼`}`,
        phone,
        website: region.level === 'county' ? null : `https://smec-${region.code}.example.cn/`,
        opening_hours: random.pick(OPENING_HOURS),
        ...facts,
        updated_at: updatedAt,
      });
    }
    sqlite.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('centers_seeded_at', updatedAt);
  })();
}
