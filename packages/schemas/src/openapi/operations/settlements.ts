import {
  Engagement,
  EngagementProofsInput,
  IdParams,
  RegistrantsCsv,
  SettlementPage,
  SettlementsQuery,
} from '../../index.js';
import type { Operation } from '../operation.js';
import { DEMO_FILE } from './files.js';

/** The settlement of voucher-paid services: the provider's proofs and the center's queue. */
export const settlementOperations = {
  addEngagementProofs: {
    operationId: 'addEngagementProofs',
    method: 'post',
    path: '/engagements/{id}/proofs',
    tag: 'engagements',
    summary: 'Attach the contract or proofs of delivery to an engagement ordered from the signed-in provider',
    description:
      'Provider accounts only, on an engagement ordered from them that is confirmed, in progress or delivered (else ' +
      '409 `conflict`). Each file is one the provider uploaded (`POST /files`), named with the key its upload ' +
      'answered; a wrong key is 400 naming the file, never a hint whether the file exists. A file attached before is ' +
      'kept once. Adding proof answers a refusal to settle (`settlementRefusal` is cleared) and queues the engagement ' +
      'for settlement again. The files are then readable, without their key, by the engagement’s enterprise and the ' +
      'centers of its region and above. With an `Idempotency-Key` (per user), a retry returns the first answer.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one attachment', required: false }],
    body: EngagementProofsInput,
    response: Engagement,
    security: 'bearer',
    exampleUserId: 'usr-prv-01',
    problems: ['forbidden', 'not_found', 'conflict'],
    cacheable: false,
    example: {
      params: { id: 'eng-demo-0005' },
      body: { files: [{ id: DEMO_FILE.id, key: DEMO_FILE.key, kind: 'contract' }] },
    },
  },
  listSettlements: {
    operationId: 'listSettlements',
    method: 'get',
    path: '/settlements',
    tag: 'engagements',
    summary: 'The settlement queue: accepted, voucher-paid engagements of the region not yet settled, as JSON or CSV',
    description:
      'Center staff (any level), for the enterprises of their region and below, oldest first: each with the contract ' +
      'amount, the voucher’s part and the enterprise’s own, the voucher and its batch, the batch’s `settleBy` (`late` ' +
      'once passed by the platform’s clock), the provider’s proofs, and, once the center refused to settle it, the ' +
      'reason (`state: refused`) until the provider adds proof. The center settles it with `POST ' +
      '/engagements/{id}/transitions` `settle` or refuses with `refuseSettlement` and a reason. With `Accept: ' +
      'text/csv`: the whole queue (the filters apply, the paging does not) as one CSV file with a UTF-8 byte order ' +
      'mark, its header in the request’s language, amounts in yuan with two decimals. Never stored by a cache.',
    query: SettlementsQuery,
    response: SettlementPage,
    alsoServes: [{ mediaType: 'text/csv', schema: RegistrantsCsv }],
    security: 'bearer',
    problems: ['forbidden', 'invalid_cursor'],
    cacheable: false,
    example: { query: { limit: '20' } },
  },
} as const satisfies Record<string, Operation>;
