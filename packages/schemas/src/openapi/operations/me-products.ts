import { IdParams, MyProduct, MyProductInput, MyProductPage, MyProductPatch, MyProductsQuery } from '../../index.js';
import type { Operation } from '../operation.js';

/** The demo provider's seeded drafts (seed/provider-products.ts): one complete, one still missing its publics. */
export const DEMO_DRAFTS = { complete: 'prd-demo-draft-complete', incomplete: 'prd-demo-draft-incomplete' } as const;

/** The demo provider user, whose products the examples act on. */
const PROVIDER_USER = 'usr-prv-01';

const KEY_HEADER = (what: string) => ({
  name: 'Idempotency-Key',
  description: `Repeated by the retries of ${what}`,
  required: false,
});

const WRITE_PROBLEMS = ['forbidden', 'not_found', 'provider_not_active'] as const;

export const meProductOperations = {
  listMyProducts: {
    operationId: 'listMyProducts',
    method: 'get',
    path: '/me/products',
    tag: 'providers',
    summary: "The signed-in provider's own products, every status (drafts, published, withdrawn), newest first",
    description:
      'Provider accounts only. Each product says what publishing would still refuse (`missing`: the field and the key ' +
      'of its message), so that an editor can show it before the provider tries.',
    query: MyProductsQuery,
    response: MyProductPage,
    security: 'bearer',
    exampleUserId: PROVIDER_USER,
    problems: ['forbidden', 'invalid_cursor'],
    cacheable: false,
    example: { query: { status: 'draft', limit: '10' } },
  },
  createMyProduct: {
    operationId: 'createMyProduct',
    method: 'post',
    path: '/me/products',
    tag: 'providers',
    summary: 'Create a draft product: only its name and category are required',
    description:
      'A draft is in no listing until it is published. A suspended or removed provider may read its products but ' +
      'not create any (409 `provider_not_active`). With an `Idempotency-Key` (per user), a retry returns the first ' +
      'answer instead of a second draft.',
    headers: [KEY_HEADER('one creation')],
    body: MyProductInput,
    response: MyProduct,
    successStatus: 201,
    security: 'bearer',
    exampleUserId: PROVIDER_USER,
    problems: ['forbidden', 'provider_not_active'],
    cacheable: false,
    example: { body: { name: '小微企业财务健康检查', categoryId: 'finance-tax' } },
  },
  getMyProduct: {
    operationId: 'getMyProduct',
    method: 'get',
    path: '/me/products/{id}',
    tag: 'providers',
    summary: "One of the provider's own products, with the ETag to send as `If-Match` when changing it",
    description: "Another provider's product is 404, as one that does not exist.",
    params: IdParams,
    response: MyProduct,
    security: 'bearer',
    exampleUserId: PROVIDER_USER,
    problems: ['forbidden', 'not_found'],
    cacheable: false,
    example: { params: { id: DEMO_DRAFTS.incomplete } },
  },
  updateMyProduct: {
    operationId: 'updateMyProduct',
    method: 'patch',
    path: '/me/products/{id}',
    tag: 'providers',
    summary: 'Change some fields of an own product, naming the version changed with `If-Match`',
    description:
      'Without `If-Match` the change is 428 `precondition_required`; with an ETag that is no longer current (someone ' +
      'changed it meanwhile) 412 `precondition_failed`: read it again. Of two changes sent with the same ETag one ' +
      'wins. A published product stays publishable (a change that would not be is 422 `not_publishable`, naming ' +
      'each field) and the catalog shows the change at once, searchable within a second.',
    params: IdParams,
    headers: [
      { name: 'If-Match', description: 'The ETag of the version read (getMyProduct)', required: true },
      KEY_HEADER('one change'),
    ],
    body: MyProductPatch,
    response: MyProduct,
    security: 'bearer',
    exampleUserId: PROVIDER_USER,
    problems: [...WRITE_PROBLEMS, 'precondition_required', 'precondition_failed', 'not_publishable'],
    cacheable: false,
    example: {
      params: { id: DEMO_DRAFTS.complete },
      headers: { 'if-match': `"${DEMO_DRAFTS.complete}.r0"` },
      body: { summary: '为初创企业梳理账务、规范税务申报，出具财务健康检查报告。' },
    },
  },
  publishMyProduct: {
    operationId: 'publishMyProduct',
    method: 'post',
    path: '/me/products/{id}/publish',
    tag: 'providers',
    summary: 'Publish a draft or withdrawn product: it is in the catalog at once',
    description:
      'Refused with 422 `not_publishable` while any of the five publics (function, process, standard, fee, time ' +
      'limit) is empty or a price rule fails (a discount below the list price; a free service priced 0 and a priced ' +
      'one not free; 1–365 working days; at least two process steps), with one entry of `errors` per field, in the ' +
      'request’s language. A published product is 409 `conflict`. Each publication is kept as a version: an ' +
      'engagement shows the product as it was ordered.',
    params: IdParams,
    headers: [KEY_HEADER('one publication')],
    response: MyProduct,
    security: 'bearer',
    exampleUserId: PROVIDER_USER,
    problems: [...WRITE_PROBLEMS, 'conflict', 'not_publishable'],
    cacheable: false,
    example: { params: { id: DEMO_DRAFTS.complete } },
  },
  withdrawMyProduct: {
    operationId: 'withdrawMyProduct',
    method: 'post',
    path: '/me/products/{id}/withdraw',
    tag: 'providers',
    summary: 'Withdraw a published product from the catalog (at once); it stays the provider’s to publish again',
    description: 'A product that is not published is 409 `conflict`. Engagements already ordered go on.',
    params: IdParams,
    headers: [KEY_HEADER('one withdrawal')],
    response: MyProduct,
    security: 'bearer',
    exampleUserId: PROVIDER_USER,
    problems: [...WRITE_PROBLEMS, 'conflict'],
    cacheable: false,
    example: { params: { id: DEMO_DRAFTS.complete } },
  },
} as const satisfies Record<string, Operation>;
