import { IdParams, PoliciesQuery, Policy, PolicyPage, Scorecard, ScorecardQuery } from '../../index.js';
import type { Operation } from '../operation.js';

/** The policy library and the scorecard. */
export const policyOperations = {
  listPolicies: {
    operationId: 'listPolicies',
    method: 'get',
    path: '/policies',
    tag: 'policies',
    summary: 'The policy library (政策宣贯): search and filter policies of the province, cities and counties',
    description:
      'Chinese search matches any one- or two-character query (「税」, 「融资」) in the title, issuer, document number ' +
      "and summary. `region` keeps the region's own policies and those of its parents (a county sees its city's " +
      "and the province's), the nearest first, then the newest; without it, the newest first. `from`/`to` bound " +
      'the day of publication (inclusive). `validity=inForce` keeps the policies effective today (Asia/Shanghai), ' +
      '`expired` those past their end date.',
    query: PoliciesQuery,
    response: PolicyPage,
    problems: ['invalid_cursor'],
    cacheable: true,
    example: { query: { q: '融资', region: '440604', validity: 'inForce', limit: '10' } },
  },
  getPolicy: {
    operationId: 'getPolicy',
    method: 'get',
    path: '/policies/{id}',
    tag: 'policies',
    summary: 'One policy',
    params: IdParams,
    response: Policy,
    problems: ['not_found'],
    cacheable: true,
    example: { params: { id: 'pol-0001' } },
  },
  getScorecard: {
    operationId: 'getScorecard',
    method: 'get',
    path: '/stats/scorecard',
    tag: 'stats',
    summary:
      "A region's yearly evaluation figures (综合评价考核), its targets, the monthly trend and its parent's figures",
    description:
      'Computed from the stored rows on every request, never from a stored copy. Enterprise-services count every ' +
      'engagement ordered and every checked-in attendance at an event (a free service); satisfaction counts ' +
      'engagement ratings and event ratings (a score of 4 or 5 of 5 is satisfied). Targets are the year’s (see ' +
      '`getTargets`): the policy’s for the province, the share the province set or an equal share below.',
    query: ScorecardQuery,
    response: Scorecard,
    problems: [],
    cacheable: true,
    example: { query: { region: '440600', year: '2026' } },
  },
} as const satisfies Record<string, Operation>;
