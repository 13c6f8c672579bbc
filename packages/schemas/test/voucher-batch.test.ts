import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BATCH_MESSAGES,
  BATCH_MOVES,
  batchRefusals,
  frozenChanges,
  messageText,
  type BatchTerms,
} from '../src/rules/index.js';
import { VoucherBatchInput } from '../src/index.js';

const TERMS: BatchTerms = {
  name: '测试批次',
  year: 2027,
  faceValue: 500_000,
  quota: 100,
  annualCapPerEnterprise: 2_000_000,
  maxCoverage: 50,
  useWithinDays: 90,
  claimOpensAt: '2027-03-01T09:00:00+08:00',
  claimClosesAt: '2027-06-30T17:00:00+08:00',
  settleBy: '2027-12-31T17:00:00+08:00',
  eligibility: { sizes: ['small'], regionCodes: ['440604'] },
};
const FOSHAN = { exists: (code: string) => /^44/.test(code), withinIssuer: (code: string) => code.startsWith('4406') };
const keys = (terms: Partial<BatchTerms>) =>
  batchRefusals({ ...TERMS, ...terms }, FOSHAN).map((refusal) => `${refusal.path} ${refusal.key}`);

test('terms that keep every rule have no refusal', () => {
  assert.deepEqual(keys({}), []);
});

test('each rule names its field', () => {
  assert.deepEqual(keys({ name: '  ' }), ['name batch.name.required']);
  assert.deepEqual(keys({ faceValue: 50 }), ['faceValue batch.faceValue.range']);
  assert.deepEqual(keys({ quota: 0 }), ['quota batch.quota.range']);
  assert.deepEqual(keys({ annualCapPerEnterprise: 400_000 }), ['annualCapPerEnterprise batch.cap.belowFace']);
  assert.deepEqual(keys({ maxCoverage: 101 }), ['maxCoverage batch.coverage.range']);
  assert.deepEqual(keys({ useWithinDays: 0 }), ['useWithinDays batch.useWithin.range']);
  assert.deepEqual(keys({ claimClosesAt: TERMS.claimOpensAt }), ['claimClosesAt batch.window.order']);
  assert.deepEqual(keys({ settleBy: TERMS.claimClosesAt }), ['settleBy batch.settleBy.afterWindow']);
  assert.deepEqual(keys({ year: 2026 }), ['year batch.year.window']);
  assert.deepEqual(keys({ eligibility: { sizes: [], regionCodes: [] } }), ['eligibility.sizes batch.sizes.required']);
  assert.deepEqual(keys({ eligibility: { sizes: ['small'], regionCodes: ['440100', '990000'] } }), [
    'eligibility.regionCodes.0 batch.regions.outside',
    'eligibility.regionCodes.1 batch.regions.unknown',
  ]);
});

test('the year may be the one the window closes in', () => {
  assert.deepEqual(
    keys({ year: 2028, claimClosesAt: '2028-01-31T17:00:00+08:00', settleBy: '2028-06-30T17:00:00+08:00' }),
    [],
  );
});

test('once opened, only the name, quota and the window’s end may change', () => {
  const current = { ...TERMS, tags: [], categoryIds: [] } as unknown as Parameters<typeof frozenChanges>[0];
  assert.deepEqual(
    frozenChanges(current, { name: '新名', quota: 500, claimClosesAt: '2027-07-31T17:00:00+08:00' }),
    [],
  );
  assert.deepEqual(frozenChanges(current, { faceValue: TERMS.faceValue }), [], 'the same value is no change');
  assert.deepEqual(frozenChanges(current, { faceValue: 1, categoryIds: ['legal'] }), ['faceValue', 'categoryIds']);
});

test('the moves: open from a draft or a pause, pause an open batch, close either', () => {
  assert.deepEqual(BATCH_MOVES.open.from, ['draft', 'paused']);
  assert.deepEqual(BATCH_MOVES.pause.from, ['open']);
  assert.deepEqual(BATCH_MOVES.close.from, ['open', 'paused']);
});

test('every batch message is in three languages, and the schema carries the keys', () => {
  for (const [key, texts] of Object.entries(BATCH_MESSAGES)) {
    assert.equal(messageText(key, 'en'), texts.en);
    assert.ok(texts['zh-CN'] && texts['zh-HK'] && texts.en, key);
  }
  const parsed = VoucherBatchInput.safeParse({ ...TERMS, quota: 0 });
  assert.equal(parsed.success, false);
  assert.equal(parsed.error?.issues[0]?.message, 'batch.quota.range');
});
