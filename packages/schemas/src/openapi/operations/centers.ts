import { Center, CenterPage, CenterPatch, CentersQuery, Coverage, CoverageQuery, IdParams } from '../../index.js';
import type { Operation } from '../operation.js';

/** The network of centers (三级服务中心): who they are, whether they meet their level's requirements, the coverage. */
export const centerOperations = {
  listCenters: {
    operationId: 'listCenters',
    method: 'get',
    path: '/centers',
    tag: 'centers',
    summary:
      'The centers of the three-level network: find one by region or name, and whether it meets its requirements',
    description:
      'The province first, then by region code (a city before its counties). `region` keeps that region’s center and ' +
      'those below it; `q` matches the center’s or its region’s name; `meetsRequirements` keeps those that meet (or ' +
      'fall short of) the basic requirements of their level: province ≥ 1,000 m², ≥ 35 staff, ≥ 80% with an ' +
      'intermediate title or a degree; city ≥ 200 m², ≥ 6, ≥ 70%; county a service space of its own and full-time staff.',
    query: CentersQuery,
    response: CenterPage,
    problems: ['invalid_cursor'],
    cacheable: true,
    example: { query: { region: '440600', limit: '20' } },
  },
  getCenterCoverage: {
    operationId: 'getCenterCoverage',
    method: 'get',
    path: '/centers/coverage',
    tag: 'centers',
    summary: 'The network’s coverage at the end of a year, per city and for the province, against the year’s target',
    description:
      'A region is covered when its center was set up by the end of the year. A city counts itself and its counties; ' +
      'the province every region of the three levels. Targets: a center in every prefecture-level city by the end of ' +
      '2017; from 2018 over 90% (each city held to the same share); none before 2017 (`meetsTarget` null).',
    query: CoverageQuery,
    response: Coverage,
    problems: [],
    cacheable: true,
    example: { query: { year: '2018' } },
  },
  getCenter: {
    operationId: 'getCenter',
    method: 'get',
    path: '/centers/{id}',
    tag: 'centers',
    summary: 'One center: its record, contacts and opening hours, and each requirement it falls short of',
    params: IdParams,
    response: Center,
    problems: ['not_found'],
    cacheable: true,
    example: { params: { id: 'ctr-440600' } },
  },
  updateCenter: {
    operationId: 'updateCenter',
    method: 'patch',
    path: '/centers/{id}',
    tag: 'centers',
    summary: 'Change some fields of the center’s record (its own administrators), naming the revision with `If-Match`',
    description:
      'Only an administrator of the center itself: the levels above keep their own records (403). Without `If-Match` ' +
      '428, with a stale one 412. More qualified staff than staff, or a set-up date after today, is 422 ' +
      '`rules_not_met` naming the field. On the audit log.',
    params: IdParams,
    headers: [
      { name: 'If-Match', description: 'The ETag of the revision read', required: true },
      { name: 'Idempotency-Key', description: 'Repeated by the retries of one change', required: false },
    ],
    body: CenterPatch,
    response: Center,
    security: 'bearer',
    exampleUserId: 'usr-admin-440600',
    problems: ['forbidden', 'not_found', 'precondition_required', 'precondition_failed', 'rules_not_met'],
    cacheable: false,
    example: {
      params: { id: 'ctr-440600' },
      headers: { 'if-match': '"ctr-440600.r0"' },
      body: { openingHours: '周一至周五 9:00–12:00，14:00–17:30（法定节假日除外）', phone: '0757-83338000' },
    },
  },
} as const satisfies Record<string, Operation>;
