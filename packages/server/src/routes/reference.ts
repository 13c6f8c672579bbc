import { RegionsQuery, type CategoryList, type RegionList, type ServiceCategory } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import type { CatalogContext } from '../catalog/context.js';
import { parseInput } from '../http/validate.js';
import { cacheCatalog } from './cache.js';
import { unknownRegion } from '../http/common-problems.js';

export function referenceRoutes(app: FastifyInstance, context: CatalogContext): void {
  app.get('/regions', async (request, reply) => {
    const query = parseInput(RegionsQuery, request.query, 'query');
    if (query.parent !== undefined && !context.regions.get(query.parent)) {
      throw unknownRegion('query.parent', query.parent, 'unknown_region');
    }
    const items = context.regions.all.filter(
      (region) =>
        (query.level === undefined || region.level === query.level) &&
        (query.parent === undefined || region.parentCode === query.parent),
    );
    const body: RegionList = { items: [...items] };
    return cacheCatalog(reply).send(body);
  });

  app.get('/categories', async (_request, reply) => {
    const rows = await context.db
      .selectFrom('categories')
      .select(['id', 'name', 'name_en'])
      .orderBy('position')
      .execute();
    const body: CategoryList = {
      items: rows.map((row) => ({ id: row.id as ServiceCategory['id'], name: row.name, nameEn: row.name_en })),
    };
    return cacheCatalog(reply).send(body);
  });
}
