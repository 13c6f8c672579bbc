import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Voucher } from '@smec/schemas';
import { answeredBy, emptyOverlay, remembered, shown } from '../../src/components/voucher-wallet/wallet-overlay.js';

function voucher(id: string, status: Voucher['status']): Voucher {
  return { id, status } as Voucher;
}

test("an action's answer is shown in place of the loaded voucher, and a new one ahead of the list", () => {
  const overlay = remembered(
    remembered(emptyOverlay(), 'vouchers', voucher('a', 'withdrawn'), 3),
    'vouchers',
    voucher('n', 'issued'),
    3,
  );
  const loaded = [voucher('a', 'issued'), voucher('b', 'issued')];
  assert.deepEqual(
    shown(loaded, overlay.vouchers).map((v) => `${v.id}:${v.status}`),
    ['n:issued', 'a:withdrawn', 'b:issued'],
  );
});

test('a load that started after the action replaces its answer; a load that started before does not', () => {
  // Claimed at version 3: the reload the claim starts is version 4, whose answer is the platform's truth.
  const claimed = remembered(emptyOverlay(), 'vouchers', voucher('a', 'issued'), 3);
  assert.equal(answeredBy(claimed, 3), claimed);
  const afterReload = answeredBy(claimed, 4);
  assert.equal(afterReload.vouchers.size, 0);
  // The voucher was used meanwhile: what the platform now says is shown, not the claim's answer.
  assert.deepEqual(
    shown([voucher('a', 'ordered')], afterReload.vouchers).map((v) => v.status),
    ['ordered'],
  );
});
