// Orders beyond vouchers (0029): the free services the earlier parts seeded become what an order of a free product
// is (at 0, `free`); the seeded demands in service or closed are served by an engagement with their proposal's
// provider and product (in progress, or accepted and closed); and the demo enterprise has a matched demand whose
// proposals the API's example accepts (DEMO_ORDER_DEMAND).
import { DEMO_ORDER_DEMAND } from '@smec/schemas/openapi';
import type { DatabaseHandle } from '../db/database.js';
import { phoneHash } from '../demands/tracking.js';
import { demandDeadlinesFrom, DEFAULT_DEADLINES } from '../demands/deadline-days.js';
import { dayStart, shanghaiDateTime } from '../time/shanghai.js';
import type { SeedOptions } from './catalog.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const DEMO_ENTERPRISE_USER = 'usr-ent-01';

export function seedOrders(handle: DatabaseHandle, secret: Buffer, options: SeedOptions): void {
  const { sqlite } = handle;
  sqlite.transaction(() => {
    freeServicesAtZero(handle);
    engagementsOfServedDemands(handle);
    demoDemand(handle, secret, options.asOf);
    sqlite
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('orders_seeded_at', new Date(options.asOf).toISOString());
  })();
}

/** A free product's service without a voucher is ordered at 0: the amounts the earlier seed gave them go. */
function freeServicesAtZero({ sqlite }: DatabaseHandle): void {
  sqlite
    .prepare(
      `UPDATE engagements SET contract_amount = 0, voucher_amount = 0, self_paid = 0, price_kind = 'free'
       WHERE voucher_id IS NULL AND product_id IN (SELECT id FROM products WHERE is_free = 1)`,
    )
    .run();
}

interface ServedDemand {
  readonly seq: number;
  readonly id: string;
  readonly tracking_no: string;
  readonly status: 'inService' | 'closed';
  readonly updated_at: string;
  readonly proposal_id: string;
  readonly provider_id: string;
  readonly provider_name: string;
  readonly product_id: string;
  readonly product_name: string;
  readonly category_id: string;
  readonly is_free: number;
  readonly price: number;
  readonly enterprise_id: string;
  readonly enterprise_name: string;
  readonly enterprise_region_code: string;
}

/**
 * Each seeded demand in service (or closed after a service) whose enterprise is on the platform is served by an
 * engagement of its first proposal with a product: ordered the day it went into service, in progress while the
 * demand is, accepted and closed when the demand closed. Both timelines name the other.
 */
function engagementsOfServedDemands({ sqlite }: DatabaseHandle): void {
  const demands = sqlite
    .prepare(
      `SELECT d.seq, d.id, d.tracking_no, d.status, d.updated_at, dp.id AS proposal_id, pr.id AS provider_id,
         pr.name AS provider_name, p.id AS product_id, p.name AS product_name, p.category_id, p.is_free, p.price,
         e.id AS enterprise_id, e.name AS enterprise_name, e.region_code AS enterprise_region_code
       FROM demands d
       JOIN demand_proposals dp ON dp.demand_seq = d.seq AND dp.position = (
         SELECT min(position) FROM demand_proposals WHERE demand_seq = d.seq AND product_id IS NOT NULL)
       JOIN providers pr ON pr.id = dp.provider_id
       JOIN products p ON p.id = dp.product_id
       JOIN enterprises e ON e.uscc = d.uscc
       WHERE d.status IN ('inService', 'closed') ORDER BY d.seq`,
    )
    .all() as ServedDemand[];
  const inService = sqlite.prepare(
    `SELECT at FROM demand_timeline WHERE demand_seq = ? AND status IN ('inService', 'closed') ORDER BY seq LIMIT 1`,
  );
  const insertEngagement = sqlite.prepare(
    `INSERT INTO engagements (id, enterprise_id, enterprise_name, enterprise_region_code, provider_id, provider_name,
       product_id, product_name, category_id, voucher_id, contract_amount, voucher_amount, self_paid, status,
       accepted_at, rating_id, created_at, created_ts, updated_at, price_kind, demand_id, demand_proposal_id)
     VALUES (@id, @enterprise_id, @enterprise_name, @enterprise_region_code, @provider_id, @provider_name,
       @product_id, @product_name, @category_id, NULL, @amount, 0, @amount, @status, @accepted_at, NULL, @created_at,
       @created_ts, @updated_at, @price_kind, @demand_id, @demand_proposal_id)`,
  );
  const insertStep = sqlite.prepare(
    `INSERT INTO engagement_timeline (engagement_seq, status, at, actor_role, actor_name, note)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const linkDemandStep = sqlite.prepare(
    `UPDATE demand_timeline SET engagement_id = ? WHERE demand_seq = ? AND status IN ('inService', 'closed')`,
  );
  demands.forEach((demand, index) => {
    const started = (inService.get(demand.seq) as { at: string } | undefined)?.at ?? demand.updated_at;
    const createdTs = Date.parse(started);
    const closed = demand.status === 'closed';
    const free = demand.is_free === 1;
    const amount = free ? 0 : Math.max(100, demand.price);
    const id = `eng-dmd-${String(index + 1).padStart(4, '0')}`;
    const result = insertEngagement.run({
      id,
      enterprise_id: demand.enterprise_id,
      enterprise_name: demand.enterprise_name,
      enterprise_region_code: demand.enterprise_region_code,
      provider_id: demand.provider_id,
      provider_name: demand.provider_name,
      product_id: demand.product_id,
      product_name: demand.product_name,
      category_id: demand.category_id,
      amount,
      status: closed ? 'closed' : 'inProgress',
      accepted_at: closed ? demand.updated_at : null,
      created_at: started,
      created_ts: createdTs,
      updated_at: closed ? demand.updated_at : started,
      price_kind: free ? 'free' : 'paid',
      demand_id: demand.id,
      demand_proposal_id: demand.proposal_id,
    });
    const seq = Number(result.lastInsertRowid);
    const paid = free ? '公益服务，免费' : `合同金额 ¥${(amount / 100).toFixed(2)}，企业自付`;
    const steps: [string, string, string, string][] = [
      [
        'ordered',
        started,
        'enterprise',
        `${demand.product_name}：${paid}；来自需求 ${demand.tracking_no}（${demand.id}）`,
      ],
      ['confirmed', shanghaiDateTime(createdTs + 2 * HOUR), 'provider', '服务机构已确认订单'],
      ['inProgress', shanghaiDateTime(createdTs + DAY), 'provider', '服务机构开始服务'],
    ];
    if (closed) {
      steps.push(['delivered', demand.updated_at, 'provider', '服务机构已交付']);
      steps.push(['delivered', demand.updated_at, 'enterprise', '企业已验收']);
      steps.push(['closed', demand.updated_at, 'system', '服务项目已完成']);
    }
    for (const [status, at, role, note] of steps) {
      const name = role === 'provider' ? demand.provider_name : role === 'enterprise' ? demand.enterprise_name : '平台';
      insertStep.run(seq, status, at, role, name, note);
    }
    linkDemandStep.run(id, demand.seq);
  });
}

/** The demo enterprise's demand matched two days ago: one proposal of a product, one of a provider only. */
function demoDemand({ sqlite }: DatabaseHandle, secret: Buffer, asOf: number): void {
  const enterprise = sqlite
    .prepare(
      `SELECT e.uscc, e.name, e.region_code, r.parent_code FROM users u JOIN enterprises e ON e.id = u.enterprise_id
       JOIN regions r ON r.code = e.region_code WHERE u.id = ?`,
    )
    .get(DEMO_ENTERPRISE_USER) as { uscc: string; name: string; region_code: string; parent_code: string } | undefined;
  const product = sqlite.prepare("SELECT id, provider_id, category_id FROM products WHERE id = 'prd-00002'").get() as
    { id: string; provider_id: string; category_id: string } | undefined;
  const other = sqlite
    .prepare(`SELECT id FROM providers WHERE listed = 1 AND admission = 'admitted' AND id <> ? ORDER BY seq LIMIT 1`)
    .get(product?.provider_id ?? '') as { id: string } | undefined;
  if (!enterprise || !product || !other) return;
  const submittedTs = dayStart(asOf, -6) + 10 * HOUR;
  const matchedTs = dayStart(asOf, -2) + 15 * HOUR;
  const due = demandDeadlinesFrom(submittedTs, DEFAULT_DEADLINES);
  const city = enterprise.parent_code.endsWith('0000') ? enterprise.region_code : enterprise.parent_code;
  const result = sqlite
    .prepare(
      `INSERT INTO demands (id, tracking_no, uscc, enterprise_name, contact_name, contact_phone, phone_hash,
         region_code, city_code, category_id, product_id, title, description, budget_fen, expected_by, status,
         reject_reason, submitted_at, submitted_ts, updated_at, contact_shared, accept_by_ts, first_match_by_ts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, 'matched', NULL, ?, ?, ?, 1, ?, ?)`,
    )
    .run(
      DEMO_ORDER_DEMAND.id,
      DEMO_ORDER_DEMAND.trackingNo,
      enterprise.uscc,
      enterprise.name,
      '林经理',
      DEMO_ORDER_DEMAND.phone,
      phoneHash(secret, DEMO_ORDER_DEMAND.phone),
      enterprise.region_code,
      city,
      product.category_id,
      '出口产品海外技术法规咨询',
      `${enterprise.name}计划明年将产品出口欧盟，需要了解目标市场的技术法规和认证要求，希望由专业机构提供咨询。`,
      3_000_000,
      shanghaiDateTime(submittedTs),
      submittedTs,
      shanghaiDateTime(matchedTs),
      due.acceptBy,
      due.firstMatchBy,
    );
  const seq = Number(result.lastInsertRowid);
  const insertProposal = sqlite.prepare(
    `INSERT INTO demand_proposals (id, demand_seq, provider_id, product_id, note, proposed_at, proposed_ts, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = shanghaiDateTime(matchedTs);
  insertProposal.run(
    DEMO_ORDER_DEMAND.proposals[0],
    seq,
    product.provider_id,
    product.id,
    '该机构长期服务出口企业',
    at,
    matchedTs,
    0,
  );
  insertProposal.run(DEMO_ORDER_DEMAND.proposals[1], seq, other.id, null, null, at, matchedTs, 1);
  const step = sqlite.prepare(
    'INSERT INTO demand_timeline (demand_seq, status, at, actor, note) VALUES (?, ?, ?, ?, ?)',
  );
  step.run(seq, 'submitted', shanghaiDateTime(submittedTs), 'submitter', null);
  step.run(seq, 'accepted', shanghaiDateTime(submittedTs + DAY), 'center', '已受理，正在为您匹配服务机构');
  step.run(seq, 'matched', at, 'center', '已为您推荐两家服务机构，请选择后预约');
}
