// The province-scale catalog: providers and products generated like the demo catalog's and appended to it, through
// the same loader, so the n-gram index, the search texts, the region coverage, the facet counts and the providers'
// category links are built by the code that builds them for the demo data.
import type { Provider, ServiceProduct } from '@smec/schemas';
import type { DatabaseHandle } from '../db/database.js';
import { generateCatalog } from './catalog.js';
import { loadCatalog } from './load.js';
import { Random } from './prng.js';
import { personName } from './province-names.js';

export interface CatalogTargets {
  readonly seed: number;
  /** The instant (ms) the added catalog is relative to. */
  readonly asOf: number;
  /** Providers in the database afterwards, the demo catalog's included. */
  readonly providers: number;
  readonly products: number;
}

export interface AppendedCatalog {
  /** The first seq of the appended providers and products: what the later steps of the seed treat as theirs. */
  readonly providerSeqFrom: number;
  readonly productSeqFrom: number;
  readonly providers: number;
  readonly products: number;
}

/** Products per provider to ask the generator for: it skips a product when a provider runs out of kinds of service. */
const RANGES: readonly (readonly [number, number])[] = [
  [8, 15],
  [9, 17],
  [10, 19],
];
/** A few more providers than needed, so that dropping those whose name or USCC the database already has leaves enough. */
const SPARE = 1.03;

function count(handle: DatabaseHandle, table: 'providers' | 'products'): { n: number; top: number } {
  return handle.sqlite.prepare(`SELECT count(*) AS n, coalesce(max(seq), 0) AS top FROM ${table}`).get() as {
    n: number;
    top: number;
  };
}

/** Drops products from the end, one per provider at a time, leaving every provider at least `keep`. */
function trim(owned: Map<string, ServiceProduct[]>, excess: number, keep: number): void {
  const lists = [...owned.values()].reverse();
  while (excess > 0) {
    let dropped = false;
    for (const list of lists) {
      if (excess === 0) break;
      if (list.length <= keep) continue;
      list.pop();
      excess -= 1;
      dropped = true;
    }
    if (!dropped) throw new Error('Cannot trim the generated catalog to the target');
  }
}

/**
 * Appends providers and products until the database holds `targets.providers` and `targets.products`. Generated
 * providers whose name or USCC is already taken are left out (a registered name is unique). Ratings and sold counts
 * start at zero: the engagements and ratings seeded later decide them.
 */
export function appendProvinceCatalog(handle: DatabaseHandle, targets: CatalogTargets): AppendedCatalog {
  const { sqlite } = handle;
  const providersNow = count(handle, 'providers');
  const productsNow = count(handle, 'products');
  const needProviders = targets.providers - providersNow.n;
  const needProducts = targets.products - productsNow.n;
  const result = {
    providerSeqFrom: providersNow.top + 1,
    productSeqFrom: productsNow.top + 1,
    providers: Math.max(0, needProviders),
    products: Math.max(0, needProducts),
  };
  if (needProviders <= 0 && needProducts <= 0) return result;
  if (needProviders <= 0 || needProducts < needProviders) {
    throw new Error(`Cannot reach ${targets.providers} providers and ${targets.products} products from here`);
  }

  const takenNames = new Set(
    (sqlite.prepare('SELECT name FROM providers').all() as { name: string }[]).map((row) => row.name),
  );
  const takenUscc = new Set(
    (sqlite.prepare('SELECT uscc FROM providers UNION SELECT uscc FROM enterprises').all() as { uscc: string }[]).map(
      (row) => row.uscc,
    ),
  );

  for (const range of RANGES) {
    const catalog = generateCatalog({
      seed: targets.seed ^ 0x70_7e0c,
      asOf: targets.asOf,
      providers: Math.ceil(needProviders * SPARE),
      productsPerProvider: range,
    });
    const owned = new Map<string, ServiceProduct[]>();
    for (const product of catalog.products) {
      const list = owned.get(product.providerId);
      if (list) list.push(product);
      else owned.set(product.providerId, [product]);
    }
    const kept: Provider[] = [];
    for (const provider of catalog.providers) {
      if (kept.length === needProviders) break;
      if (takenNames.has(provider.name) || takenUscc.has(provider.uscc)) continue;
      kept.push(provider);
    }
    const keptOwned = new Map(kept.map((provider) => [provider.id, owned.get(provider.id) ?? []]));
    const available = [...keptOwned.values()].reduce((sum, list) => sum + list.length, 0);
    if (kept.length < needProviders || available < needProducts) continue;
    trim(keptOwned, available - needProducts, 3);
    const providers: Provider[] = [];
    const products: ServiceProduct[] = [];
    kept.forEach((generated, index) => {
      const providerId = `prv-${String(result.providerSeqFrom + index).padStart(5, '0')}`;
      const own = keptOwned.get(generated.id) ?? [];
      const provider: Provider = {
        ...generated,
        id: providerId,
        productCount: own.filter((product) => product.status === 'published').length,
        rating: { count: 0, averageScore: null },
      };
      providers.push(provider);
      for (const product of own) {
        products.push({
          ...product,
          id: `prd-${String(result.productSeqFrom + products.length).padStart(5, '0')}`,
          providerId,
          provider: { ...product.provider, id: providerId },
          soldCount: 0,
          rating: { count: 0, averageScore: null },
        });
      }
    });
    loadCatalog(handle, { ...catalog, providers, products }, { append: true });

    // Legal representatives, for the related-party check of voucher orders (the demo seed gives its providers theirs).
    const random = new Random(targets.seed ^ 0x1e9a_7e55);
    const setLegal = sqlite.prepare('UPDATE providers SET legal_representative = ? WHERE seq = ?');
    sqlite.transaction(() => {
      for (let seq = result.providerSeqFrom; seq < result.providerSeqFrom + providers.length; seq++) {
        setLegal.run(personName(random), seq);
      }
    })();
    return result;
  }
  throw new Error(`The generator did not yield ${needProducts} products from ${needProviders} providers`);
}
