import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYuan } from '@smec/schemas/rules';
import { yuanText } from '../../src/components/voucher-wallet/use-flow.js';
import { priceToPay } from '../../src/internal/price.js';

const note = '按项目收费。';

test('the price to pay is the discount when there is one, else the list price; none when free or without a price', () => {
  assert.equal(priceToPay({ listPrice: 920000, discountPrice: null, isFree: false, note }), 920000);
  assert.equal(priceToPay({ listPrice: 810000, discountPrice: 680000, isFree: false, note }), 680000);
  // A "discount" that is no lower is no discount.
  assert.equal(priceToPay({ listPrice: 500000, discountPrice: 600000, isFree: false, note }), 500000);
  assert.equal(priceToPay({ listPrice: 0, discountPrice: null, isFree: true, note }), undefined);
  assert.equal(priceToPay({ listPrice: 300000, discountPrice: null, isFree: true, note }), undefined);
  assert.equal(priceToPay({ listPrice: 0, discountPrice: null, isFree: false, note }), undefined);
});

test('a price in fen prefills the amount as a visitor would type it, and reads back as the same fen', () => {
  assert.equal(yuanText(920000), '9200');
  assert.equal(yuanText(12345), '123.45');
  assert.equal(yuanText(100050), '1000.50');
  for (const fen of [100, 12345, 100050, 920000, 3200000]) assert.equal(parseYuan(yuanText(fen)), fen);
});
