export { generateCatalog, aggregateRating, DEFAULT_SEED, type Catalog, type CatalogOptions } from './catalog.js';
export { guangdongRegions } from './regions.js';
export { CATEGORIES } from './names.js';
export { Random } from './prng.js';
