// The size budgets of issue 7 on the CDN build (npm test builds before this runs): the loader ≤ 2 KB, each widget's
// module with everything it imports ≤ 25 KB, smec.js with every widget ≤ 60 KB, all gzip.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import {
  BUDGETS_KB,
  CDN_DIR,
  cdnEntrySizes,
  FIRST_VIEWS,
  firstViewKb,
  staticClosure,
  viewsOnDemand,
  widgetEntries,
} from '../test-support/bundle-size.js';
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

for (const [entry, view] of Object.entries(FIRST_VIEWS)) {
  test(`${entry}'s first view (with ${view}) is within ${BUDGETS_KB.firstView} KB gzip, and comes apart from the others`, () => {
    const kb = firstViewKb(entry, view);
    assert.ok(kb <= BUDGETS_KB.firstView, `${entry} + ${view}: ${kb} KB`);
    // Its other views are fetched when shown: none is in the entry's static imports.
    const closure = [...staticClosure(join(CDN_DIR, entry))].map((file) => relative(CDN_DIR, file));
    assert.deepEqual(
      closure.filter((file) => /(products|engagements|profile)-view-|product-editor-/.test(file)),
      [],
    );
  });
}

// Each widget module inlines its own code but imports Lit, the SDK's client and the base element from one core chunk,
// so that a page with several widgets loads them once and the widgets share the client cache and the translations.
test('every widget module and the root import the one core chunk, the only per-widget file with Lit in it', () => {
  const cores = new Set<string>();
  const withLit = new Set<string>();
  for (const entry of [...widgetEntries(sizes), 'smec-root.js']) {
    const closure = [...staticClosure(join(CDN_DIR, entry))].map((file) => relative(CDN_DIR, file));
    const core = closure.filter((file) => /^chunks\/core-[\w-]+\.js$/.test(file));
    assert.equal(core.length, 1, `${entry} imports ${core.length} core chunks`);
    cores.add(core[0]!);
    for (const file of closure)
      if (readFileSync(join(CDN_DIR, file), 'utf8').includes('litHtmlVersions')) withLit.add(file);
  }
  assert.deepEqual([...cores], [...withLit]);
  assert.equal(cores.size, 1);
});

// Issue 20: the center's workbench opens on its overview, within the first view's budget; every other view (demands,
// events, settlements, providers …) is a chunk of its own, fetched when shown, and none is in the first download.
test(`the center workbench's first view (entry + overview) is within ${BUDGETS_KB.firstView} KB gzip, its other views apart`, () => {
  const entry = 'smec-center-workbench.js';
  const kb = firstViewKb(entry, 'overview-view');
  assert.ok(kb <= BUDGETS_KB.firstView, `${entry} + overview-view: ${kb} KB`);
  const views = viewsOnDemand(entry);
  assert.ok(views.includes('overview-view'), `views on demand: ${views.join(', ')}`);
  assert.ok(views.length >= 3, `only ${views.join(', ')} on demand`);
  const closure = [...staticClosure(join(CDN_DIR, entry))].map((file) => relative(CDN_DIR, file));
  const upFront = closure.filter((file) => views.some((view) => file.startsWith(`chunks/${view}-`)));
  assert.deepEqual(upFront, []);
});

/** Everything an entry downloads up front, as one text. */
function closureText(entry: string): string {
  return [...staticClosure(join(CDN_DIR, entry))].map((file) => readFileSync(file, 'utf8')).join('\n');
}

// Issue 19's and 22's public widgets live on pages of their own (/join, /experts, /centers): each loads through the loader or its own
// module within a widget's budget, and smec.js, which a page with any widget may load, does not carry it.
for (const tag of [
  'smec-provider-application',
  'smec-public-notice',
  'smec-expert-directory',
  'smec-center-directory',
]) {
  test(`${tag}.js is a module of its own within ${BUDGETS_KB.widget} KB gzip, and not part of smec.js`, () => {
    const kb = sizes[`${tag}.js`];
    assert.ok(kb !== undefined, `no ${tag}.js in the CDN build`);
    assert.ok(kb <= BUDGETS_KB.widget, `${tag}.js: ${kb} KB`);
    assert.ok(closureText(`${tag}.js`).includes(tag));
    assert.ok(!closureText('smec.js').includes(tag), `smec.js defines <${tag}>`);
  });
}
