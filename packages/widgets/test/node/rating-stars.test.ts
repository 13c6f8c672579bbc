import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stars } from '../../src/components/voucher-wallet/rating-view.js';

test('the level given shows as stars out of five, 非常满意 five, 非常不满意 one', () => {
  assert.equal(stars({ level: 'verySatisfied' }), '★★★★★');
  assert.equal(stars({ level: 'satisfied' }), '★★★★☆');
  assert.equal(stars({ level: 'neutral' }), '★★★☆☆');
  assert.equal(stars({ level: 'dissatisfied' }), '★★☆☆☆');
  assert.equal(stars({ level: 'veryDissatisfied' }), '★☆☆☆☆');
});
