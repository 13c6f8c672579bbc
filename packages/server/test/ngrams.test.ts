import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexTerms, parseQuery } from '../src/search/ngrams.js';

test('indexes Han unigrams and bigrams, and latin words whole and lowercased', () => {
  const terms = indexTerms('ISO 9001 质量管理');
  for (const term of ['iso', '9001', '质', '量', '质量', '量管', '管理']) assert.ok(terms.has(term), term);
  assert.ok(!terms.has('is'));
  assert.ok(!terms.has('质管'));
});

test('folds full-width letters and digits', () => {
  assert.ok(indexTerms('ＩＳＯ９００１').has('iso'));
  assert.deepEqual(parseQuery('ＩＳＯ'), { terms: ['iso'], phrases: ['iso'] });
});

test('a one-character query is its unigram, a longer one its bigrams', () => {
  assert.deepEqual(parseQuery('法'), { terms: ['法'], phrases: ['法'] });
  assert.deepEqual(parseQuery('财税'), { terms: ['财税'], phrases: ['财税'] });
  assert.deepEqual(parseQuery('代理记账'), { terms: ['代理', '理记', '记账'], phrases: ['代理记账'] });
  assert.deepEqual(parseQuery('ISO9001 认证'), { terms: ['iso', '9001', '认证'], phrases: ['iso', '9001', '认证'] });
});

test('a query with nothing searchable parses to null', () => {
  assert.equal(parseQuery('！？《》'), null);
  assert.equal(parseQuery('   '), null);
});
