import { IdParams, ProductsQuery, ProvidersQuery } from '@smec/schemas';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AnswerMemo, queryKey, type Answer } from '../catalog/answer-memo.js';
import type { CatalogContext } from '../catalog/context.js';
import { getProduct, listProducts } from '../catalog/products.js';
import { getProvider, listProviders } from '../catalog/providers.js';
import { notFound, validationFailed } from '../http/problem.js';
import { parseInput } from '../http/validate.js';
import { revalidateCatalog, shareCatalogList } from './cache.js';
import { unknownRegion } from '../http/common-problems.js';
import { fill, type Localized } from '../http/localized.js';

const TEXT = {
  noProvider: { 'zh-CN': '未找到服务机构 {id}。', 'zh-HK': '找不到服務機構 {id}。', en: 'No provider {id}.' },
  noProduct: { 'zh-CN': '未找到服务产品 {id}。', 'zh-HK': '找不到服務產品 {id}。', en: 'No product {id}.' },
  minAboveMax: { 'zh-CN': '不能大于 maxPrice', 'zh-HK': '不能大於 maxPrice', en: 'Must not be greater than maxPrice' },
} as const satisfies Record<string, Localized>;

/** A remembered answer, with its ETag already made (the ETag hook keeps one that is set). */
function sendAnswer(reply: FastifyReply, answer: Answer): FastifyReply {
  return reply.type('application/json; charset=utf-8').header('etag', answer.etag).send(answer.json);
}

/** A region code must exist, not merely have six digits. */
function checkRegion(context: CatalogContext, code: string | undefined): void {
  if (code !== undefined && !context.regions.get(code)) {
    throw unknownRegion('query.region', code, 'unknown_region');
  }
}

export function catalogRoutes(app: FastifyInstance, context: CatalogContext): void {
  const memo = new AnswerMemo(context.db);
  app.get('/providers', async (request, reply) => {
    const query = parseInput(ProvidersQuery, request.query, 'query');
    checkRegion(context, query.region);
    const list = () => listProviders(context, query);
    if (query.cursor !== undefined) return revalidateCatalog(reply).send(await list());
    return sendAnswer(shareCatalogList(reply), await memo.answer(queryKey('providers', query), list));
  });

  app.get('/providers/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const provider = await getProvider(context, id);
    if (!provider) throw notFound(fill(TEXT.noProvider, { id }));
    return revalidateCatalog(reply).send(provider);
  });

  app.get('/products', async (request, reply) => {
    const query = parseInput(ProductsQuery, request.query, 'query');
    checkRegion(context, query.region);
    if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
      throw validationFailed([{ path: 'query.minPrice', message: TEXT.minAboveMax, code: 'too_big' }]);
    }
    const list = () => listProducts(context, query);
    // A first page (no cursor) is what every visitor asks: remembered per query until the catalog changes.
    if (query.cursor !== undefined) return revalidateCatalog(reply).send(await list());
    return sendAnswer(shareCatalogList(reply), await memo.answer(queryKey('products', query), list));
  });

  app.get('/products/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const product = await getProduct(context, id);
    if (!product) throw notFound(fill(TEXT.noProduct, { id }));
    return revalidateCatalog(reply).send(product);
  });
}
