import { DemoJwks, DemoToken, DemoTokenRequest, DemoUserList, DemoUsersQuery } from '../../index.js';
import type { Operation } from '../operation.js';

/** Demo mode only: the demo sign-in. */
export const demoOperations = {
  listDemoUsers: {
    operationId: 'listDemoUsers',
    method: 'get',
    path: '/demo/users',
    tag: 'demo',
    summary: 'Demo mode only: the seeded users one may sign in as',
    query: DemoUsersQuery,
    response: DemoUserList,
    problems: ['not_found'],
    cacheable: false,
    example: { query: { role: 'admin' } },
  },
  createDemoToken: {
    operationId: 'createDemoToken',
    method: 'post',
    path: '/demo/token',
    tag: 'demo',
    summary: 'Demo mode only: a bearer token (8 hours) for a seeded user',
    body: DemoTokenRequest,
    response: DemoToken,
    problems: ['not_found'],
    cacheable: false,
    example: { body: { userId: 'usr-admin-440600' } },
  },
  getDemoJwks: {
    operationId: 'getDemoJwks',
    method: 'get',
    path: '/demo/jwks.json',
    tag: 'demo',
    summary: "Demo mode only: the demo issuer's public keys",
    response: DemoJwks,
    problems: ['not_found'],
    cacheable: false,
  },
} as const satisfies Record<string, Operation>;
