// The province-scale seed's engagements of the appended enterprises with the appended products over 2025–2026: their
// timelines, the vouchers that paid part of them, the ratings of the accepted ones with the follow-ups of the bad
// ones, and unused, expired and handed-back vouchers besides.
import { needsFollowUp, ratingGrade } from '@smec/schemas';
import type { DatabaseHandle } from '../db/database.js';
import { enterpriseLabel } from '../ratings/label.js';
import { addWorkingDays, FOLLOW_UP_WORKING_DAYS } from '../time/working-days.js';

import { Random } from './prng.js';
import { weightedIndex, type ProvinceEnterprises } from './province-enterprises.js';
import {
  addUnusedVouchers,
  provinceBatches,
  VoucherLedger,
  type Holder,
  type VoucherStep,
} from './province-vouchers.js';
import { ANSWERS, COMMENTS, levelOf, scoresNear } from './rating-content.js';
import { dayStart, shanghaiDateTime, shanghaiDay } from '../time/shanghai.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface EngagementOptions {
  readonly seed: number;
  readonly count: number;
  /** The first seq of the appended products: engagements are of those. */
  readonly productSeqFrom: number;
  readonly enterprises: ProvinceEnterprises;
  /** The "today" of the data: every step happened before it. */
  readonly asOf: number;
  /** Unused vouchers of the open province batch, expired ones of 2025, handed-back ones. */
  readonly unusedVouchers: number;
}

export interface AppendedEngagements {
  readonly engagements: number;
  readonly vouchers: number;
  readonly ratings: number;
  readonly followUps: number;
}

interface ProductRow {
  id: string;
  name: string;
  category_id: string;
  provider_id: string;
  provider_name: string;
  legal: string;
  price: number;
  voucher_eligible: number;
  published_ts: number;
}

type Status = 'ordered' | 'confirmed' | 'inProgress' | 'delivered' | 'closed' | 'cancelled';

interface Entry {
  status: Status;
  ts: number;
  actorRole: 'enterprise' | 'provider' | 'admin';
  actorName: string;
  note: string;
}

const NOTES: Record<Exclude<Status, 'ordered'>, string> = {
  confirmed: '服务机构已确认订单',
  inProgress: '服务机构开始服务',
  delivered: '服务机构已交付',
  closed: '服务中心已结算',
  cancelled: '企业取消订单',
};
const ACCEPTED = '企业已验收';

export function appendProvinceEngagements(handle: DatabaseHandle, options: EngagementOptions): AppendedEngagements {
  const { sqlite } = handle;
  const { enterprises, asOf } = options;
  const random = new Random(options.seed ^ 0x0e9a_9e3e);
  const stamp = shanghaiDateTime(asOf);

  const regions = sqlite.prepare("SELECT code, name, level FROM regions WHERE level <> 'county'").all() as {
    code: string;
    name: string;
    level: string;
  }[];
  const cityName = new Map(regions.map((region) => [region.code, region.name]));
  const admins = new Map(
    (
      sqlite.prepare("SELECT region_code, name FROM users WHERE role = 'admin'").all() as {
        region_code: string;
        name: string;
      }[]
    ).map((row) => [row.region_code, row.name]),
  );
  const products = sqlite
    .prepare(
      `SELECT p.id, p.name, p.category_id, p.provider_id, v.name AS provider_name, v.legal_representative AS legal,
         p.price, p.voucher_eligible, p.published_ts
       FROM products p JOIN providers v ON v.seq = p.provider_seq
       WHERE p.listed = 1 AND p.seq >= ? ORDER BY p.seq`,
    )
    .all(options.productSeqFrom) as ProductRow[];
  if (products.length === 0 || enterprises.id.length === 0) throw new Error('Seed the products and enterprises first');
  // A few products sell far more than the rest; each has its own typical rating.
  const pickProduct = weightedIndex(products.map(() => Math.exp(random.bell(0, 5, -2.5, 2.5))));
  const productMean = products.map(() => random.bell(87, 18, 64, 97));

  const ledger = new VoucherLedger(
    handle,
    random,
    provinceBatches(
      regions.filter((region) => region.level === 'city'),
      asOf,
    ),
    stamp,
  );
  const holderOf = (index: number): Holder => ({
    index,
    id: enterprises.id[index] ?? '',
    cityCode: enterprises.cityCode[index] ?? '',
    size: enterprises.size[index] ?? 'micro',
    actorName: enterprises.name[index] ?? '',
  });

  const insertEngagement = sqlite.prepare(
    `INSERT INTO engagements (id, enterprise_id, enterprise_name, enterprise_region_code, provider_id, provider_name,
       product_id, product_name, category_id, voucher_id, contract_amount, voucher_amount, self_paid, status,
       accepted_at, rating_id, created_at, created_ts, updated_at, price_kind)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTimeline = sqlite.prepare(
    `INSERT INTO engagement_timeline (engagement_seq, status, at, actor_role, actor_name, note)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertRating = sqlite.prepare(
    `INSERT INTO ratings (id, engagement_id, enterprise_id, region_code, city_code, provider_id, product_id,
       product_name, attitude, expertise, conduct, fulfilment, quality, value, usefulness, after_sales, score, grade,
       level, solved, comment, enterprise_label, created_at, created_ts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFollowUp = sqlite.prepare(
    `INSERT INTO follow_ups (id, rating_seq, status, opened_at, due_on, reopened_at, reopen_reason, reopen_count,
       updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAnswer = sqlite.prepare('INSERT INTO follow_up_answers (follow_up_seq, text, at) VALUES (?, ?, ?)');

  let ratings = 0;
  let followUps = 0;
  const serial = (prefix: string, n: number) => `${prefix}-p${String(n).padStart(7, '0')}`;

  /** The steps after the order, each after the one before, cut at the as-of day (what has not happened yet). */
  const pathFrom = (createdTs: number, holder: Holder, product: ProductRow): Entry[] => {
    const provider = { actorRole: 'provider' as const, actorName: `${product.provider_name} 项目负责人` };
    const me = { actorRole: 'enterprise' as const, actorName: holder.actorName };
    const admin = {
      actorRole: 'admin' as const,
      actorName: admins.get(holder.cityCode) ?? admins.get('440000') ?? '广东省中小企业服务中心 管理员',
    };
    const steps: [Exclude<Status, 'ordered'>, number, typeof me | typeof provider | typeof admin, boolean][] = [];
    if (random.chance(0.03)) steps.push(['cancelled', random.int(0, 3), me, false]);
    else {
      steps.push(['confirmed', random.int(0, 3), provider, false]);
      steps.push(['inProgress', random.int(1, 5), provider, false]);
      steps.push(['delivered', random.int(5, 25), provider, false]);
      if (random.chance(0.96)) {
        steps.push(['delivered', random.int(1, 6), me, true]);
        if (random.chance(0.8)) steps.push(['closed', random.int(5, 20), admin, false]);
      }
    }
    const entries: Entry[] = [];
    let ts = createdTs;
    for (const [status, gapDays, actor, accepted] of steps) {
      ts += gapDays * DAY + random.int(1, 6) * HOUR;
      if (ts >= asOf - HOUR) break;
      entries.push({ status, ts, ...actor, note: accepted ? ACCEPTED : NOTES[status] });
    }
    return entries;
  };

  /** The voucher's own steps, which follow its engagement's. */
  const voucherSteps = (
    engagementId: string,
    productName: string,
    createdTs: number,
    holder: Holder,
    entries: Entry[],
  ) => {
    const steps: VoucherStep[] = [
      {
        status: 'ordered',
        ts: createdTs,
        actorRole: 'enterprise',
        actorName: holder.actorName,
        note: `用于服务项目 ${engagementId}（${productName}）`,
      },
    ];
    for (const entry of entries) {
      const status =
        entry.status === 'confirmed'
          ? 'confirmed'
          : entry.note === ACCEPTED
            ? 'delivered'
            : entry.status === 'closed'
              ? 'settled'
              : null;
      if (status) steps.push({ ...entry, status });
    }
    return steps;
  };

  const rate = (
    engagementId: string,
    holder: Holder,
    product: ProductRow,
    productIndex: number,
    ratedTs: number,
    id: string,
  ) => {
    const scores = scoresNear(random, productMean[productIndex] ?? 86);
    const score = scores.reduce((sum, value) => sum + value, 0);
    const level = levelOf(random, score);
    const city = cityName.get(holder.cityCode) ?? null;
    const createdAt = shanghaiDateTime(ratedTs);
    const { lastInsertRowid } = insertRating.run(
      id,
      engagementId,
      holder.id,
      enterprises.regionCode[holder.index],
      holder.cityCode,
      product.provider_id,
      product.id,
      product.name,
      ...scores,
      score,
      ratingGrade(score),
      level,
      level === 'verySatisfied' || (level !== 'veryDissatisfied' && random.chance(0.7)) ? 1 : 0,
      random.pick(COMMENTS[level]),
      enterpriseLabel(enterprises.name[holder.index] ?? '', city),
      createdAt,
      ratedTs,
    );
    ratings += 1;
    if (!needsFollowUp(level)) return;
    // The provider answers most within the deadline; the enterprise reopens some and the center closes them.
    const ageDays = (asOf - ratedTs) / DAY;
    const status = ageDays < 10 || random.chance(0.06) ? 'open' : random.chance(0.25) ? 'answered' : 'closed';
    const answeredTs = ratedTs + random.int(2, 9) * DAY + random.int(1, 8) * HOUR;
    const reopened = status === 'closed' && random.chance(0.15) && answeredTs + 6 * DAY < asOf;
    const reopenedTs = answeredTs + random.int(1, 4) * DAY;
    const due = addWorkingDays(shanghaiDay(reopened ? reopenedTs : ratedTs), FOLLOW_UP_WORKING_DAYS);
    const followUp = insertFollowUp.run(
      `fu-${id.slice(4)}`,
      Number(lastInsertRowid),
      status,
      createdAt,
      due,
      reopened ? shanghaiDateTime(reopenedTs) : null,
      reopened ? '问题仍未解决，请再次跟进。' : null,
      reopened ? 1 : 0,
      createdAt,
    );
    followUps += 1;
    if (status === 'open') return;
    const followUpSeq = Number(followUp.lastInsertRowid);
    insertAnswer.run(followUpSeq, random.pick(ANSWERS), shanghaiDateTime(answeredTs));
    if (reopened)
      insertAnswer.run(followUpSeq, random.pick(ANSWERS), shanghaiDateTime(reopenedTs + random.int(1, 2) * DAY));
  };

  // Orders over the 22 months before the as-of day, more of them as the platform grows, written in time order (the
  // time-led indexes then grow at their end).
  const from = dayStart(asOf, -660) + 9 * HOUR;
  const to = asOf - 2 * DAY;
  const created = Array.from({ length: options.count }, () => {
    const ts = from + Math.sqrt(random.next()) * (to - from);
    return Math.floor(ts / DAY) * DAY + random.int(1, 9) * HOUR + random.int(0, 59) * 60_000;
  }).sort((a, b) => a - b);

  let voucherNo = 0;
  sqlite.transaction(() => {
    created.forEach((orderedTs, n) => {
      // An order comes after the product's publication: a product published later is not drawn for it.
      let productIndex = pickProduct(random);
      while ((products[productIndex]?.published_ts ?? 0) + DAY > orderedTs) productIndex = pickProduct(random);
      const product = products[productIndex] as ProductRow;
      let index = random.int(0, enterprises.id.length - 1);
      // A related party (the same legal representative) may not order: another enterprise does.
      while (enterprises.legal[index] === product.legal) index = random.int(0, enterprises.id.length - 1);
      const holder = holderOf(index);
      const id = serial('eng', n + 1);
      const entries = pathFrom(orderedTs, holder, product);
      const contract = product.price;
      const cancelled = entries.some((entry) => entry.status === 'cancelled');
      const claim =
        product.voucher_eligible === 1 && !cancelled && contract > 0 && random.chance(0.65)
          ? ledger.claimFor(holder, orderedTs)
          : undefined;
      const voucherAmount = claim ? ledger.payment(claim.batch, holder, contract) : 0;
      const voucherId = claim && voucherAmount > 0 ? serial('vch', ++voucherNo) : null;
      const last = entries[entries.length - 1];
      const accepted = entries.find((entry) => entry.note === ACCEPTED);
      const ratedTs = accepted
        ? accepted.ts + random.int(1, 10) * DAY + random.int(1, 8) * HOUR
        : Number.POSITIVE_INFINITY;
      const ratingId = ratedTs < asOf - HOUR && random.chance(0.9) ? serial('rat', ratings + 1) : null;

      const { lastInsertRowid } = insertEngagement.run(
        id,
        holder.id,
        enterprises.name[index],
        enterprises.regionCode[index],
        product.provider_id,
        product.provider_name,
        product.id,
        product.name,
        product.category_id,
        voucherId,
        contract,
        voucherId ? voucherAmount : 0,
        contract - (voucherId ? voucherAmount : 0),
        last?.status ?? 'ordered',
        accepted ? shanghaiDateTime(accepted.ts) : null,
        ratingId,
        shanghaiDateTime(orderedTs),
        orderedTs,
        shanghaiDateTime(ratingId ? ratedTs : (last?.ts ?? orderedTs)),
        // A free (公益) product is ordered at 0, which only a free order may be (0029).
        contract === 0 ? 'free' : 'paid',
      );
      const seq = Number(lastInsertRowid);
      insertTimeline.run(
        seq,
        'ordered',
        shanghaiDateTime(orderedTs),
        'enterprise',
        holder.actorName,
        `${product.name}：合同金额 ¥${(contract / 100).toFixed(2)}`,
      );
      for (const entry of entries) {
        insertTimeline.run(seq, entry.status, shanghaiDateTime(entry.ts), entry.actorRole, entry.actorName, entry.note);
      }
      if (claim && voucherId) {
        ledger.add({
          id: voucherId,
          batch: claim.batch,
          holder,
          claimedTs: claim.claimedTs,
          steps: voucherSteps(id, product.name, orderedTs, holder, entries),
          engagementId: id,
          committed: voucherAmount,
        });
      }
      if (ratingId) rate(id, holder, product, productIndex, ratedTs, ratingId);
    });

    addUnusedVouchers(ledger, random, {
      asOf,
      count: options.unusedVouchers,
      enterpriseCount: enterprises.id.length,
      holderOf,
      nextId: () => serial('vch', ++voucherNo),
    });

    // What is left of each new batch: its quota less the vouchers still held.
    sqlite.exec(
      `UPDATE voucher_batches SET remaining = quota - (SELECT count(*) FROM vouchers v
         WHERE v.batch_seq = voucher_batches.seq AND v.status <> 'withdrawn')
       WHERE id LIKE 'vbt-%-p'`,
    );
  })();
  return { engagements: created.length, vouchers: ledger.vouchers, ratings, followUps };
}
