import { ExpertDetail, ExpertInput, ExpertPage, ExpertPatch, ExpertsQuery, IdParams } from '../../index.js';
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
  createMyExpert: {
    operationId: 'createMyExpert',
    method: 'post',
    path: '/me/experts',
    tag: 'experts',
    summary: 'Add an expert: a provider to its own, a center to its region',
    description:
      'A provider’s expert lies in its region (or, with `regionCode`, another of its city); an administrator’s in ' +
      'its region (`regionCode`, by default its own), for its center or for a provider of its region it names ' +
      '(`providerId`). `productIds` must be products of the expert’s provider: a 422 `invalid_reference` names ' +
      'each field that is not (as it does a provider or region outside the caller’s). Validation errors carry the ' +
      'shared rules’ message keys as `code`. The expert is searchable as soon as this answers. Send an ' +
      '`Idempotency-Key` (per user): a retry with the same key and body returns the first answer.',
    headers: [
      {
        name: 'Idempotency-Key',
        description: 'One random key per expert added, repeated by its retries',
        required: false,
      },
    ],
    body: ExpertInput,
    response: ExpertDetail,
    successStatus: 201,
    security: 'bearer',
    exampleUserId: 'usr-prv-01',
    problems: ['forbidden', 'invalid_reference'],
    cacheable: false,
    example: {
      body: {
        name: '黎嘉欣',
        title: '注册审核员',
        specialties: ['testing-certification'],
        years: 9,
        bio: '从事体系认证审核九年，擅长ISO 14001 环境管理体系认证辅导。',
        productIds: ['prd-00001'],
      },
    },
  },
  updateMyExpert: {
    operationId: 'updateMyExpert',
    method: 'patch',
    path: '/me/experts/{id}',
    tag: 'experts',
    summary: 'Edit an expert: a provider its own, a center those of its region and below',
    description:
      'The fields sent replace those held (`productIds` the whole list); `listed: false` hides the expert from the ' +
      'public. Another’s expert is a 404. The change is searchable as soon as this answers. With an ' +
      '`Idempotency-Key` (per user), a retried edit returns its first answer.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one edit', required: false }],
    body: ExpertPatch,
    response: ExpertDetail,
    security: 'bearer',
    exampleUserId: 'usr-prv-01',
    problems: ['forbidden', 'not_found', 'invalid_reference'],
    cacheable: false,
    example: { params: { id: 'exp-0001' }, body: { years: 13, productIds: ['prd-00001', 'prd-00003'] } },
  },
} as const satisfies Record<string, Operation>;
