import { ExpertDetail, ExpertPage, ExpertsQuery, IdParams } from '../../index.js';
import type { Operation } from '../operation.js';

/** The expert database (服务专家库). */
export const expertOperations = {
  listExperts: {
    operationId: 'listExperts',
    method: 'get',
    path: '/experts',
    tag: 'experts',
    summary: 'Search the expert database (服务专家库) by specialty, region and provider',
    description:
      'Chinese search matches any one- or two-character query (「税」, 「会计」) in the name, title, specialties and ' +
      'bio. `regionCode` keeps the experts of that region and of the regions within it. Only listed experts of ' +
      'admitted, unsuspended providers (and the centers’ own) are shown, in the order they were added.',
    query: ExpertsQuery,
    response: ExpertPage,
    problems: ['invalid_cursor'],
    cacheable: true,
    example: { query: { q: '会计', categoryId: 'finance-tax', regionCode: '440000', limit: '10' } },
  },
  getExpert: {
    operationId: 'getExpert',
    method: 'get',
    path: '/experts/{id}',
    tag: 'experts',
    summary: 'One expert, with the provider and the published products they deliver',
    params: IdParams,
    response: ExpertDetail,
    problems: ['not_found'],
    cacheable: true,
    example: { params: { id: 'exp-0001' } },
  },
} as const satisfies Record<string, Operation>;
