// The demo reads like a real platform's data: no page of products or policies repeats a name, a voucher's history
// names one enterprise throughout, and events keep office and evening hours.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CATEGORY_IDS,
  DemoUserList,
  ServiceEventPage,
  PolicyPage,
  ProductPage,
  ProductSort,
  RegionList,
  VoucherPage,
} from '@smec/schemas';
import { generatePolicies, titledOnce } from '../src/seed/policies.js';
import { PRODUCT_PHRASINGS } from '../src/seed/product-phrasings.js';
import { composeName, ProductNamer, phrasingsOf } from '../src/seed/product-names.js';
import { PRODUCT_TEMPLATES } from '../src/seed/templates.js';
import { generateCatalog, guangdongRegions, Random } from '../src/seed/index.js';
import { startTestServer, testMonth } from '../../../test-support/server.js';
import { query, request } from './helpers.js';

const AS_OF = Date.parse('2026-12-03T10:00:00+08:00');

function repeated(names: readonly string[]): string[] {
  return names.filter((name, index) => names.indexOf(name) !== index);
}

describe('product names (seed)', () => {
  const templates = Object.values(PRODUCT_TEMPLATES).flat();

  test('every kind of service has several phrasings, the first its own name, none shared with another kind', () => {
    const owner = new Map<string, string>();
    for (const template of templates) {
      const phrasings = phrasingsOf(template);
      assert.ok(phrasings.length >= 3, template.name);
      assert.equal(phrasings[0], template.name);
      for (const phrasing of phrasings) {
        assert.equal(owner.get(phrasing) ?? template.name, template.name, `${phrasing} of two kinds`);
        owner.set(phrasing, template.name);
      }
    }
    assert.deepEqual(Object.keys(PRODUCT_PHRASINGS).sort(), templates.map((template) => template.name).sort());
  });

  test('no two products of the catalog share a full name', () => {
    const { products } = generateCatalog({ asOf: AS_OF });
    assert.deepEqual(repeated(products.map((product) => product.name)), []);
    const kinds = new Set(products.map((product) => product.name.replace(/（[^）]*）$/, '')));
    assert.ok(kinds.size > products.length * 0.9, `${kinds.size} names without the variant`);
  });

  test('a lead is left off a free course, a package word off a meeting, and the brand goes first', () => {
    const parts = { lead: '一站式', audience: '', suffix: '套餐', variantLabel: '', brand: null };
    assert.equal(composeName({ ...parts, phrasing: '数字技能公益培训' }), '数字技能公益培训');
    assert.equal(composeName({ ...parts, phrasing: '代理记账与纳税申报' }), '一站式代理记账与纳税申报');
    assert.equal(composeName({ ...parts, phrasing: '商标注册代理', suffix: '服务包' }), '一站式商标注册代理服务包');
    assert.equal(composeName({ ...parts, phrasing: '展会参展组织服务', suffix: '服务包' }), '一站式展会参展组织服务包');
    assert.equal(
      composeName({ ...parts, phrasing: '专利申请代理', variantLabel: '（发明）', brand: '德信知识产权', suffix: '' }),
      '德信知识产权·一站式专利申请代理（发明）',
    );
    assert.equal(
      composeName({ ...parts, audience: '制造业企业', phrasing: '中小企业法律体检' }),
      '一站式中小企业法律体检',
    );
  });

  test('when every wording is taken, the namer still finds a free name (the provider’s own before the phrasing)', () => {
    const namer = new ProductNamer(new Random(1));
    const [template] = PRODUCT_TEMPLATES['finance-tax'];
    assert.ok(template);
    const names = Array.from({ length: 2000 }, (_, n) =>
      namer.name({
        template,
        variantLabel: '',
        style: namer.style(`第${n}财税`),
        providerName: `广州市第${n}财税咨询有限公司`,
        providerShortName: n % 2 === 0 ? '同名财税' : `第${n}财税`,
        cityBare: '广州',
      }),
    );
    assert.deepEqual(repeated(names), []);
    assert.ok(names.some((name) => name.startsWith('广州市第')));
  });
});

describe('policy titles (seed)', () => {
  test('a region’s re-issued measure is titled as the revision of its year', () => {
    const policies = titledOnce([
      { id: 'b', title: '广东省专精特新中小企业培育办法', publishedOn: '2021-03-01' },
      { id: 'a', title: '广东省专精特新中小企业培育办法', publishedOn: '2018-05-02' },
      { id: 'c', title: '广东省专精特新中小企业培育办法', publishedOn: '2021-09-09' },
      { id: 'd', title: '佛山市专精特新中小企业培育办法', publishedOn: '2021-09-09' },
    ]);
    assert.deepEqual(
      policies.map((policy) => [policy.id, policy.title]),
      [
        ['b', '广东省专精特新中小企业培育办法（2021年修订）'],
        ['a', '广东省专精特新中小企业培育办法'],
        ['c', '广东省专精特新中小企业培育办法（2021年第二次修订）'],
        ['d', '佛山市专精特新中小企业培育办法'],
      ],
    );
  });

  test('no two seeded policies share a title', () => {
    const policies = generatePolicies(guangdongRegions(), { asOf: AS_OF });
    assert.ok(policies.length > 100);
    assert.deepEqual(repeated(policies.map((policy) => policy.title)), []);
  });
});

describe('the seeded demo through the API', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let cities: string[];

  before(async () => {
    server = await startTestServer();
    const regions = RegionList.parse((await request(server.apiUrl, '/regions')).body);
    cities = regions.items.filter((region) => region.level === 'city').map((region) => region.code);
  });
  after(() => server.close());

  async function productNames(params: Record<string, string | number | undefined>): Promise<string[]> {
    const response = await request(server.apiUrl, `/products${query(params)}`);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return ProductPage.parse(response.body).items.map((product) => product.name);
  }

  test('the province’s and every city’s first page of every category repeats no product name', async () => {
    assert.equal(cities.length, 21);
    for (const region of [undefined, ...cities]) {
      for (const category of [undefined, ...CATEGORY_IDS]) {
        const names = await productNames({ region, category, limit: 20 });
        assert.ok(names.length > 0, `${region} ${category}`);
        assert.deepEqual(repeated(names), [], `region ${region ?? 'province'}, category ${category ?? 'all'}`);
      }
    }
  });

  test('no sort repeats a name on the first page of 12 or 20, in the province or a few cities', async () => {
    for (const sort of ProductSort.options) {
      for (const region of [undefined, '440100', '440300', '440600', '441900', '445100']) {
        for (const category of [undefined, ...CATEGORY_IDS]) {
          for (const limit of [12, 20]) {
            const names = await productNames({ region, category, sort, limit });
            assert.deepEqual(repeated(names), [], `${sort} ${region ?? 'province'} ${category ?? 'all'} ${limit}`);
          }
        }
      }
    }
  });

  test('no page of a policy search repeats a title', async () => {
    for (const q of ['法', '办法', '中小企业', '服务券', undefined]) {
      let cursor: string | undefined;
      for (let page = 0; page < 5; page++) {
        const response = await request(server.apiUrl, `/policies${query({ q, limit: 20, cursor })}`);
        assert.equal(response.status, 200, JSON.stringify(response.body));
        const body = PolicyPage.parse(response.body);
        assert.deepEqual(repeated(body.items.map((policy) => policy.title)), [], `q=${q} page ${page + 1}`);
        if (!body.nextCursor) break;
        cursor = body.nextCursor;
      }
    }
  });

  test('every step of a demo enterprise’s voucher that the enterprise took names the enterprise itself', async () => {
    const users = DemoUserList.parse((await request(server.apiUrl, '/demo/users?role=enterprise')).body).items;
    assert.ok(users.length >= 3);
    for (const user of users) {
      const token = await request<{ token: string }>(server.apiUrl, '/demo/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: user.id }),
      });
      const response = await request(server.apiUrl, '/me/vouchers?limit=100', {
        headers: { authorization: `Bearer ${token.body.token}` },
      });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const vouchers = VoucherPage.parse(response.body).items;
      assert.ok(vouchers.length > 0, user.id);
      for (const voucher of vouchers) {
        const names = new Set(voucher.history.filter((e) => e.actor.role === 'enterprise').map((e) => e.actor.name));
        assert.deepEqual([...names], [user.organization], `${voucher.id} of ${user.id}`);
      }
    }
  });

  test('every seeded event starts and ends between 08:30 and 21:00 Beijing time on one day, lasting 1 to 8 hours', async () => {
    let seen = 0;
    for (let offset = -4; offset <= 7; offset++) {
      const month = testMonth(offset);
      let cursor: string | undefined;
      do {
        const response = await request(
          server.apiUrl,
          `/events${query({ from: month.from, to: month.to, limit: 500, cursor })}`,
        );
        assert.equal(response.status, 200, JSON.stringify(response.body));
        const page = ServiceEventPage.parse(response.body);
        for (const event of page.items) {
          seen += 1;
          const start = event.startsAt.slice(11, 16);
          const end = event.endsAt.slice(11, 16);
          assert.match(event.startsAt, /\+08:00$/);
          assert.equal(event.startsAt.slice(0, 10), event.endsAt.slice(0, 10), `${event.id} ends the next day`);
          assert.ok(start >= '08:30' && end <= '21:00', `${event.id} ${event.type} ${start}–${end}`);
          const hours = (Date.parse(event.endsAt) - Date.parse(event.startsAt)) / 3_600_000;
          assert.ok(hours >= 1 && hours <= 8, `${event.id} lasts ${hours} h`);
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    assert.ok(seen > 50, `${seen} events`);
  });
});
