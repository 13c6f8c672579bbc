// The size budgets of issue 7 on the CDN build (npm test builds before this runs): the loader ≤ 2 KB, each widget's
// module with everything it imports ≤ 25 KB, smec.js with every widget ≤ 60 KB, all gzip.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUDGETS_KB, cdnEntrySizes, widgetEntries } from '../test-support/bundle-size.js';
import { manifestWidgets } from '../test-support/manifest.js';

const sizes = cdnEntrySizes();

test(`the loader is within ${BUDGETS_KB.loader} KB gzip`, () => {
  assert.ok(
    (sizes['smec-loader.js'] ?? Infinity) <= BUDGETS_KB.loader,
    `smec-loader.js: ${sizes['smec-loader.js']} KB`,
  );
});

test(`smec.js with every widget is within ${BUDGETS_KB.all} KB gzip`, () => {
  assert.ok((sizes['smec.js'] ?? Infinity) <= BUDGETS_KB.all, `smec.js: ${sizes['smec.js']} KB`);
});

test('there is a module for every widget of the manifest, and none else', () => {
  assert.deepEqual(
    [...widgetEntries(sizes)].sort(),
    manifestWidgets().map((tag) => `${tag}.js`),
  );
});

for (const entry of widgetEntries(sizes)) {
  test(`${entry} with everything it imports is within ${BUDGETS_KB.widget} KB gzip`, () => {
    assert.ok((sizes[entry] ?? Infinity) <= BUDGETS_KB.widget, `${entry}: ${sizes[entry]} KB`);
  });
}
