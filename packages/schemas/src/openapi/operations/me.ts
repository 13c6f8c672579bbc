import { Account } from '../../index.js';
import type { Operation } from '../operation.js';

/** The signed-in user's own account. */
export const meOperations = {
  getMe: {
    operationId: 'getMe',
    method: 'get',
    path: '/me',
    tag: 'platform',
    summary: 'Who the platform takes the signed-in user for: role, a center’s level and region, the organisation',
    description:
      'Any signed-in user: an enterprise’s or a provider’s user (with `enterpriseId` or `providerId`) or a center’s ' +
      'staff member (`role: admin`, with `staffRole` and the region the center acts for, `regionCode` and its name). ' +
      'A widget asks this instead of reading the token, so a viewer (只读) is shown no button that writes; the ' +
      'platform still decides every call. Never stored by a cache.',
    response: Account,
    security: 'bearer',
    problems: [],
    cacheable: false,
  },
} as const satisfies Record<string, Operation>;
