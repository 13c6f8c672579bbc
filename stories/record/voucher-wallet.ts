// <smec-voucher-wallet>'s stories: the demo enterprise's wallet (vouchers in every status, open and upcoming
// batches, engagements), a claim and the wallet after it, the use dialog's preview, a product the platform refuses,
// and nobody signed in.
import type { SmecClient } from '@smec/sdk';
import { NOT_ELIGIBLE_AMOUNT, USE_AMOUNT } from '../support/inputs.js';
import { refused, type Recorder, type WidgetRecorder } from './recorder.js';

/** The seed's demo enterprise: it holds a voucher in every status. */
const ENTERPRISE = 'usr-ent-01';
/** The wallet's page size (wallet-api.ts) and the product picker's (use-api.ts). */
const LIMIT = 100;
const PICKER_LIMIT = 8;

/** What the wallet loads: every page of the vouchers and engagements, and the open and upcoming batches. */
async function wallet(client: SmecClient) {
  // Settled, not raced: a refusal must not leave the other answers unrecorded.
  const [vouchers, ...others] = await Promise.allSettled([
    client.vouchers.list({ limit: LIMIT }),
    client.engagements.list({ limit: LIMIT }),
    client.vouchers.listBatches({ state: 'open', limit: LIMIT }),
    client.vouchers.listBatches({ state: 'upcoming', limit: LIMIT }),
  ]);
  for (const answer of others) if (answer.status === 'rejected') throw answer.reason;
  if (vouchers.status === 'rejected') throw vouchers.reason;
  if (vouchers.value.nextCursor) throw new Error('the demo enterprise holds more than a page of vouchers');
  return vouchers.value.items;
}

export async function recordVoucherWallet(recorder: Recorder): Promise<WidgetRecorder> {
  const recording = recorder.widget('voucher-wallet');
  const enterprise = recording.scenario('enterprise', { user: ENTERPRISE });
  const vouchers = await wallet(enterprise);
  // The count of 「消息 (N)」 (notifications/unread-notifications.ts), asked once the wallet has loaded.
  await enterprise.request({ path: '/me/notifications', query: { unread: true, limit: 1 } });
  const issued = vouchers.filter((voucher) => voucher.status === 'issued');
  const [product] = (await enterprise.products.list({ voucherEligible: true, limit: PICKER_LIMIT })).items;
  if (!product || issued.length === 0) throw new Error('the demo enterprise has no voucher to use on a product');
  // The dialog's preview, whichever of the issued vouchers the story opens.
  for (const voucher of issued) {
    await enterprise.vouchers.quote(voucher.id, { productId: product.id, contractAmount: USE_AMOUNT.fen });
  }

  // A product that takes no vouchers, as the catalog's 「用券购买」 could hand it over: refused next to the product.
  const [notEligible] = (await recorder.look.products.list({ voucherEligible: false, limit: 1 })).items;
  if (!notEligible) throw new Error('the seed has no product that takes no vouchers');
  const refusing = recording.scenario('notEligible', { user: ENTERPRISE, base: 'enterprise' });
  for (const voucher of issued) {
    const input = { productId: notEligible.id, contractAmount: NOT_ELIGIBLE_AMOUNT.fen };
    await refused(refusing.vouchers.quote(voucher.id, input), 409);
  }

  // 「领取」 on the first open batch the enterprise may still claim (the others' refusals are recorded too), then
  // the wallet the platform shows afterwards.
  const batches = await recorder.lookAs(ENTERPRISE).vouchers.listBatches({ state: 'open', limit: LIMIT });
  let claimed: string | undefined;
  for (const batch of batches.items) {
    claimed = await enterprise.vouchers.claim(batch.id).then(
      () => batch.id,
      () => undefined,
    );
    if (claimed) break;
  }
  if (!claimed) throw new Error('the demo enterprise may claim no open batch');
  await wallet(enterprise);

  // Nobody signed in: the platform answers 401 for the wallet; the batches are public.
  await refused(wallet(recording.scenario('signedOut')), 401);

  Object.assign(recording.ids, {
    claimBatch: claimed,
    notEligibleProduct: notEligible.id,
    notEligibleName: notEligible.name,
  });
  return recording;
}
