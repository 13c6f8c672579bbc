import {
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
} as const satisfies Record<string, Operation>;
