import { IdParams, ProductsQuery, ProvidersQuery } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import type { CatalogContext } from '../catalog/context.js';
import { getProduct, listProducts } from '../catalog/products.js';
import { getProvider, listProviders } from '../catalog/providers.js';
import { notFound, validationFailed } from '../http/problem.js';
import { parseInput } from '../http/validate.js';
import { revalidateCatalog } from './cache.js';

/** A region code must exist, not merely have six digits. */
function checkRegion(context: CatalogContext, code: string | undefined): void {
  if (code !== undefined && !context.regions.get(code)) {
    throw validationFailed([{ path: 'query.region', message: `Unknown region code ${code}`, code: 'unknown_region' }]);
  }
}

export function catalogRoutes(app: FastifyInstance, context: CatalogContext): void {
  app.get('/providers', async (request, reply) => {
    const query = parseInput(ProvidersQuery, request.query, 'query');
    checkRegion(context, query.region);
    return revalidateCatalog(reply).send(await listProviders(context, query));
  });

  app.get('/providers/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const provider = await getProvider(context, id);
    if (!provider) throw notFound(`No provider ${id}`);
    return revalidateCatalog(reply).send(provider);
  });

  app.get('/products', async (request, reply) => {
    const query = parseInput(ProductsQuery, request.query, 'query');
    checkRegion(context, query.region);
    if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
      throw validationFailed([
        { path: 'query.minPrice', message: 'Must not be greater than maxPrice', code: 'too_big' },
      ]);
    }
    return revalidateCatalog(reply).send(await listProducts(context, query));
  });

  app.get('/products/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const product = await getProduct(context, id);
    if (!product) throw notFound(`No product ${id}`);
    return revalidateCatalog(reply).send(product);
  });
}
