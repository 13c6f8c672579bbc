import {
  AuditLogPage,
  AuditLogQuery,
  IdParams,
  StaffInvite,
  StaffMember,
  StaffPage,
  StaffPatch,
  StaffQuery,
} from '../../index.js';
import type { Operation } from '../operation.js';

/** The seeded staff accounts the examples act on: Guangzhou's center's viewer and staff member. */
export const DEMO_STAFF = { viewer: 'usr-viewer-440100', staff: 'usr-staff-440100' } as const;

/** A center's staff accounts and the audit log of their writes: its administrators', and the levels above. */
export const staffOperations = {
  listAuditLog: {
    operationId: 'listAuditLog',
    method: 'get',
    path: '/audit-log',
    tag: 'staff',
    summary: "The audit log of staff writes: the reader's center and the centers below it, newest first",
    description:
      'For administrators (管理员) only; a staff member (业务员) or a viewer (只读) is 403. Each entry names who wrote ' +
      '(its staff level then), for which center, when, the action (`<entity>.<verb>`), the entity, the fields the ' +
      'write changed before and after, and the request id. Filters: actor, action, entityType, entityId, a center ' +
      'at or below the reader’s (`regionCode`, else 403) and Shanghai days `from`/`to` (both included). The log is ' +
      'append-only: no operation changes or deletes an entry.',
    query: AuditLogQuery,
    response: AuditLogPage,
    security: 'bearer',
    problems: ['forbidden', 'invalid_cursor'],
    cacheable: false,
    example: { query: { regionCode: '440100', limit: '10' } },
  },
  listStaff: {
    operationId: 'listStaff',
    method: 'get',
    path: '/staff',
    tag: 'staff',
    summary: "The staff accounts of the reader's center and the centers below it",
    description:
      'For administrators only. By center, then id; filter by a center at or below the reader’s (`regionCode`, else ' +
      '403), a level (`role`) or `active`. Each account’s `revision` makes its ETag, `"<id>.r<revision>"`, which ' +
      '`PATCH /staff/{id}` takes as `If-Match`.',
    query: StaffQuery,
    response: StaffPage,
    security: 'bearer',
    problems: ['forbidden', 'invalid_cursor'],
    cacheable: false,
    example: { query: { regionCode: '440100', limit: '10' } },
  },
  inviteStaff: {
    operationId: 'inviteStaff',
    method: 'post',
    path: '/staff',
    tag: 'staff',
    summary: 'Invite a person to a center, by the identity provider’s subject or by mobile, with a level',
    description:
      'For administrators only, for their center or one below it (`regionCode`, default their own; else 403). By ' +
      '`subject`, the account is the one the identity provider’s tokens with that `sub` sign in to; by `mobile`, an ' +
      'account waiting for its person (the mobile is shown masked). A person who has an account already is 409 ' +
      '`conflict`. Recorded on the audit log as `staff.invite`.',
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one invitation', required: false }],
    body: StaffInvite,
    response: StaffMember,
    successStatus: 201,
    security: 'bearer',
    problems: ['forbidden', 'conflict'],
    cacheable: false,
    example: { body: { subject: 'gdidp|40010086', name: '周敏', role: 'staff', regionCode: '440100' } },
  },
  updateStaff: {
    operationId: 'updateStaff',
    method: 'patch',
    path: '/staff/{id}',
    tag: 'staff',
    summary: "Change a staff account's level, or deactivate it, naming its version with `If-Match`",
    description:
      'For administrators only, on an account of their center or one below it (another is 404). Without `If-Match` ' +
      '428; with an ETag no longer current 412. The center’s last active administrator cannot be demoted or ' +
      'deactivated: 409 `conflict`. A deactivated account’s tokens are refused (403) on every operation. Recorded ' +
      'on the audit log as `staff.update`.',
    params: IdParams,
    headers: [
      { name: 'If-Match', description: 'The account’s ETag, `"<id>.r<revision>"` (listStaff)', required: true },
      { name: 'Idempotency-Key', description: 'Repeated by the retries of one change', required: false },
    ],
    body: StaffPatch,
    response: StaffMember,
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'conflict', 'precondition_required', 'precondition_failed'],
    cacheable: false,
    example: {
      params: { id: DEMO_STAFF.viewer },
      headers: { 'if-match': `"${DEMO_STAFF.viewer}.r0"` },
      body: { role: 'staff' },
    },
  },
} as const satisfies Record<string, Operation>;
