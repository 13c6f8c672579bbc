// The generated enterprises' engagements over the 18 months before the as-of day, most paid in part by a voucher
// of a batch open at the time, and Guangzhou's batch used up by them.
import type { DatabaseHandle } from '../db/database.js';
import { isRegionWithin } from '@smec/schemas/rules';
import { dayStart } from '../time/shanghai.js';
import type { Random } from './prng.js';
import { SEED_BATCHES, type BatchSpec } from './voucher-batches.js';
import type { SeedEnterprise } from './voucher-enterprises.js';
import { voucherSteps, type Actor, type SeedProduct, type VoucherLedger } from './voucher-ledger.js';

export const GENERATED_ENGAGEMENTS = 3000;

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface GeneratedHoldingsInput {
  readonly asOf: number;
  readonly generated: readonly SeedEnterprise[];
  /** Every voucher-eligible product that costs something. */
  readonly products: readonly SeedProduct[];
  readonly spec: (batchId: string) => BatchSpec;
}

/** GENERATED_ENGAGEMENTS engagements of the generated enterprises, every step before the as-of instant. */
export function seedGeneratedEngagements(ledger: VoucherLedger, random: Random, input: GeneratedHoldingsInput): void {
  const { asOf, generated, products, spec } = input;
  let generatedNo = 0;
  const from = dayStart(asOf, -540) + 9 * HOUR;
  const to = dayStart(asOf, -1) + 18 * HOUR;
  const historical = [
    SEED_BATCHES.old,
    'vbt-old-440600',
    SEED_BATCHES.previousYear,
    SEED_BATCHES.closed,
    'vbt-closed-440000-q',
    SEED_BATCHES.open,
  ].map(spec);
  for (let n = 0; n < GENERATED_ENGAGEMENTS; n++) {
    const enterprise = random.pick(generated);
    const product = random.pick(products);
    const createdTs = random.int(from, to);
    const closed = random.chance(createdTs < dayStart(asOf, -150) ? 0.85 : 0.45);
    const path = [
      { status: 'confirmed' as const, gapDays: random.int(0, 3) },
      { status: 'inProgress' as const, gapDays: random.int(1, 5) },
      { status: 'delivered' as const, gapDays: random.int(5, 20) },
      { status: 'delivered' as const, gapDays: random.int(1, 5), accepted: true },
      ...(closed ? [{ status: 'closed' as const, gapDays: random.int(5, 15) }] : []),
    ];
    const me: Actor = { role: 'enterprise', name: enterprise.name };
    const id = `eng-${String(++generatedNo).padStart(6, '0')}`;
    const batch = random.chance(0.75)
      ? random
          .sample(historical, historical.length)
          .find(
            (candidate) =>
              candidate.opens < createdTs &&
              candidate.sizes.includes(enterprise.size) &&
              candidate.regions.some((scope) => isRegionWithin(enterprise.region_code, scope)) &&
              !ledger.holds.has(`${candidate.id} ${enterprise.id}`) &&
              (ledger.active.get(candidate.id) ?? 0) < candidate.quota &&
              Math.min(createdTs, candidate.closes) - candidate.opens > DAY &&
              Math.min(candidate.opens + candidate.useWithinDays * DAY, candidate.settleBy) > createdTs,
          )
      : undefined;
    if (!batch) {
      ledger.addEngagement({ id, enterprise, enterpriseActor: me, product, createdTs, path, voucher: null });
      continue;
    }
    const claimedTs = random.int(batch.opens, Math.min(createdTs, batch.closes) - HOUR);
    const useBy = Math.min(claimedTs + batch.useWithinDays * DAY, batch.settleBy);
    const usedTs = useBy > createdTs ? createdTs : random.int(claimedTs + HOUR, useBy - HOUR);
    const voucherId = `vch-${String(generatedNo).padStart(6, '0')}`;
    const { entries } = ledger.addEngagement({
      id,
      enterprise,
      enterpriseActor: me,
      product,
      createdTs: usedTs,
      path,
      voucher: { id: voucherId, batch },
    });
    ledger.addVoucher({
      id: voucherId,
      batch,
      enterprise,
      claimedTs,
      steps: voucherSteps(usedTs, id, product.name, me, entries),
      engagementId: id,
    });
  }
}

/** Guangzhou's batch is used up: its quota is the vouchers its generated enterprises claimed, none of them used. */
export function seedExhaustedBatch(
  sqlite: DatabaseHandle['sqlite'],
  ledger: VoucherLedger,
  random: Random,
  input: Pick<GeneratedHoldingsInput, 'generated' | 'spec'>,
): void {
  const { generated, spec } = input;
  const guangzhou = spec(SEED_BATCHES.exhausted);
  const claimants = generated.filter((enterprise) => enterprise.city_code === '440100').slice(0, 150);
  for (const enterprise of claimants) {
    ledger.addVoucher({
      id: `vch-gz-${enterprise.uscc.slice(-6).toLowerCase()}${String(ledger.codeNo).padStart(5, '0')}`,
      batch: guangzhou,
      enterprise,
      claimedTs: random.int(guangzhou.opens, guangzhou.opens + 20 * DAY),
      steps: [],
      engagementId: null,
    });
  }
  sqlite.prepare('UPDATE voucher_batches SET quota = ? WHERE id = ?').run(Math.max(1, claimants.length), guangzhou.id);
}
