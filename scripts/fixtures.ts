// Writes the fixtures that let the static Storybook build run without a server: a slice of the same
// deterministic seed the reference server loads, so stories show the data a visitor would see.
import { mkdirSync, writeFileSync } from 'node:fs';
import { clockFromEnv } from '../packages/server/src/clock.js';
import { generateCatalog } from '../packages/server/src/seed/index.js';
import { generatePolicies } from '../packages/server/src/seed/policies.js';

const FIXTURE_PRODUCTS = 60;

// Relative to the clock's now (SMEC_NOW pins it), as the server's seed is.
const asOf = clockFromEnv().now();
const catalog = generateCatalog({ asOf });
const products = catalog.products
  .filter((product) => product.status === 'published')
  .filter((_, index) => index % 7 === 0)
  .slice(0, FIXTURE_PRODUCTS);
const providerIds = new Set(products.map((product) => product.providerId));
const providers = catalog.providers.filter((provider) => providerIds.has(provider.id));

mkdirSync('stories/fixtures', { recursive: true });
writeFileSync(
  'stories/fixtures/catalog.json',
  JSON.stringify({ regions: catalog.regions, categories: catalog.categories, products, providers }),
);
console.log(`fixtures: ${products.length} products, ${providers.length} providers → stories/fixtures/catalog.json`);

// The policy library's stories list the same policies as the seeded server.
const policies = generatePolicies(catalog.regions, { asOf });
writeFileSync('stories/fixtures/policies.json', JSON.stringify({ policies }));
console.log(`fixtures: ${policies.length} policies → stories/fixtures/policies.json`);
