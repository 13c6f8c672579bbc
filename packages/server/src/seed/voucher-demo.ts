// The demo enterprises' vouchers and engagements, every date relative to the seed's as-of instant (whole days from
// its Shanghai day).
//
// Every seeded enterprise user (usr-ent-01 … usr-ent-20) holds, in its enterprise's name (size small, recognised as
// a technology-based SME, `techSme`):
//   - two `issued` vouchers of open province batches: vbt-open-440000-a (¥5,000) and vbt-open-440000-b (¥10,000),
//     usable on any published voucher-eligible product of an unrelated provider;
//     usr-ent-01's are `vch-demo-0001` (use/quote example, on prd-00002) and `vch-demo-0002` (return example);
//   - a `withdrawn` voucher of vbt-open-440000-a (claimed, handed back, then claimed again: see the migration);
//   - an `ordered` voucher (vbt-closed-440000-q) with its `ordered` engagement, a `confirmed` one (vbt-open-440000-d)
//     with its `confirmed` engagement, a `delivered` one (vbt-closed-440000) with its delivered and accepted
//     engagement, a `settled` one (vbt-prev-440000) with its `closed` engagement, an `expired` one (vbt-old-440000);
//   - engagements without a voucher: one `inProgress`, one `delivered` not yet accepted, one `cancelled`, and four
//     delivered and accepted, none rated;
//   - nothing of vbt-open-440000-c (CLAIMABLE_BATCH_ID: the claim example and the widgets' claim tests) nor of
//     vbt-open-440600 (Foshan, open: its enterprises can claim it too) nor of vbt-next-440000 (UPCOMING_BATCH_ID).
// usr-ent-01's engagements: eng-demo-0001 closed, eng-demo-0002 ordered from prv-00001 (usr-prv-01's provider),
// eng-demo-0003 delivered and accepted without a voucher, eng-demo-0004 delivered and accepted with a voucher.
import { dayStart } from '../time/shanghai.js';
import type { Random } from './prng.js';
import { SEED_BATCHES, type BatchSpec } from './voucher-batches.js';
import type { SeedEnterprise } from './voucher-enterprises.js';
import { voucherSteps, type Actor, type PathStep, type SeedProduct, type VoucherLedger } from './voucher-ledger.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface DemoHoldingsInput {
  readonly asOf: number;
  /** The demo enterprises, in the order of their users. */
  readonly enterprises: readonly SeedEnterprise[];
  /** The voucher-eligible products of the seeded providers' users. */
  readonly demoProducts: readonly SeedProduct[];
  readonly spec: (batchId: string) => BatchSpec;
}

/** Gives every demo enterprise its vouchers and engagements (see the top of the file); usr-ent-01's come first. */
export function seedDemoHoldings(ledger: VoucherLedger, random: Random, input: DemoHoldingsInput): void {
  const { asOf, enterprises: demoEnterprises, demoProducts, spec } = input;
  let voucherNo = 0;
  let engagementNo = 0;
  const nextVoucherId = () => `vch-demo-${String(++voucherNo).padStart(4, '0')}`;
  const nextEngagementId = () => `eng-demo-${String(++engagementNo).padStart(4, '0')}`;
  /** `days` whole days from the as-of day at `hour`, plus up to `jitterDays` days and 8 hours. */
  const at = (days: number, jitterDays: number, hour = 9) =>
    dayStart(asOf, days) + hour * HOUR + random.int(0, jitterDays) * DAY + random.int(0, 8) * HOUR;
  /** `days` whole days after a batch opens (09:00), plus the same jitter. */
  const after = (batch: BatchSpec, days: number, jitterDays: number, hour = 9) =>
    batch.opens + (hour - 9) * HOUR + days * DAY + random.int(0, jitterDays) * DAY + random.int(0, 8) * HOUR;
  const restricted = (batch: BatchSpec) =>
    demoProducts.filter((product) => batch.categories.includes(product.category_id));

  demoEnterprises.forEach((enterprise, index) => {
    // The enterprise acts as itself, as the API names it (vouchers/history.ts actorOf), not as whoever signed in.
    const me: Actor = { role: 'enterprise', name: enterprise.name };
    const first = index === 0;
    const productAt = (offset: number) => demoProducts[(index * 7 + offset) % demoProducts.length] as SeedProduct;
    const a = spec(SEED_BATCHES.open);
    const b = spec('vbt-open-440000-b');
    const h1 = spec(SEED_BATCHES.closed);
    const q3 = spec('vbt-closed-440000-q');
    const d = spec('vbt-open-440000-d');
    const y25 = spec(SEED_BATCHES.previousYear);
    const y25b = spec(SEED_BATCHES.old);

    // The two issued vouchers come first: usr-ent-01's are vch-demo-0001 and vch-demo-0002.
    ledger.addVoucher({
      id: nextVoucherId(),
      batch: a,
      enterprise,
      claimedTs: at(-24, 20),
      steps: [],
      engagementId: null,
    });
    ledger.addVoucher({
      id: nextVoucherId(),
      batch: b,
      enterprise,
      claimedTs: at(-61, 30),
      steps: [],
      engagementId: null,
    });
    const withdrawnClaim = at(-244, 20);
    ledger.addVoucher({
      id: nextVoucherId(),
      batch: a,
      enterprise,
      claimedTs: withdrawnClaim,
      steps: [{ status: 'withdrawn', ts: withdrawnClaim + 12 * DAY, actor: me, note: '企业退回，名额返还本批次' }],
      engagementId: null,
    });

    const withVoucher = (
      id: string,
      batch: BatchSpec,
      product: SeedProduct,
      claimedTs: number,
      createdTs: number,
      path: PathStep[],
    ) => {
      const voucherId = nextVoucherId();
      const { entries } = ledger.addEngagement({
        id,
        enterprise,
        enterpriseActor: me,
        product,
        createdTs,
        path,
        voucher: { id: voucherId, batch },
      });
      ledger.addVoucher({
        id: voucherId,
        batch,
        enterprise,
        claimedTs,
        steps: voucherSteps(createdTs, id, product.name, me, entries),
        engagementId: id,
      });
    };
    const without = (id: string, product: SeedProduct, createdTs: number, path: PathStep[]) =>
      ledger.addEngagement({ id, enterprise, enterpriseActor: me, product, createdTs, path, voucher: null });
    const deliveredAccepted = [
      { status: 'confirmed' as const, gapDays: 1 },
      { status: 'inProgress' as const, gapDays: 2 },
      { status: 'delivered' as const, gapDays: 10 },
      { status: 'delivered' as const, gapDays: 2, accepted: true },
    ];

    // usr-ent-01's first four engagements are the API examples' (see the top of the file).
    const closedId = nextEngagementId();
    withVoucher(closedId, y25, productAt(0), after(y25, 7, 20), after(y25, 64, 20, 10), [
      ...deliveredAccepted,
      { status: 'closed', gapDays: 12 },
    ]);
    const orderedProduct = first
      ? (demoProducts.find((product) => product.provider_id === 'prv-00001') ?? productAt(1))
      : productAt(1);
    withVoucher(nextEngagementId(), q3, orderedProduct, after(q3, 5, 30), at(-12, 8, 10), []);
    without(nextEngagementId(), productAt(2), at(-90, 20, 10), deliveredAccepted);
    withVoucher(nextEngagementId(), h1, productAt(3), after(h1, 28, 30), after(h1, 120, 30, 10), deliveredAccepted);
    const dProducts = restricted(d);
    withVoucher(
      nextEngagementId(),
      d,
      dProducts[index % Math.max(1, dProducts.length)] ?? productAt(4),
      at(-48, 20),
      at(-20, 10, 10),
      [{ status: 'confirmed', gapDays: 2 }],
    );
    // Expired: claimed in 2025, never used by its deadline; the platform voided it.
    const expiredClaim = after(y25b, 3, 20);
    ledger.addVoucher({
      id: nextVoucherId(),
      batch: y25b,
      enterprise,
      claimedTs: expiredClaim,
      steps: [
        {
          status: 'expired',
          ts: Math.min(expiredClaim + y25b.useWithinDays * DAY, y25b.settleBy) + 10 * 60_000,
          actor: { role: 'system', name: '服务券平台' },
          note: '超过使用期限未使用，自动作废',
        },
      ],
      engagementId: null,
    });
    without(nextEngagementId(), productAt(5), at(-27, 10, 10), [
      { status: 'confirmed', gapDays: 1 },
      { status: 'inProgress', gapDays: 3 },
    ]);
    without(nextEngagementId(), productAt(6), at(-42, 10, 10), [
      { status: 'confirmed', gapDays: 1 },
      { status: 'inProgress', gapDays: 2 },
      { status: 'delivered', gapDays: 12 },
    ]);
    without(nextEngagementId(), productAt(7), at(-114, 30, 10), [{ status: 'cancelled', gapDays: 1 }]);
    for (let extra = 0; extra < 3; extra++) {
      without(nextEngagementId(), productAt(8 + extra), at(-181, 120, 10), deliveredAccepted);
    }
    if (first && closedId !== 'eng-demo-0001') throw new Error('The example engagements must come first');
  });
}
