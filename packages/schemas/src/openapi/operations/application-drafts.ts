import {
  ApplicationNoParams,
  CreatedApplicationDraft,
  ProviderApplication,
  ProviderApplicationDraft,
  ProviderApplicationDraftInput,
  ProviderApplicationRevision,
  SubmittedProviderApplication,
} from '../../index.js';
import type { Operation } from '../operation.js';
import { DEMO_FILE } from './files.js';
import { DEMO_APPLICATION } from './provider-applications.js';

/** The demo seed's resume key of its application under review (seed/application-drafts.ts): public on purpose. */
export const DEMO_APPLICATION_RESUME_KEY = 'demo-application-resume-key-in-the-README00';

/** The demo seed's application whose reviewer asked for changes, with its resume key, for the resubmission example. */
export const DEMO_CHANGES_APPLICATION = {
  applicationNo: 'RZ20261101APPLY1',
  resumeKey: 'demo-changes-requested-resume-key-README000',
  phone: '13800138001',
  uscc: '31440000MD07654323',
  name: '佛山市南海区明信律师事务所',
} as const;

/** The demo seed's draft, with its resume key, for the draft examples (the submission example submits it). */
export const DEMO_DRAFT = {
  applicationNo: 'RZ20261101APPLY2',
  resumeKey: 'demo-draft-resume-key-shown-in-the-README00',
  uscc: '31440000MD0876543E',
  name: '佛山市顺德区明达律师事务所',
} as const;

const RESUME_KEY = {
  name: 'Smec-Resume-Key',
  description: 'The resume key that creating the draft or submitting the application answered',
  required: true,
} as const;

function idempotencyKey(what: string) {
  return {
    name: 'Idempotency-Key',
    description: `One random key per ${what}, repeated by its retries`,
    required: false,
  };
}

/** A whole application of the demo's, its licence the sample already attached (so named without its key). */
function revisionOf(uscc: string, name: string) {
  const input = DEMO_APPLICATION.input;
  return {
    ...input,
    organisation: { ...input.organisation, uscc, name },
    contact: { ...input.contact, mobile: DEMO_CHANGES_APPLICATION.phone },
    files: { licence: { id: DEMO_FILE.id }, certificates: [] },
  };
}

const LIMITED = 'Limited per client address.';
const SAME_404 = 'A wrong number and a wrong key are the same 404, answered in the same time.';

/** The applicant's side of an application to join (入驻申请): drafts, its own application, resubmission. */
export const applicationDraftOperations = {
  createProviderApplicationDraft: {
    operationId: 'createProviderApplicationDraft',
    method: 'post',
    path: '/provider-application-drafts',
    tag: 'providers',
    summary: 'Save an application to join as a draft (no sign-in); answers with its number and a resume key, said once',
    description:
      'Any field may be missing; each one given is held to its rules in the application (a credit code’s check ' +
      'character, a mobile, a region that exists, founded two years or more before today by the platform’s clock). ' +
      'Files are named by id with the key their upload answered, and may carry the name the applicant chose. The ' +
      'answer’s `resumeKey` is said only here (it is kept as a hash): with the number it reads and saves the draft ' +
      'on any device, as the header `Smec-Resume-Key`. A draft is kept 30 days after its last save. The number is ' +
      `the one the application keeps. ${LIMITED}`,
    headers: [idempotencyKey('new draft')],
    body: ProviderApplicationDraftInput,
    response: CreatedApplicationDraft,
    successStatus: 201,
    problems: ['rate_limited'],
    cacheable: false,
    example: {
      body: {
        organisation: { name: '佛山市禅城区明远律师事务所', orgType: 'partnership', regionCode: '440604' },
        contact: { name: '李女士', mobile: '13800138000' },
        files: { licence: { id: DEMO_FILE.id, key: DEMO_FILE.key, name: '营业执照.png' } },
      },
    },
  },
  getProviderApplicationDraft: {
    operationId: 'getProviderApplicationDraft',
    method: 'get',
    path: '/provider-application-drafts/{applicationNo}',
    tag: 'providers',
    summary: 'A draft, to whoever holds its number and resume key (on any device)',
    description: `An expired draft (30 days after its last save) is 404. ${SAME_404} ${LIMITED}`,
    params: ApplicationNoParams,
    headers: [RESUME_KEY],
    response: ProviderApplicationDraft,
    problems: ['not_found', 'rate_limited'],
    cacheable: false,
    example: {
      params: { applicationNo: DEMO_DRAFT.applicationNo },
      headers: { 'smec-resume-key': DEMO_DRAFT.resumeKey },
    },
  },
  updateProviderApplicationDraft: {
    operationId: 'updateProviderApplicationDraft',
    method: 'put',
    path: '/provider-application-drafts/{applicationNo}',
    tag: 'providers',
    summary: 'Save a draft again: what it holds is replaced, and it is kept 30 days from now',
    description:
      'The body is the whole draft, as at its creation. Files the draft names already need no key (another ' +
      `device never had it). ${SAME_404} ${LIMITED}`,
    params: ApplicationNoParams,
    headers: [RESUME_KEY, idempotencyKey('save')],
    body: ProviderApplicationDraftInput,
    response: ProviderApplicationDraft,
    problems: ['not_found', 'rate_limited'],
    cacheable: false,
    example: {
      params: { applicationNo: DEMO_DRAFT.applicationNo },
      headers: { 'smec-resume-key': DEMO_DRAFT.resumeKey },
      body: {
        organisation: { name: DEMO_DRAFT.name, uscc: DEMO_DRAFT.uscc, orgType: 'partnership' },
        files: { licence: { id: DEMO_FILE.id, name: '营业执照.png' } },
      },
    },
  },
  submitProviderApplicationDraft: {
    operationId: 'submitProviderApplicationDraft',
    method: 'post',
    path: '/provider-application-drafts/{applicationNo}/submit',
    tag: 'providers',
    summary: 'Submit a draft as the whole application; it keeps the draft’s number, and the draft is gone',
    description:
      'The body is the whole application, checked as `POST /provider-applications` checks it; files the draft ' +
      'names need no key. Answers with the application and a new resume key, said only here. Counted with the ' +
      `other submissions. ${SAME_404}`,
    params: ApplicationNoParams,
    headers: [RESUME_KEY, idempotencyKey('submission')],
    body: ProviderApplicationRevision,
    response: SubmittedProviderApplication,
    successStatus: 201,
    problems: ['not_found', 'conflict', 'rate_limited'],
    cacheable: false,
    example: {
      params: { applicationNo: DEMO_DRAFT.applicationNo },
      headers: { 'smec-resume-key': DEMO_DRAFT.resumeKey },
      body: revisionOf(DEMO_DRAFT.uscc, DEMO_DRAFT.name),
    },
  },
  getOwnProviderApplication: {
    operationId: 'getOwnProviderApplication',
    method: 'get',
    path: '/provider-applications/{applicationNo}',
    tag: 'providers',
    summary: 'The applicant’s own application by its resume key: all of it, its status and the reviewer’s notes',
    description:
      'The files it names are readable with the same header on `GET /files/{id}`. ' + `${SAME_404} ${LIMITED}`,
    params: ApplicationNoParams,
    headers: [RESUME_KEY],
    response: ProviderApplication,
    problems: ['not_found', 'rate_limited'],
    cacheable: false,
    example: {
      params: { applicationNo: DEMO_APPLICATION.applicationNo },
      headers: { 'smec-resume-key': DEMO_APPLICATION_RESUME_KEY },
    },
  },
  resubmitProviderApplication: {
    operationId: 'resubmitProviderApplication',
    method: 'put',
    path: '/provider-applications/{applicationNo}',
    tag: 'providers',
    summary: 'Resubmit the application after the reviewer asked for changes; it goes back to review',
    description:
      'Only while the application is `changesRequested` (else 409). The body is the whole application; files it ' +
      'names already need no key. The timeline gets a step by the applicant (重新提交). Counted with the ' +
      `submissions. ${SAME_404}`,
    params: ApplicationNoParams,
    headers: [RESUME_KEY, idempotencyKey('resubmission')],
    body: ProviderApplicationRevision,
    response: ProviderApplication,
    problems: ['not_found', 'conflict', 'rate_limited'],
    cacheable: false,
    example: {
      params: { applicationNo: DEMO_CHANGES_APPLICATION.applicationNo },
      headers: { 'smec-resume-key': DEMO_CHANGES_APPLICATION.resumeKey },
      body: revisionOf(DEMO_CHANGES_APPLICATION.uscc, DEMO_CHANGES_APPLICATION.name),
    },
  },
} as const satisfies Record<string, Operation>;
