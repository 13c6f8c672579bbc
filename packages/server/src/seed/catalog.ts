import {
  CATEGORY_IDS,
  usccCheckCharacter,
  type Admission,
  type CategoryId,
  type Provider,
  type Region,
  type ServiceCategory,
  type ServiceProduct,
} from '@smec/schemas';
import {
  AREA_CODES,
  BUILDINGS,
  CATEGORIES,
  CONTACT_TITLES,
  ORG_KINDS,
  PLACE_ORGS,
  ROAD_KINDS,
  ROAD_WORDS,
  SURNAMES,
  TRADE_FIRST,
  TRADE_SECOND,
  type OrgKind,
} from './names.js';
import { makeProduct, round1, type Place } from './catalog-product.js';
import { ProductNamer } from './product-names.js';
import { Random } from './prng.js';
import { guangdongRegions } from './regions.js';
import { PRODUCT_TEMPLATES, type ProductTemplate } from './templates.js';
import { shanghaiDay } from '../time/shanghai.js';

export interface CatalogOptions {
  /** PRNG seed; the same seed always yields the same catalog. */
  readonly seed?: number;
  readonly providers?: number;
  /** How many products each provider has, inclusive range. */
  readonly productsPerProvider?: readonly [min: number, max: number];
  /**
   * The "today" of the generated data (ms; dates are before it): the clock's now when the database is seeded. The
   * same seed and as-of instant always give the same catalog.
   */
  readonly asOf: number;
}

export interface Catalog {
  readonly regions: Region[];
  readonly categories: ServiceCategory[];
  readonly providers: Provider[];
  readonly products: ServiceProduct[];
}

export const DEFAULT_SEED = 20_161_128;

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

/** Pearl River Delta cities hold most providers; the rest share what is left. */
const CITY_WEIGHTS: Record<string, number> = {
  广州市: 16,
  深圳市: 16,
  佛山市: 11,
  东莞市: 9,
  惠州市: 5,
  中山市: 5,
  珠海市: 4,
  江门市: 4,
  汕头市: 4,
  肇庆市: 3,
};

const CATEGORY_WEIGHTS: Record<CategoryId, number> = {
  'policy-consulting': 5,
  'startup-coaching': 5,
  financing: 5,
  'finance-tax': 14,
  legal: 12,
  'training-talent': 8,
  'management-consulting': 9,
  'technology-rd': 8,
  'intellectual-property': 9,
  'testing-certification': 8,
  digitalization: 10,
  'market-expansion': 8,
};

/** Which other categories a provider of one category plausibly also serves. */
const RELATED: Record<CategoryId, readonly CategoryId[]> = {
  'policy-consulting': ['startup-coaching', 'finance-tax', 'management-consulting', 'technology-rd'],
  'startup-coaching': ['policy-consulting', 'financing', 'management-consulting', 'training-talent'],
  financing: ['finance-tax', 'startup-coaching', 'policy-consulting'],
  'finance-tax': ['policy-consulting', 'management-consulting', 'financing'],
  legal: ['intellectual-property', 'policy-consulting', 'management-consulting'],
  'training-talent': ['management-consulting', 'digitalization', 'startup-coaching'],
  'management-consulting': ['training-talent', 'finance-tax', 'digitalization', 'testing-certification'],
  'technology-rd': ['intellectual-property', 'testing-certification', 'digitalization', 'policy-consulting'],
  'intellectual-property': ['legal', 'technology-rd', 'policy-consulting'],
  'testing-certification': ['technology-rd', 'management-consulting', 'market-expansion'],
  digitalization: ['technology-rd', 'management-consulting', 'market-expansion', 'training-talent'],
  'market-expansion': ['digitalization', 'management-consulting', 'financing', 'testing-certification'],
};

const ADMISSIONS: readonly (readonly [Admission, number])[] = [
  ['admitted', 90],
  ['pending', 3],
  ['publicNotice', 3],
  ['suspended', 3],
  ['removed', 1],
];

const USCC_BODY_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** What every seed step takes: the PRNG seed, and the instant (ms) the data is relative to (the clock's now). */
export interface SeedOptions {
  readonly seed?: number;
  readonly asOf: number;
}

/** Rating summary of several products: a count-weighted mean, one decimal. */
export function aggregateRating(ratings: readonly { count: number; averageScore: number | null }[]) {
  let count = 0;
  let sum = 0;
  for (const rating of ratings) {
    if (rating.count === 0 || rating.averageScore === null) continue;
    count += rating.count;
    sum += rating.count * rating.averageScore;
  }
  return { count, averageScore: count === 0 ? null : round1(sum / count) };
}

/**
 * Generates the whole catalog as plain objects shaped like the `@smec/schemas` types. Pure: no database, no file
 * system, no clock, so the server's seed, the tests and the Storybook fixtures all see the same data.
 */
export function generateCatalog(options: CatalogOptions): Catalog {
  const random = new Random(options.seed ?? DEFAULT_SEED);
  const namer = new ProductNamer(new Random((options.seed ?? DEFAULT_SEED) ^ 0x6e_616d_65));
  const providerCount = options.providers ?? 2400;
  const [minProducts, maxProducts] = options.productsPerProvider ?? [3, 8];
  const { asOf } = options;
  if (!Number.isFinite(asOf)) throw new Error('generateCatalog needs asOf: the instant (ms) the data is relative to');
  const regions = guangdongRegions();
  const categories = CATEGORIES.map((category) => ({ ...category }));
  const categoryName = new Map(categories.map((category) => [category.id, category.name]));

  const cities = regions.filter((region) => region.level === 'city');
  const countiesOf = new Map<string, Region[]>();
  for (const region of regions) {
    if (region.level !== 'county' || !region.parentCode) continue;
    const list = countiesOf.get(region.parentCode) ?? [];
    list.push(region);
    countiesOf.set(region.parentCode, list);
  }
  const cityWeights = cities.map((city) => [city, CITY_WEIGHTS[city.name] ?? 2] as const);
  const categoryWeights = CATEGORY_IDS.map((id) => [id, CATEGORY_WEIGHTS[id]] as const);

  const usedNames = new Set<string>();
  const usedUsccs = new Set<string>();
  const providers: Provider[] = [];
  const products: ServiceProduct[] = [];

  const pickPlace = (): Place => {
    const city = random.weighted(cityWeights);
    const counties = countiesOf.get(city.code) ?? [];
    return { city, local: counties.length > 0 ? random.pick(counties) : city };
  };

  const makeUscc = (prefix: string, regionCode: string): string => {
    for (;;) {
      let body = random.chance(0.6) ? 'MA' : '';
      while (body.length < 9) {
        body +=
          body.length < 2 || random.chance(0.8)
            ? String(random.int(0, 9))
            : USCC_BODY_CHARS[random.int(10, USCC_BODY_CHARS.length - 1)];
      }
      const first17 = `${prefix}${regionCode}${body}`;
      const code = `${first17}${usccCheckCharacter(first17) ?? '0'}`;
      if (!usedUsccs.has(code)) {
        usedUsccs.add(code);
        return code;
      }
    }
  };

  const nameFor = (kind: OrgKind, place: Place) => {
    const cityBare = place.city.name.replace(/市$/, '');
    for (let attempt = 0; attempt < 50; attempt++) {
      const [first, firstPinyin] = random.pick(TRADE_FIRST);
      const [second, secondPinyin] = random.pick(TRADE_SECOND);
      if (first === second) continue;
      const trade = `${first}${second}`;
      // A county-level city (兴宁市, 台山市) registers under its own name, not under its prefecture's.
      const countyCity = place.local !== place.city && place.local.name.endsWith('市');
      const local = place.local === place.city ? '' : place.local.name;
      const lead =
        kind.place === 'province'
          ? '广东'
          : kind.place === 'cityBare'
            ? cityBare
            : kind.place === 'city'
              ? place.city.name
              : countyCity
                ? local
                : `${place.city.name}${local}`;
      const name = `${lead}${trade}${kind.industry}${kind.suffix}`;
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      return { name, shortName: `${trade}${kind.short}`, pinyin: `${firstPinyin}${secondPinyin}` };
    }
    throw new Error('Ran out of trade names');
  };

  const randomDate = (from: number, to: number) => from + Math.floor(random.next() * Math.max(0, to - from));

  for (let index = 1; index <= providerCount; index++) {
    const id = `prv-${pad(index, 5)}`;
    const primary = random.weighted(categoryWeights);
    let place = pickPlace();
    let identity: {
      name: string;
      shortName: string;
      pinyin: string;
      orgType: Provider['orgType'];
      usccPrefix: string;
      domain: string;
    };
    const placeOrg = random.chance(0.04) ? PLACE_ORGS[primary]?.[0] : undefined;
    const placeOrgRegion = placeOrg?.level === 'city' ? place.city : place.local;
    const placeOrgName = placeOrg
      ? `${placeOrg.level === 'city' || placeOrgRegion === place.city ? place.city.name : `${place.city.name}${placeOrgRegion.name}`}${placeOrg.name}`
      : '';
    if (placeOrg && !usedNames.has(placeOrgName)) {
      usedNames.add(placeOrgName);
      if (placeOrg.level === 'city') place = { city: place.city, local: place.city };
      const shortPlace = place.local.name.replace(/[市区县]$/, '');
      identity = {
        name: placeOrgName,
        shortName: `${shortPlace}${placeOrg.short}`,
        pinyin: `${placeOrg.domain}${pad(index, 3)}`,
        orgType: placeOrg.orgType,
        usccPrefix: placeOrg.usccPrefix,
        domain: placeOrg.domain,
      };
    } else {
      const kind = random.weighted(ORG_KINDS[primary].map((entry) => [entry, entry.weight] as const));
      identity = { ...nameFor(kind, place), orgType: kind.orgType, usccPrefix: kind.usccPrefix, domain: kind.domain };
    }

    const foundedMs = asOf - Math.floor(random.next() * 22 * YEAR) - 3 * YEAR;
    const admission: Admission = index === 1 ? 'admitted' : random.weighted(ADMISSIONS);
    const admittable = Math.max(foundedMs + 2 * YEAR, asOf - 6 * YEAR);
    const admittedMs =
      admission === 'admitted' || admission === 'suspended' || admission === 'removed'
        ? randomDate(admittable, asOf - 30 * DAY)
        : null;

    const secondary = random.chance(0.35) ? random.sample(RELATED[primary], random.int(1, 2)) : [];
    const providerCategories: CategoryId[] = [primary, ...secondary];
    // The description names the categories the provider was founded for; categoryIds also gets what it branches into.
    const acceptsVouchers = random.chance(0.62);

    const areaCode = AREA_CODES[place.city.code.slice(2, 4)] ?? '020';
    const phone = random.chance(0.25)
      ? `1${random.pick(['35', '36', '37', '38', '39', '50', '58', '59', '80', '86', '88', '89'])}${pad(random.int(0, 99_999_999), 8)}`
      : `${areaCode}-${random.int(2, 8)}${pad(random.int(0, 9_999_999), 7)}`;
    const surname = random.pick(SURNAMES);
    const contact = `${surname}${random.pick(CONTACT_TITLES)}`;
    const host = `${identity.pinyin}${identity.pinyin.endsWith(identity.domain) ? '' : identity.domain}`;
    const website = random.chance(0.65) ? `https://www.${host}.com.cn` : null;
    const email = random.chance(0.9)
      ? website
        ? `service@${host}.com.cn`
        : `${host}${random.int(10, 99)}@${random.pick(['163.com', 'qq.com', '126.com'])}`
      : null;
    const address =
      `${place.city.name}${place.local === place.city ? '' : place.local.name}` +
      `${random.pick(ROAD_WORDS)}${random.pick(ROAD_KINDS)}${random.int(1, 388)}号` +
      (random.chance(0.7)
        ? `${random.pick(BUILDINGS)}${random.int(1, 12)}座${random.int(2, 28)}${pad(random.int(1, 20), 2)}室`
        : '');
    const staff = random.int(5, 120);
    const served = random.int(30, 3000);
    const foundedYear = shanghaiDay(foundedMs).slice(0, 4);
    const description =
      `${identity.name}成立于${foundedYear}年，位于${place.city.name}${place.local === place.city ? '' : place.local.name}，` +
      `主要业务涵盖${providerCategories.map((category) => categoryName.get(category)).join('、')}。` +
      `现有专业服务人员${staff}名，累计服务中小企业${served}家` +
      (acceptsVouchers ? '，是中小微企业服务券签约服务机构。' : '。');

    const provider: Provider = {
      id,
      name: identity.name,
      shortName: identity.shortName,
      uscc: makeUscc(identity.usccPrefix, place.local.code),
      orgType: identity.orgType,
      regionCode: place.local.code,
      address,
      contact,
      phone,
      email,
      website,
      foundedOn: shanghaiDay(foundedMs),
      description,
      categoryIds: providerCategories,
      acceptsVouchers,
      admission,
      admittedOn: admittedMs === null ? null : shanghaiDay(admittedMs),
      productCount: 0,
      rating: { count: 0, averageScore: null },
    };

    const naming = namer.style(provider.shortName);
    const own: ServiceProduct[] = [];
    const usedTemplates = new Set<ProductTemplate>();
    const productTotal = random.int(minProducts, maxProducts);
    for (let n = 0; n < productTotal; n++) {
      let categoryId = n === 0 || secondary.length === 0 || random.chance(0.75) ? primary : random.pick(secondary);
      let candidates = PRODUCT_TEMPLATES[categoryId].filter((template) => !usedTemplates.has(template));
      if (candidates.length === 0) {
        // A provider that has used up its category's kinds of service branches out into a neighbouring one.
        categoryId = random.pick(RELATED[primary]);
        candidates = PRODUCT_TEMPLATES[categoryId].filter((template) => !usedTemplates.has(template));
        if (candidates.length === 0) continue;
      }
      const template = random.pick(candidates);
      usedTemplates.add(template);
      const productId = `prd-${pad(products.length + own.length + 1, 5)}`;
      own.push(
        makeProduct(random, {
          id: productId,
          provider,
          place,
          template,
          categoryId,
          counties: countiesOf.get(place.city.code) ?? [],
          asOf,
          publishableFrom: Math.max(admittedMs ?? foundedMs + 2 * YEAR, asOf - 3 * YEAR),
          forcePublished: productId === 'prd-00001',
          nameOf: (variantLabel) =>
            namer.name({
              template,
              variantLabel,
              style: naming,
              providerName: provider.name,
              providerShortName: provider.shortName,
              cityBare: place.city.name.replace(/市$/, ''),
            }),
        }),
      );
    }
    const published = own.filter((product) => product.status === 'published');
    provider.categoryIds = [...new Set([...providerCategories, ...own.map((product) => product.categoryId)])];
    provider.productCount = published.length;
    provider.rating = aggregateRating(published.map((product) => product.rating));
    providers.push(provider);
    products.push(...own);
  }

  return { regions, categories, providers, products };
}
