// The cells of the registrant export and the choice of its representation by Accept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { csvCell } from '../src/http/csv.js';
import { preferredType } from '../src/http/accept.js';

test('a cell a spreadsheet would take for a formula gets a leading apostrophe', () => {
  for (const text of ['=1+2', '+86 138', '-1', '@SUM(A1)', '\t=1', '\r=1']) {
    assert.equal(csvCell(text).replace(/^"|"$/g, '').startsWith(`'`), true, JSON.stringify(text));
  }
  assert.equal(csvCell('佛山市示例科技有限公司'), '佛山市示例科技有限公司');
  assert.equal(csvCell('a=1'), 'a=1', 'only the first character counts');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(3), '3');
});

test('a cell with a comma, a quote or a line break is quoted, its quotes doubled', () => {
  assert.equal(csvCell('陈经理, "财务"'), '"陈经理, ""财务"""');
  assert.equal(csvCell('第一行\n第二行'), '"第一行\n第二行"');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
});

function accepting(accept: string | undefined): FastifyRequest {
  return { headers: accept === undefined ? {} : { accept } } as FastifyRequest;
}

test('Accept chooses CSV only when it prefers it; JSON otherwise', () => {
  const offered = ['application/json', 'text/csv'] as const;
  assert.equal(preferredType(accepting(undefined), [...offered]), 'application/json');
  assert.equal(preferredType(accepting('*/*'), [...offered]), 'application/json');
  assert.equal(preferredType(accepting('text/csv'), [...offered]), 'text/csv');
  assert.equal(preferredType(accepting('text/*'), [...offered]), 'text/csv');
  assert.equal(preferredType(accepting('application/json, text/csv;q=0.5'), [...offered]), 'application/json');
  assert.equal(preferredType(accepting('application/json;q=0.4, text/csv'), [...offered]), 'text/csv');
  assert.equal(preferredType(accepting('text/csv, */*;q=0.1'), [...offered]), 'text/csv');
  assert.equal(preferredType(accepting('text/csv;q=0'), [...offered]), 'application/json');
});
