import { FiledObjection, IdParams, ObjectionInput, PublicNoticePage, PublicNoticesQuery } from '../../index.js';
import type { Operation } from '../operation.js';

/** The seed's applicant under notice with no objection yet, ending 3 days after the seed (seed/public-notices.ts). */
export const DEMO_NOTICE = { id: 'pap-demo-notice3', applicationNo: 'RZ20261101NOTIC3' } as const;

/** The public notice (公示) of approved applicants, and the objections anyone may file while it runs. */
export const publicNoticeOperations = {
  listPublicNotices: {
    operationId: 'listPublicNotices',
    method: 'get',
    path: '/public-notices',
    tag: 'providers',
    summary: 'The applicants under public notice (公示), soonest end first, with their objection counts',
    description:
      'Public: every organisation a center approved stays listed for its 7-day notice (the first and last day in ' +
      'Asia/Shanghai), and after it while an objection still waits for the reviewer’s decision. Names, credit ' +
      'codes, categories and regions only: never the applicant’s contact or files. Once the notice ends with no ' +
      'objection upheld, the platform admits the provider and it leaves the list.',
    query: PublicNoticesQuery,
    response: PublicNoticePage,
    problems: ['invalid_cursor'],
    cacheable: true,
    example: { query: { limit: '10' } },
  },
  createPublicNoticeObjection: {
    operationId: 'createPublicNoticeObjection',
    method: 'post',
    path: '/public-notices/{id}/objections',
    tag: 'providers',
    summary: 'Object to an applicant under public notice (no sign-in): name, mobile and reason',
    description:
      'Anyone may object while the notice runs; after its end, or against an application not under notice, it is ' +
      '409 `conflict`. The mobile is kept only as a keyed hash, for the center to tell one objector’s repeats ' +
      'apart; the reviewers see the name and the reason and uphold (the application is rejected) or dismiss it. ' +
      'Send an `Idempotency-Key` to retry safely. Limited per client address.',
    params: IdParams,
    headers: [
      {
        name: 'Idempotency-Key',
        description: 'One random key per logical objection, repeated by its retries',
        required: false,
      },
    ],
    body: ObjectionInput,
    response: FiledObjection,
    successStatus: 201,
    problems: ['not_found', 'conflict', 'rate_limited'],
    cacheable: false,
    example: {
      params: { id: DEMO_NOTICE.id },
      body: {
        name: '王先生',
        mobile: '13900139000',
        reason: '该机构去年为我司代理记账期间多次延误申报，造成滞纳金损失，投诉至今未处理。',
      },
    },
  },
} as const satisfies Record<string, Operation>;
