// The catalog's view in the page's URL with its attributes as defaults, and the link parameters of 「我要咨询」.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EMPTY_VIEW, readView, writeView, type CatalogView } from '../../src/components/catalog/catalog.state.js';
import { demandRequestOf } from '../../src/internal/demand-link.js';

const FOSHAN: CatalogView = { ...EMPTY_VIEW, region: '440600' };

test('a URL that names the category keeps the region of the attributes', () => {
  assert.deepEqual(readView('?smec_cat=legal', FOSHAN), { ...FOSHAN, category: 'legal' });
});

test('a URL that names the region overrides the attribute', () => {
  assert.equal(readView('?smec_region=440100', FOSHAN)?.region, '440100');
});

test('an empty parameter clears what the attributes set', () => {
  assert.equal(readView('?smec_region=', FOSHAN)?.region, undefined);
});

test('a value that makes no sense is dropped, as an empty one', () => {
  assert.equal(readView('?smec_region=guangzhou&smec_q=x', FOSHAN)?.region, undefined);
});

test('a URL without smec parameters describes nothing', () => {
  assert.equal(readView('?page=3', FOSHAN), undefined);
});

test('without defaults a missing filter means "not filtered", as before', () => {
  assert.deepEqual(readView('?smec_q=法'), { ...EMPTY_VIEW, q: '法' });
});

test('what equals the attributes stays out of the URL', () => {
  assert.equal(writeView('', { ...FOSHAN, category: 'legal' }, FOSHAN), '?smec_cat=legal');
});

test('a region cleared against the attribute is written empty, and read back as cleared', () => {
  const search = writeView('', { ...FOSHAN, region: undefined }, FOSHAN);
  assert.equal(search, '?smec_region=');
  assert.equal(readView(search, FOSHAN)?.region, undefined);
});

test('writing keeps the page’s parameters and another widget’s, dropping only the catalog’s own', () => {
  const search = writeView('?a=%20b&smec_demand_product=p-1&smec_q=old', { ...EMPTY_VIEW, q: 'new' });
  assert.equal(search, '?a=%20b&smec_demand_product=p-1&smec_q=new');
});

test('the link of 「我要咨询」 is read back into what it names', () => {
  assert.deepEqual(demandRequestOf('?smec_demand_product=p-1&smec_demand_category=legal&smec_demand_region=440604'), {
    productId: 'p-1',
    categoryId: 'legal',
    regionCode: '440604',
  });
});

test('what the link does not name, or names empty, is left as it is', () => {
  const none = { productId: undefined, categoryId: undefined, regionCode: undefined };
  assert.deepEqual(demandRequestOf('?smec_q=x'), none);
  assert.deepEqual(demandRequestOf('?smec_demand_product=&smec_demand_region='), none);
  assert.deepEqual(demandRequestOf('?smec_demand_category=legal'), { ...none, categoryId: 'legal' });
});
