// The batch and policy forms' rules without a browser: the shared rules say what is wrong, field by field, and a form
// without problems becomes exactly what the platform takes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  batchFieldOf,
  batchInputOf,
  batchPatchOf,
  batchProblems,
  emptyBatch,
  scopeCodes,
  yuanText,
  type BatchValues,
} from '../../src/components/center-workbench/batch-values.js';
import {
  emptyPolicy,
  policyFieldOf,
  policyInputOf,
  policyProblems,
  type PolicyValues,
} from '../../src/components/center-workbench/policy-values.js';
import { nearlyUsedUp } from '../../src/components/center-workbench/waiting-actions.js';

function validBatch(): BatchValues {
  return {
    ...emptyBatch(2027),
    name: '广州市数字化转型服务券',
    faceValue: '5,000',
    quota: '１２００',
    annualCapPerEnterprise: '20000.5',
    claimOpensAt: '2027-03-01T09:00',
    claimClosesAt: '2027-06-30T17:00',
    settleBy: '2027-12-31T17:00',
    regionCodes: '440104，440106',
  };
}

test('a batch without problems becomes the input, amounts in fen and times with their offset', () => {
  assert.deepEqual(batchProblems(validBatch(), '440100'), {});
  assert.deepEqual(batchInputOf(validBatch()), {
    name: '广州市数字化转型服务券',
    year: 2027,
    faceValue: 500_000,
    quota: 1200,
    annualCapPerEnterprise: 2_000_050,
    maxCoverage: 50,
    useWithinDays: 90,
    claimOpensAt: '2027-03-01T09:00:00+08:00',
    claimClosesAt: '2027-06-30T17:00:00+08:00',
    settleBy: '2027-12-31T17:00:00+08:00',
    eligibility: { sizes: ['micro', 'small', 'medium'], tags: [], regionCodes: ['440104', '440106'] },
    categoryIds: [],
  });
});

test('each shared rule names its field', () => {
  const problems = batchProblems(
    {
      ...validBatch(),
      annualCapPerEnterprise: '1000',
      maxCoverage: '0',
      settleBy: '2027-06-01T09:00',
      year: '2029',
      sizes: [],
      regionCodes: '440604',
    },
    '440100',
  );
  assert.deepEqual(problems, {
    annualCapPerEnterprise: 'batch.cap.belowFace',
    maxCoverage: 'batch.coverage.range',
    settleBy: 'batch.settleBy.afterWindow',
    year: 'batch.year.window',
    sizes: 'batch.sizes.required',
    regionCodes: 'batch.regions.outside',
  });
});

test('a time or amount that is none is said so, not as a rule between fields', () => {
  const problems = batchProblems({ ...validBatch(), claimClosesAt: '', faceValue: '-5', regionCodes: '44010' });
  assert.equal(problems.claimClosesAt, 'time');
  assert.equal(problems.settleBy, undefined);
  assert.equal(problems.faceValue, 'money.negative');
  assert.equal(problems.regionCodes, 'region');
});

test('an opened batch is changed only in its name, quota and window’s end', () => {
  assert.deepEqual(batchPatchOf(validBatch(), { status: 'paused' }), {
    name: '广州市数字化转型服务券',
    quota: 1200,
    claimClosesAt: '2027-06-30T17:00:00+08:00',
  });
  assert.equal(batchPatchOf(validBatch(), { status: 'draft' }).faceValue, 500_000);
});

test('the platform’s paths land on the form’s fields', () => {
  assert.equal(batchFieldOf('body.eligibility.regionCodes.1'), 'regionCodes');
  assert.equal(batchFieldOf('body.eligibility.sizes'), 'sizes');
  assert.equal(batchFieldOf('body.quota'), 'quota');
  assert.equal(batchFieldOf('body.unknown'), undefined);
  assert.deepEqual(scopeCodes(' 440104、440105 440106,'), ['440104', '440105', '440106']);
  assert.equal(yuanText(12_345), '123.45');
  assert.equal(yuanText(500_000), '5000');
});

test('a batch is nearly used up when open with less than a tenth of its quota left', () => {
  assert.equal(nearlyUsedUp({ status: 'open', quota: 100, remaining: 9 }), true);
  assert.equal(nearlyUsedUp({ status: 'open', quota: 100, remaining: 10 }), false);
  assert.equal(nearlyUsedUp({ status: 'paused', quota: 100, remaining: 0 }), false);
});

function validPolicy(): PolicyValues {
  return {
    ...emptyPolicy('440100'),
    title: '广州市服务券办理指引',
    issuer: '广州市中小企业服务中心',
    docNumber: '穗中小服〔2027〕3号',
    effectiveFrom: '2027-01-01',
    summary: '明确服务券申领、使用和结算的办理流程。',
    url: 'https://gz.example.gov.cn/p.html',
  };
}

test('a policy without problems becomes the input; its rules name their fields', () => {
  assert.deepEqual(policyProblems(validPolicy()), {});
  assert.deepEqual(policyInputOf(validPolicy()), {
    title: '广州市服务券办理指引',
    issuer: '广州市中小企业服务中心',
    docNumber: '穗中小服〔2027〕3号',
    regionCode: '440100',
    effectiveFrom: '2027-01-01',
    effectiveUntil: null,
    categoryIds: [],
    summary: '明确服务券申领、使用和结算的办理流程。',
    url: 'https://gz.example.gov.cn/p.html',
  });
  assert.deepEqual(
    policyProblems({
      ...validPolicy(),
      docNumber: '号',
      effectiveUntil: '2026-12-31',
      url: 'gz.gov.cn',
      title: 'x'.repeat(201),
    }),
    { title: 'tooLong', docNumber: 'required', effectiveUntil: 'order', url: 'url' },
  );
  assert.equal(policyFieldOf('body.docNumber'), 'docNumber');
});
