import {
  CenterParams,
  Evaluation,
  EvaluationList,
  EvaluationQuery,
  EvaluationsQuery,
  Targets,
  TargetsInput,
  TargetsParams,
} from '../../index.js';
import type { Operation } from '../operation.js';

const SCORING =
  'Each dimension is the mean of its indicators, each 0–100: 服务资源整合 (`resources`) — providers integrated against ' +
  'the target, products published against the level’s best; 服务业务对接 (`matching`) — the share of demands matched, ' +
  'events held and vouchers issued against the level’s best, the share of issued vouchers redeemed; 服务企业数量和效果 ' +
  '(`effect`) — enterprise-services against the target, distinct enterprises served against the level’s best, ' +
  'satisfaction (0 without ratings), the share of follow-ups closed by their due day (100 without follow-ups). A target ' +
  'counts min(100, 100 × figure ÷ target); against the best, 100 × figure ÷ the largest of the level’s centers that ' +
  'year (0 when that is 0); a share min(100, 100 × part ÷ whole), 0 when the whole is 0 unless said. Dimensions round ' +
  'to one decimal; the score is their weighted mean (the year’s weights, default 30/30/40), one decimal. Grades: ' +
  '`excellent` (优秀) ≥ 90, `good` (良好) ≥ 75, `pass` (合格) ≥ 60, `fail` (不合格) below. Equal scores share a rank. ' +
  '`previousScore`/`scoreChange` are null when the center counted nothing at all last year; `flagged` marks `fail` ' +
  'this year and last (优胜劣汰).';

/** The yearly evaluation of the centers and the targets it measures against. */
export const evaluationOperations = {
  listEvaluations: {
    operationId: 'listEvaluations',
    method: 'get',
    path: '/evaluations',
    tag: 'stats',
    summary: 'The yearly evaluation (综合评价考核) of every center of a level: score, grade and rank, best first',
    description:
      'Public. Every center of the level (the province, the cities or the counties) for the year, with its scorecard ' +
      `figures (every engagement and checked-in attendance), targets, the three dimensions, score, grade and rank. ${SCORING}`,
    query: EvaluationsQuery,
    response: EvaluationList,
    problems: [],
    cacheable: true,
    example: { query: { year: '2026', level: 'city' } },
  },
  getEvaluation: {
    operationId: 'getEvaluation',
    method: 'get',
    path: '/evaluations/{centerId}',
    tag: 'stats',
    summary: 'One center’s yearly evaluation, its rank among the centers of its level and its change from last year',
    description:
      'Public. A center is named by its region’s code (`440600` is Foshan’s center) until centers have ids of their ' +
      `own. An unknown one is 404. ${SCORING}`,
    params: CenterParams,
    query: EvaluationQuery,
    response: Evaluation,
    problems: ['not_found'],
    cacheable: true,
    example: { params: { centerId: '440604' }, query: { year: '2026' } },
  },
  getTargets: {
    operationId: 'getTargets',
    method: 'get',
    path: '/targets/{year}',
    tag: 'stats',
    summary: 'A year’s targets of every region and the evaluation’s weights, with how they were set',
    description:
      'Public. The province has the policy’s targets (2018: 5,000 providers integrated and 100,000 enterprise-services ' +
      'a year, kept for 2019 and earlier years; from 2020: 10,000 and 300,000). A city or county has the share the ' +
      'province’s administrators set for the year (`source: set`), or else an equal share of its parent’s target among ' +
      'the parent’s children, rounded up (`equalShare`). The ETag names the settings’ revision (`r0` until set), for ' +
      '`PUT /targets/{year}`.',
    params: TargetsParams,
    response: Targets,
    problems: [],
    cacheable: true,
    example: { params: { year: '2026' } },
  },
  setTargets: {
    operationId: 'setTargets',
    method: 'put',
    path: '/targets/{year}',
    tag: 'stats',
    summary: 'Set a year’s city and county targets and the evaluation’s weights (the province’s administrators)',
    description:
      'Administrators of the province’s center only (any other caller 403). Replaces the year’s settings whole: the ' +
      'weights (whole percent, adding up to 100) and the shares of the cities and counties named (whole numbers ≥ 0, ' +
      'each region once; any not named takes an equal share of its parent’s target). With those equal shares filled ' +
      'in, the cities’ targets must add up to at least the province’s, and each city’s counties’ to at least the ' +
      'city’s, for both figures; else 400 naming `body.shares`. Without `If-Match` 428, with a stale one 412 (the ETag ' +
      'of `getTargets` or of the last write). Recorded on the audit log (`targets.set`).',
    params: TargetsParams,
    headers: [
      { name: 'If-Match', description: 'The ETag of the settings read', required: true },
      { name: 'Idempotency-Key', description: 'Repeated by the retries of one setting', required: false },
    ],
    body: TargetsInput,
    response: Targets,
    security: 'bearer',
    problems: ['forbidden', 'precondition_required', 'precondition_failed'],
    cacheable: false,
    example: {
      params: { year: '2030' },
      headers: { 'if-match': '"targets-2030.r0"' },
      body: {
        weights: { resources: 30, matching: 30, effect: 40 },
        shares: [{ regionCode: '440100', providersIntegrated: 800, enterpriseServices: 24000 }],
      },
    },
  },
} as const satisfies Record<string, Operation>;
