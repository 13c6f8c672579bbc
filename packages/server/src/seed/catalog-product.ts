// One generated product of the catalog: its variant, price, scope, publication and ratings, drawn from the catalog's
// random sequence in a fixed order.
import type { CategoryId, Provider, Region, ServiceProduct } from '@smec/schemas';
import { regionAncestors } from '@smec/schemas/rules';
import { shanghaiDateTime } from '../time/shanghai.js';
import type { Random } from './prng.js';
import type { ProductTemplate } from './templates.js';

const DAY = 86_400_000;

/** The most ratings the generated catalog gives one product. */
export const MAX_RATINGS = 8;

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Rounds a price in yuan to a figure a price list would show. */
function roundYuan(yuan: number): number {
  const step = yuan >= 10_000 ? 1000 : yuan >= 2000 ? 100 : yuan >= 500 ? 50 : 10;
  return Math.max(step, Math.round(yuan / step) * step);
}

export interface Place {
  readonly city: Region;
  /** The county, or the city itself where the city has no counties (东莞, 中山). */
  readonly local: Region;
}

export interface ProductContext {
  readonly id: string;
  readonly provider: Provider;
  readonly place: Place;
  readonly template: ProductTemplate;
  readonly categoryId: CategoryId;
  readonly counties: readonly Region[];
  readonly asOf: number;
  readonly publishableFrom: number;
  readonly forcePublished: boolean;
  /** The product's full name, given its variant's label. */
  readonly nameOf: (variantLabel: string) => string;
}

export function makeProduct(random: Random, context: ProductContext): ServiceProduct {
  const { provider, place, template } = context;
  const variant = template.variants ? random.pick(template.variants) : (['', 1] as const);
  const [variantLabel, factor] = variant;
  const isFree = random.chance((template.freeChance ?? 0.05) * 0.62);
  const listYuan = roundYuan(random.int(template.price[0], template.price[1]) * factor);
  const discountYuan = !isFree && random.chance(0.28) ? roundYuan(listYuan * (0.7 + random.next() * 0.25)) : null;
  const voucherEligible = provider.acceptsVouchers && !isFree && random.chance(0.74);

  let regionCodes: string[];
  const scope = random.next();
  if (scope < 0.08) regionCodes = [regionAncestors(place.city.code)[0] ?? place.city.code];
  else if (scope < 0.38 || place.local === place.city) regionCodes = [place.city.code];
  else if (scope < 0.48 && context.counties.length > 1) {
    const neighbour = random.pick(context.counties.filter((county) => county !== place.local));
    regionCodes = [place.local.code, neighbour.code].sort();
  } else regionCodes = [place.local.code];

  const status = context.forcePublished
    ? 'published'
    : random.weighted([
        ['published', 94],
        ['draft', 3],
        ['withdrawn', 3],
      ] as const);
  const publishedMs =
    status === 'draft'
      ? null
      : context.publishableFrom +
        Math.floor(random.next() * Math.max(DAY, context.asOf - context.publishableFrom - DAY));
  // Office hours, so that timestamps look like someone pressed "publish".
  const publishedAt =
    publishedMs === null
      ? null
      : shanghaiDateTime(
          Math.floor(publishedMs / DAY) * DAY + random.int(1, 10) * 3_600_000 + random.int(0, 59) * 60_000,
        );

  // Up to 8 ratings a product: the seed backs every one of them with a stored rating of a delivered engagement
  // (seed/ratings.ts), and ~40k of those keep the seed fast.
  const ratingCount =
    status === 'draft' || random.chance(0.14) ? 0 : Math.floor(Math.exp(random.next() * Math.log(MAX_RATINGS + 1)));
  const averageScore = ratingCount === 0 ? null : round1(random.bell(isFree ? 91 : 88, 22, 58, 99.6));
  const soldCount = status === 'draft' ? 0 : ratingCount + random.int(0, ratingCount * 2 + 8);

  const feeNote = isFree
    ? `公益服务，由${place.city.name}中小企业服务中心组织，企业免费享受。`
    : `${template.unit}。价格含税${voucherEligible ? '；可使用中小微企业服务券抵扣，最高抵扣合同金额的50%' : ''}。`;

  return {
    id: context.id,
    providerId: provider.id,
    provider: { id: provider.id, name: provider.name, shortName: provider.shortName, regionCode: provider.regionCode },
    name: context.nameOf(variantLabel),
    categoryId: context.categoryId,
    summary: template.summary,
    function: template.function,
    process: template.steps.map(([title, description]) => ({ title, description })),
    standard: template.standard,
    fee: {
      listPrice: isFree ? 0 : listYuan * 100,
      discountPrice: discountYuan === null || discountYuan >= listYuan ? null : discountYuan * 100,
      isFree,
      note: feeNote,
    },
    timeLimitDays: random.int(template.days[0], template.days[1]),
    suitableFor: template.suitableFor,
    voucherEligible,
    regionCodes,
    status,
    soldCount,
    rating: { count: ratingCount, averageScore },
    publishedAt,
  };
}
