import { CategoryList, Health, RegionList, RegionsQuery } from '../../index.js';
import type { Operation } from '../operation.js';

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
