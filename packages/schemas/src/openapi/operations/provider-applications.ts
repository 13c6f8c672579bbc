import {
  ApplicationTransition,
  IdParams,
  ProviderApplication,
  ProviderApplicationPage,
  ProviderApplicationsQuery,
  ProviderApplicationInput,
  ProviderApplicationLookupQuery,
  ProviderApplicationStatusView,
  SubmittedProviderApplication,
} from '../../index.js';
import type { Operation } from '../operation.js';
import { DEMO_FILE } from './files.js';

/** An application as an organisation sends it, for an example: a Foshan law firm with the demo's sample licence. */
function exampleApplication(uscc: string, name: string) {
  return {
    organisation: {
      name,
      uscc,
      orgType: 'partnership',
      legalRepresentative: '陈明理',
      foundedOn: '2015-03-18',
      address: '佛山市禅城区季华五路 22 号 8 楼',
      regionCode: '440604',
    },
    scope: {
      categoryIds: ['legal'],
      regionsServed: ['440600'],
      acceptsVouchers: true,
      staff: 26,
      professionalStaff: 18,
      description: '专注企业合同审查、劳动用工合规和知识产权保护，服务佛山制造业企业三百余家。',
    },
    contact: { name: '李女士', mobile: '13800138000', email: 'service@mingli-law.example.cn' },
    files: { licence: { id: DEMO_FILE.id, key: DEMO_FILE.key }, certificates: [] },
  };
}

/** The demo seed's application under review (seed/applications.ts), which the lookup example finds. */
export const DEMO_APPLICATION = {
  applicationNo: 'RZ20261101DEMO01',
  phone: '13800138000',
  input: exampleApplication('31440000MD0654321P', '佛山市禅城区明德律师事务所'),
} as const;

/** Applications to join the network (入驻申请). */
export const providerApplicationOperations = {
  createProviderApplication: {
    operationId: 'createProviderApplication',
    method: 'post',
    path: '/provider-applications',
    tag: 'providers',
    summary: 'Apply to join the network as a provider (no sign-in); answers with the application number',
    description:
      'Upload the business licence first (`POST /files`) and name it with its key. The platform checks the credit ' +
      'code’s check character and that it belongs to the organisation type (an individual business, 92…, cannot ' +
      'apply), that the organisation was founded two years or more before today by the platform’s clock, that the ' +
      'regions exist and that each file is the applicant’s. The answer’s `resumeKey`, said only here, reads the ' +
      'application again (`GET /provider-applications/{applicationNo}`) and resubmits it after the reviewer asked ' +
      'for changes. An organisation that is already a provider, or has an ' +
      'application under way, is 409. The center of its region reviews it. Send an `Idempotency-Key` to retry ' +
      'safely. Limited per client address.',
    headers: [
      {
        name: 'Idempotency-Key',
        description: 'One random key per logical submission, repeated by its retries',
        required: false,
      },
    ],
    body: ProviderApplicationInput,
    response: SubmittedProviderApplication,
    successStatus: 201,
    problems: ['conflict', 'rate_limited'],
    cacheable: false,
    example: { body: exampleApplication('31440000MD0123456L', '佛山市禅城区明理律师事务所') },
  },
  lookupProviderApplication: {
    operationId: 'lookupProviderApplication',
    method: 'get',
    path: '/provider-applications/lookup',
    tag: 'providers',
    summary: "An application's status and the reviewer's notes, for whoever holds its number and the contact's mobile",
    description: 'A wrong pair is the same 404 whichever half was wrong. Limited per client address.',
    query: ProviderApplicationLookupQuery,
    response: ProviderApplicationStatusView,
    problems: ['not_found', 'rate_limited'],
    cacheable: false,
    example: { query: { applicationNo: DEMO_APPLICATION.applicationNo, phone: DEMO_APPLICATION.phone } },
  },
  listProviderApplications: {
    operationId: 'listProviderApplications',
    method: 'get',
    path: '/provider-applications',
    tag: 'providers',
    summary: "A center's applications to join: its region and the regions below, newest first",
    description:
      'A county’s center sees its county, a city’s its city and counties, the province all. Each item carries the ' +
      'application as kept, its timeline, the notes per field while changes are requested and the notice’s last day ' +
      'once approved. A `regionCode` outside the administrator’s own is 403.',
    query: ProviderApplicationsQuery,
    response: ProviderApplicationPage,
    security: 'bearer',
    problems: ['forbidden', 'invalid_cursor'],
    cacheable: false,
    example: { query: { status: 'submitted', limit: '10' } },
  },
  transitionProviderApplication: {
    operationId: 'transitionProviderApplication',
    method: 'post',
    path: '/provider-applications/{id}/transitions',
    tag: 'providers',
    summary:
      'Review an application: approve (a 7-day public notice), requestChanges with notes per field, reject, or ' +
      'decide an objection of its notice',
    description:
      'By an administrator of the application’s region or a region above it; elsewhere the application is 404. ' +
      'Approving starts the public notice, ending 7 calendar days later by the platform’s clock (`noticeEndsOn`, ' +
      'Asia/Shanghai). The notes of `requestChanges` name fields by their path in the application and show in the ' +
      'lookup. During the notice, `upholdObjection` (the application is rejected, the note its reason, the notice ' +
      'ends) and `dismissObjection` decide one open objection of it, each with a note; an objection of another ' +
      'application is 404, one decided already 409. ' +
      'Moves a status does not allow are 409 `conflict`, as is a move made meanwhile by another reviewer. ' +
      'With an `Idempotency-Key` (per user), a retried move returns its first answer.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one move', required: false }],
    body: ApplicationTransition,
    response: ProviderApplication,
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'conflict'],
    cacheable: false,
    example: {
      params: { id: 'pap-demo-0001' },
      body: {
        action: 'requestChanges',
        notes: [{ field: 'files.licence', note: '营业执照副本照片不清晰，请重新上传清晰的扫描件。' }],
        note: '请补正后重新提交。',
      },
    },
  },
} as const satisfies Record<string, Operation>;
