import {
  IdParams,
  ProviderAccount,
  ProviderAccountPage,
  ProviderAccountPatch,
  ProviderAccountsQuery,
  ProviderTransition,
} from '../../index.js';
import type { Operation } from '../operation.js';

/** The demo provider's account (the provider of `usr-prv-01`) and a provider of enterprise A's city for a center. */
export const DEMO_PROVIDER = { mine: 'prv-00001', ofShantou: 'prv-00040' } as const;

export const providerAccountOperations = {
  getMyProvider: {
    operationId: 'getMyProvider',
    method: 'get',
    path: '/me/provider',
    tag: 'providers',
    summary: "The signed-in provider's account: its profile, contacts, admission, timeline and any pending change",
    description:
      'Provider accounts only. The ETag names the account’s revision: send it as `If-Match` to change the account.',
    response: ProviderAccount,
    security: 'bearer',
    exampleUserId: 'usr-prv-01',
    problems: ['forbidden'],
    cacheable: false,
  },
  updateMyProvider: {
    operationId: 'updateMyProvider',
    method: 'patch',
    path: '/me/provider',
    tag: 'providers',
    summary: 'Change the provider’s own account; a new name, credit code or legal representative goes to review',
    description:
      'Short name, address, contact, phone, e-mail, website, description, categories, regions served and whether it ' +
      'accepts vouchers are applied at once, and the catalog shows them. A new `name`, `uscc` or ' +
      '`legalRepresentative` is kept as `pendingChange` until the center approves or refuses it ' +
      '(`transitionProvider`). Without `If-Match` 428; with a stale ETag 412. A suspended or removed provider may ' +
      'read but not change its account (409 `provider_not_active`).',
    headers: [
      { name: 'If-Match', description: 'The ETag of the account read (getMyProvider)', required: true },
      { name: 'Idempotency-Key', description: 'Repeated by the retries of one change', required: false },
    ],
    body: ProviderAccountPatch,
    response: ProviderAccount,
    security: 'bearer',
    exampleUserId: 'usr-prv-01',
    problems: ['forbidden', 'precondition_required', 'precondition_failed', 'provider_not_active'],
    cacheable: false,
    example: {
      headers: { 'if-match': `"${DEMO_PROVIDER.mine}.r0"` },
      body: { phone: '0762-3388123', acceptsVouchers: true },
    },
  },
  listProviderAccounts: {
    operationId: 'listProviderAccounts',
    method: 'get',
    path: '/provider-accounts',
    tag: 'providers',
    summary: "The providers of the reader's center and the centers below it, with their admission and timeline",
    description:
      'Center staff of every level (a viewer too); anyone else is 401 or 403, and an account bound to no region 403. ' +
      'By name, keyset paged. `admission`: `current` (default) the admitted and the suspended providers, or one ' +
      'state (`admitted`, `suspended`, `removed`); `q` finds a part of the name, short name or credit code. Each ' +
      'account carries its timeline (suspensions, reinstatements and their reasons) and its `revision`. Never cached.',
    query: ProviderAccountsQuery,
    response: ProviderAccountPage,
    security: 'bearer',
    problems: ['forbidden', 'invalid_cursor'],
    cacheable: false,
    example: { query: { admission: 'current', q: '汕头', limit: '10' } },
  },
  transitionProvider: {
    operationId: 'transitionProvider',
    method: 'post',
    path: '/providers/{id}/transitions',
    tag: 'providers',
    summary: 'A center suspends, reinstates or removes a provider of its region, or decides its pending change',
    description:
      'Administrators of the provider’s region or above; to others the provider is 404. `suspend` (admitted): it ' +
      'and its products leave the catalog, vouchers are no longer usable with it, engagements in progress go on. ' +
      '`reinstate` (suspended) undoes it; `remove` is final. `approveChange` applies the pending change of name, ' +
      'credit code or legal representative; `refuseChange` leaves it (a reason is required). Every move but an ' +
      'approval gives a reason of 5–500 characters and is a step of the provider’s timeline. A move its state does ' +
      'not allow, or one made meanwhile by someone else, is 409 `conflict`.',
    params: IdParams,
    headers: [{ name: 'Idempotency-Key', description: 'Repeated by the retries of one move', required: false }],
    body: ProviderTransition,
    response: ProviderAccount,
    security: 'bearer',
    problems: ['forbidden', 'not_found', 'conflict'],
    cacheable: false,
    example: {
      params: { id: DEMO_PROVIDER.ofShantou },
      body: { action: 'suspend', reason: '年度服务质量考核不合格，暂停服务并限期整改' },
    },
  },
} as const satisfies Record<string, Operation>;
