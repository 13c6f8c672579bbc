// The publishing rules of a provider's product: each refused just past its bound and kept at it, with texts in the
// three languages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  PRODUCT_MESSAGES,
  checkProductFee,
  checkProductProcess,
  checkProductTimeLimit,
  productPublishRefusals,
  type PublishableProduct,
} from '@smec/schemas/rules';

const STEP = { title: '诊断', description: '现场诊断' };
const FEE = { listPrice: 100_000, discountPrice: null, isFree: false, note: '含报告' };
const COMPLETE: PublishableProduct = {
  summary: '简介',
  function: '功能',
  process: [STEP, STEP],
  standard: '标准',
  fee: FEE,
  timeLimitDays: 10,
  regionCodes: ['440100'],
};

test('a complete product may be published', () => {
  assert.deepEqual(productPublishRefusals(COMPLETE), []);
});

test('each empty public is named, blank text counting as empty', () => {
  const refusals = productPublishRefusals({
    ...COMPLETE,
    summary: ' ',
    function: '',
    standard: '\n',
    fee: { ...FEE, note: '' },
    timeLimitDays: null,
    regionCodes: [],
  });
  assert.deepEqual(
    refusals.map((refusal) => refusal.path),
    ['summary', 'function', 'standard', 'fee.note', 'timeLimitDays', 'regionCodes'],
  );
});

test('the process needs at least two steps, each with a title and a description', () => {
  assert.equal(checkProductProcess([]), 'product.process.steps');
  assert.equal(checkProductProcess([STEP]), 'product.process.steps');
  assert.equal(checkProductProcess([STEP, STEP]), null);
  assert.equal(checkProductProcess([STEP, { title: '交付', description: ' ' }]), 'product.process.steps');
  assert.equal(checkProductProcess([STEP, { title: '', description: '交付报告' }]), 'product.process.steps');
});

test('the time limit is 1 to 365 whole working days', () => {
  assert.equal(checkProductTimeLimit(0), 'product.timeLimit.range');
  assert.equal(checkProductTimeLimit(1), null);
  assert.equal(checkProductTimeLimit(365), null);
  assert.equal(checkProductTimeLimit(366), 'product.timeLimit.range');
  assert.equal(checkProductTimeLimit(2.5), 'product.timeLimit.range');
  assert.equal(checkProductTimeLimit(null), 'product.timeLimit.range');
});

test('a discount must be below the list price', () => {
  assert.deepEqual(checkProductFee({ ...FEE, discountPrice: 99_999 }), []);
  assert.deepEqual(checkProductFee({ ...FEE, discountPrice: 100_000 }), [
    { path: 'fee.discountPrice', key: 'product.fee.discount.belowList' },
  ]);
});

test('a priced service has a list price above 0, and a free one is priced 0 with no discount', () => {
  assert.deepEqual(checkProductFee({ ...FEE, listPrice: 0 }), [
    { path: 'fee.listPrice', key: 'product.fee.listPrice.required' },
  ]);
  assert.deepEqual(checkProductFee({ ...FEE, listPrice: 0, isFree: true }), []);
  assert.deepEqual(checkProductFee({ ...FEE, isFree: true }), [{ path: 'fee.isFree', key: 'product.fee.free.priced' }]);
  assert.deepEqual(checkProductFee({ ...FEE, listPrice: 0, discountPrice: 10, isFree: true }), [
    { path: 'fee.isFree', key: 'product.fee.free.priced' },
  ]);
});

test('a fee needs its note', () => {
  assert.deepEqual(checkProductFee({ ...FEE, note: '' }), [{ path: 'fee.note', key: 'product.fee.note.required' }]);
});

test('every refusal has a text in zh-CN, zh-HK and en', () => {
  for (const [key, texts] of Object.entries(PRODUCT_MESSAGES)) {
    for (const locale of ['zh-CN', 'zh-HK', 'en'] as const) assert.ok(texts[locale].length > 0, `${key} ${locale}`);
  }
  assert.notEqual(
    PRODUCT_MESSAGES['product.process.steps']['zh-CN'],
    PRODUCT_MESSAGES['product.process.steps']['zh-HK'],
  );
});
