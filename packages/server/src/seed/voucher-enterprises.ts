// The enterprises of the voucher seed: one for each demo enterprise user, and GENERATED_ENTERPRISES more across the
// province; and the providers' legal representatives, kept apart from the demo enterprises' so that no demo use
// meets an accidental related party.
import { ENTERPRISE_TAGS, usccCheckCharacter, type EnterpriseTag } from '@smec/schemas';
import type { DatabaseHandle } from '../db/database.js';
import { SURNAMES } from './names.js';
import type { Random } from './prng.js';
import type { Size } from './voucher-batches.js';

export const GENERATED_ENTERPRISES = 3000;

export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文辉海波宏斌俊鹏飞云峰丹萍'.split('');
const INDUSTRIES = ['科技', '电子', '机械', '五金', '陶瓷', '家具', '服装', '食品', '塑料', '照明', '家电', '新材料'];
const TRADES = ['宏图', '恒信', '联创', '华源', '精工', '瑞丰', '新达', '嘉诚', '汇通', '鼎盛', '博远', '利德', '正泰'];
const INDUSTRY_KIND: Record<string, string> = {
  科技: '软件和信息技术服务业',
  电子: '计算机、通信和其他电子设备制造业',
  机械: '通用设备制造业',
  五金: '金属制品业',
  陶瓷: '非金属矿物制品业',
  家具: '家具制造业',
  服装: '纺织服装、服饰业',
  食品: '食品制造业',
  塑料: '橡胶和塑料制品业',
  照明: '电气机械和器材制造业',
  家电: '电气机械和器材制造业',
  新材料: '化学原料和化学制品制造业',
};

export interface RegionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

export interface SeedEnterprise {
  id: string;
  uscc: string;
  name: string;
  size: Size;
  region_code: string;
  city_code: string | null;
  legal: string;
  tags: EnterpriseTag[];
}

/** A seeded user, as the voucher seed reads it. */
export interface SeedUser {
  id: string;
  name: string;
  role: string;
  organization: string;
  region_code: string | null;
  enterprise_id: string | null;
  provider_id: string | null;
}

export function personName(random: Random): string {
  return `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.chance(0.6) ? random.pick(GIVEN) : ''}`;
}

/** Gives every provider a legal representative; returns their names. */
export function seedProviderLegal(sqlite: DatabaseHandle['sqlite'], random: Random): Set<string> {
  const providerIds = sqlite.prepare('SELECT id FROM providers ORDER BY seq').all() as { id: string }[];
  const setLegal = sqlite.prepare('UPDATE providers SET legal_representative = ? WHERE id = ?');
  const providerLegal = new Set<string>();
  for (const { id } of providerIds) {
    const legal = personName(random);
    providerLegal.add(legal);
    setLegal.run(legal, id);
  }
  return providerLegal;
}

export interface EnterpriseSeedInput {
  readonly enterpriseUsers: readonly SeedUser[];
  /** The providers' legal representatives, which no demo enterprise's may be. */
  readonly providerLegal: ReadonlySet<string>;
  readonly cities: readonly RegionRow[];
  readonly countiesOf: ReadonlyMap<string, RegionRow[]>;
  readonly cityOf: (code: string) => string | null;
}

/**
 * Writes the demo users' enterprises (small, recognised as technology-based SMEs), then the generated ones, weighted
 * towards the big cities; every credit code is new, the providers' included.
 */
export function seedEnterprises(
  sqlite: DatabaseHandle['sqlite'],
  random: Random,
  input: EnterpriseSeedInput,
): { demo: SeedEnterprise[]; generated: SeedEnterprise[] } {
  const { enterpriseUsers, providerLegal, cities, countiesOf, cityOf } = input;
  const usedUscc = new Set<string>(
    (sqlite.prepare('SELECT uscc FROM providers').all() as { uscc: string }[]).map((row) => row.uscc),
  );
  const makeUscc = (regionCode: string) => {
    for (;;) {
      let body = `91${regionCode}`;
      body += random.chance(0.6) ? 'MA' : String(random.int(0, 99)).padStart(2, '0');
      while (body.length < 17) body += USCC_CHARS[random.int(0, USCC_CHARS.length - 1)];
      const code = `${body}${usccCheckCharacter(body) ?? '0'}`;
      if (!usedUscc.has(code)) {
        usedUscc.add(code);
        return code;
      }
    }
  };
  const insertEnterprise = sqlite.prepare(
    `INSERT INTO enterprises (id, uscc, name, size, industry, region_code, city_code, founded_on, employees, tags,
       legal_representative)
     VALUES (@id, @uscc, @name, @size, @industry, @region_code, @city_code, @founded_on, @employees, @tags,
       @legal_representative)`,
  );
  const addEnterprise = (enterprise: SeedEnterprise, industry: string, employees: number, foundedOn: string) => {
    insertEnterprise.run({
      id: enterprise.id,
      uscc: enterprise.uscc,
      name: enterprise.name,
      size: enterprise.size,
      industry,
      region_code: enterprise.region_code,
      city_code: enterprise.city_code,
      founded_on: foundedOn,
      employees,
      tags: JSON.stringify(enterprise.tags),
      legal_representative: enterprise.legal,
    });
  };

  const demo: SeedEnterprise[] = [];
  for (const user of enterpriseUsers) {
    const id = user.enterprise_id as string;
    const uscc = id.slice('ent-'.length).toUpperCase();
    usedUscc.add(uscc);
    let legal = personName(random);
    while (providerLegal.has(legal)) legal = personName(random);
    const region = user.region_code ?? '440000';
    const word = INDUSTRIES.find((name) => user.organization.includes(name)) ?? '科技';
    const enterprise: SeedEnterprise = {
      id,
      uscc,
      name: user.organization,
      size: 'small',
      region_code: region,
      city_code: cityOf(region),
      legal,
      tags: demo.length % 3 === 0 ? ['techSme', 'specialized'] : ['techSme'],
    };
    addEnterprise(
      enterprise,
      INDUSTRY_KIND[word] ?? '制造业',
      random.int(40, 260),
      `20${random.int(10, 20)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
    );
    demo.push(enterprise);
  }

  const generated: SeedEnterprise[] = [];
  const heavy = new Set(['440100', '440300', '440600', '441900']);
  const cityWeights = cities.map((city) => [city, heavy.has(city.code) ? 4 : 1] as const);
  for (let n = 0; n < GENERATED_ENTERPRISES; n++) {
    const city = random.weighted(cityWeights);
    const county = random.pick(countiesOf.get(city.code) ?? [city]);
    const size = random.weighted<Size>([
      ['micro', 45],
      ['small', 40],
      ['medium', 15],
    ]);
    const word = random.pick(INDUSTRIES);
    const uscc = makeUscc(county.code);
    const tags = ENTERPRISE_TAGS.filter(() => random.chance(0.12));
    const enterprise: SeedEnterprise = {
      id: `ent-${uscc.toLowerCase()}`,
      uscc,
      name: `${city.name.replace(/市$/, '')}${random.pick(TRADES)}${word}有限公司`,
      size,
      region_code: county.code,
      city_code: city.code,
      legal: personName(random),
      tags,
    };
    const employees =
      size === 'micro' ? random.int(3, 19) : size === 'small' ? random.int(20, 299) : random.int(300, 999);
    addEnterprise(
      enterprise,
      INDUSTRY_KIND[word] ?? '制造业',
      employees,
      `${random.int(1998, 2023)}-0${random.int(1, 9)}-2${random.int(0, 8)}`,
    );
    generated.push(enterprise);
  }
  return { demo, generated };
}
