// A client made of some resources only (what the widgets build, so that their bundles carry only the calls they
// make), against the real reference server.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Categories, Products, createClientFrom, type ResourceClasses } from '@smec/sdk/core';
import { startTestServer } from '../../../test-support/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;

before(async () => {
  server = await startTestServer();
});
after(() => server?.close());

test('a client made of the products resource searches products and has nothing else', async () => {
  const client = createClientFrom({ baseUrl: server.apiUrl }, { products: Products });
  const page = await client.products.list({ q: '法律', limit: 3 });
  assert.ok(page.items.length > 0);
  assert.equal(client.products, client.products, 'a resource is made once');
  assert.equal(Reflect.get(client, 'vouchers'), undefined, 'a resource not given is not there');
});

test('resources added to the given classes later are found on their first use', async () => {
  const classes: ResourceClasses = {};
  const client = createClientFrom({ baseUrl: server.apiUrl }, classes);
  assert.equal(Reflect.get(client, 'categories'), undefined, 'not there before it is given');
  classes.categories = Categories;
  const { items } = await client.categories.list();
  assert.equal(items.length, 12);
});

test('the low-level request works without any resource', async () => {
  const client = createClientFrom({ baseUrl: server.apiUrl }, {});
  const health = (await client.request({ path: '/health' })) as { status: string };
  assert.equal(health.status, 'ok');
});
