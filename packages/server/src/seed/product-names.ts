// Names of the generated products. Each provider words its products in a house style (a lead such as 一站式, a
// package word such as 套餐, sometimes its brand), each product picks one of its kind's phrasings, and no two products
// a city lists share a full name: a listing shows products of the city and the province-wide ones, so a city's names
// are unique among themselves and against every province-wide name.
import { PRODUCT_PHRASINGS } from './product-phrasings.js';
import type { Random } from './prng.js';
import type { ProductTemplate } from './templates.js';

/** How one provider names its products. */
export interface NamingStyle {
  readonly lead: string;
  readonly audience: string;
  readonly suffix: string;
  /** The provider's short name, put before its products' names; null for most providers. */
  readonly brand: string | null;
}

const LEADS: readonly (readonly [string, number])[] = [
  ['', 10],
  ['一站式', 2],
  ['全流程', 2],
  ['定制化', 1],
  ['精品', 1],
];

/** Whom a provider's products are for, put before the phrasing. */
const AUDIENCES: readonly (readonly [string, number])[] = [
  ['', 12],
  ['制造业企业', 2],
  ['科技型企业', 2],
  ['商贸企业', 1],
  ['初创企业', 1],
  ['外贸企业', 1],
  ['专精特新企业', 1],
  ['民营企业', 1],
];

const SUFFIXES: readonly (readonly [string, number])[] = [
  ['', 10],
  ['套餐', 2],
  ['服务包', 2],
];

/** A lead would repeat what these phrasings say, or not fit a free course or a meeting. */
const TAKES_NO_LEAD = /全程|全流程|一站|定制|陪跑|公益|服务日|宣讲|解读会|洽谈|对接会|专场|培训|研修班|训练营|公益课/;
/** Phrasings a package word reads well after (训练营套餐 or 洽谈会服务包 would not). */
const TAKES_SUFFIX = /(服务|代理|咨询|辅导|代办|记账|报税|顾问|审查|审核|诊断|设计|检测|校准|实施|运营|排查)$/;

export function phrasingsOf(template: ProductTemplate): readonly string[] {
  return PRODUCT_PHRASINGS[template.name] ?? [template.name];
}

/** Phrasings that already say whom they are for. */
const NAMES_ITS_AUDIENCE =
  /^(企业|中小|小微|小规模|一般纳税人|初创|创业|个体|个转企|民营|家族|科技|出口|跨境|海外|高企|高新|专精特新|创新型|规上|小升规|新办|公司|员工|中层|高管|产业|竞争对手)/;

export function composeName(parts: {
  lead: string;
  audience: string;
  phrasing: string;
  suffix: string;
  variantLabel: string;
  brand: string | null;
  /** A city before the name (佛山), whatever the phrasing. */
  place?: string;
}): string {
  const lead = TAKES_NO_LEAD.test(parts.phrasing) ? '' : parts.lead;
  const audience = NAMES_ITS_AUDIENCE.test(parts.phrasing) ? '' : parts.audience;
  let suffix = TAKES_SUFFIX.test(parts.phrasing) ? parts.suffix : '';
  if (suffix.startsWith('服务') && parts.phrasing.endsWith('服务')) suffix = suffix.slice(2);
  const brand = parts.brand === null ? '' : `${parts.brand}·`;
  return `${brand}${parts.place ?? ''}${lead}${audience}${parts.phrasing}${suffix}${parts.variantLabel}`;
}

export interface NameRequest {
  readonly template: ProductTemplate;
  readonly variantLabel: string;
  readonly style: NamingStyle;
  readonly providerName: string;
  readonly providerShortName: string;
  /** The provider's city without 市 (佛山), as local providers put it before a name (佛山代理记账). */
  readonly cityBare: string;
}

/** Random wordings tried before the city, then the brand, goes before the name. */
const TRIES = 12;

/**
 * Hands out product names, none twice: the province's listing shows every city's products, and a city's shows its
 * own and the province-wide ones, so a name unique in the catalog is never repeated on a page.
 */
export class ProductNamer {
  private readonly taken = new Set<string>();

  /** Its own random sequence, so that naming never shifts the catalog's prices, scopes or ratings. */
  constructor(private readonly random: Random) {}

  style(shortName: string): NamingStyle {
    return {
      lead: this.random.weighted(LEADS),
      audience: this.random.weighted(AUDIENCES),
      suffix: this.random.weighted(SUFFIXES),
      brand: this.random.chance(0.1) ? shortName : null,
    };
  }

  name(request: NameRequest): string {
    for (const candidate of this.candidates(request)) {
      if (this.taken.has(candidate)) continue;
      this.taken.add(candidate);
      return candidate;
    }
    throw new Error(`No free name for a ${request.template.name} of ${request.providerName}`);
  }

  private *candidates(request: NameRequest): Generator<string> {
    const phrasings = phrasingsOf(request.template);
    const { variantLabel, style } = request;
    for (let n = 0; n < TRIES / 2; n++) {
      yield composeName({ ...style, phrasing: this.random.pick(phrasings), variantLabel });
    }
    for (let n = 0; n < TRIES; n++)
      yield composeName({ ...this.anyStyle(style.brand), phrasing: this.random.pick(phrasings), variantLabel });
    for (let n = 0; n < TRIES; n++) {
      yield composeName({
        ...this.anyStyle(null),
        place: request.cityBare,
        phrasing: this.random.pick(phrasings),
        variantLabel,
      });
    }
    // A provider offers one product of a kind, so its name before the kind's phrasing is free unless a namesake took it.
    for (const brand of [request.providerShortName, request.providerName]) {
      for (const phrasing of phrasings)
        yield composeName({ lead: '', audience: '', phrasing, suffix: '', variantLabel, brand });
    }
  }

  private anyStyle(brand: string | null): NamingStyle {
    return {
      lead: this.random.weighted(LEADS),
      audience: this.random.weighted(AUDIENCES),
      suffix: this.random.weighted(SUFFIXES),
      brand,
    };
  }
}
