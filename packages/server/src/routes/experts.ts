import { ExpertsQuery, IdParams } from '@smec/schemas';
import type { FastifyInstance } from 'fastify';
import type { CatalogContext } from '../catalog/context.js';
import { getExpert, listExperts } from '../experts/list.js';
import { fill, type Localized } from '../http/localized.js';
import { notFound } from '../http/problem.js';
import { parseInput } from '../http/validate.js';
import { revalidateCatalog } from './cache.js';

const NO_EXPERT: Localized = { 'zh-CN': '未找到专家 {id}。', 'zh-HK': '找不到專家 {id}。', en: 'No expert {id}.' };

/** The public expert database. A write shows at once: caches keep an answer but ask each time (its ETag). */
export function expertRoutes(app: FastifyInstance, context: CatalogContext): void {
  app.get('/experts', async (request, reply) => {
    const query = parseInput(ExpertsQuery, request.query, 'query');
    return revalidateCatalog(reply).send(await listExperts(context, query));
  });

  app.get('/experts/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const expert = await getExpert(context, id);
    if (!expert) throw notFound(fill(NO_EXPERT, { id }));
    return revalidateCatalog(reply).send(expert);
  });
}
