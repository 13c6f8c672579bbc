import { CategoryList, Health, RegionList, RegionsQuery } from '../../index.js';
import * as z from '../../zod.js';
import type { Operation } from '../operation.js';

/** What the example of `getOpenApiDocument` checks of the document; the document itself is the reference. */
const OpenApiDocument = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.looseObject({})),
});

/** The platform itself and its reference data. */
export const platformOperations = {
  getHealth: {
    operationId: 'getHealth',
    method: 'get',
    path: '/health',
    tag: 'platform',
    summary: 'Liveness, including a database check',
    response: Health,
    problems: [],
    cacheable: false,
  },
  getOpenApiDocument: {
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: '/openapi.json',
    tag: 'platform',
    summary: 'This document: the OpenAPI 3.1 description of the platform API, naming the server it was fetched from',
    response: OpenApiDocument,
    problems: [],
    cacheable: true,
  },
  listRegions: {
    operationId: 'listRegions',
    method: 'get',
    path: '/regions',
    tag: 'reference',
    summary: "Guangdong's regions (GB/T 2260): the province, its cities and their counties",
    query: RegionsQuery,
    response: RegionList,
    problems: [],
    cacheable: true,
    example: { query: { parent: '440600' } },
  },
  listCategories: {
    operationId: 'listCategories',
    method: 'get',
    path: '/categories',
    tag: 'reference',
    summary: 'The twelve service categories',
    response: CategoryList,
    problems: [],
    cacheable: true,
  },
} as const satisfies Record<string, Operation>;
