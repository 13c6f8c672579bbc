import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engagementStateName } from '../../src/components/voucher-wallet/wallet-texts.js';

test('an accepted delivery is 已验收, an unaccepted one 已交付, a settled one 已结项', () => {
  assert.equal(engagementStateName({ status: 'delivered', acceptedAt: '2026-12-01T10:00:00+08:00' }), '已验收');
  assert.equal(engagementStateName({ status: 'delivered', acceptedAt: null }), '已交付');
  assert.equal(engagementStateName({ status: 'closed', acceptedAt: '2026-12-01T10:00:00+08:00' }), '已结项');
});
