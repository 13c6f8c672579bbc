// <smec-provider-workbench>'s stories: the demo provider's workbench (the banner, its products with a draft still
// missing its publics, its engagements and follow-ups, its profile, the ratings it received, its experts), the editor
// of that draft, and nobody signed in.
import type { SmecClient } from '@smec/sdk';
import { refused, type Recorder, type WidgetRecorder } from './recorder.js';

/** The seed's demo provider user: its provider has drafts, published products, an order and a follow-up. */
const PROVIDER = 'usr-prv-01';
/** The workbench's page size (workbench-api.ts). */
const LIMIT = 100;

/** What the workbench loads first (workbench-api.ts) and what its products view adds (the names of codes). */
async function workbench(client: SmecClient) {
  const [account, products] = await Promise.all([
    client.me.provider.get(),
    client.me.products.list({ limit: LIMIT }),
    client.engagements.list({ limit: LIMIT }),
    client.ratings.list({ limit: LIMIT }),
    client.categories.list(),
    client.regions.list(),
  ]);
  return { account, products: products.items };
}

export async function recordProviderWorkbench(recorder: Recorder): Promise<WidgetRecorder> {
  const recording = recorder.widget('provider-workbench');
  const provider = recording.scenario('provider', { user: PROVIDER });
  const { account, products } = await workbench(provider);
  // The count of 「消息 (N)」 (notifications/unread-notifications.ts), asked once the account has loaded.
  await provider.request({ path: '/me/notifications', query: { unread: true, limit: 1 } });
  // The experts view lists the provider's own (experts-view.ts); the ratings view reads what loaded first.
  await provider.experts.list({ providerId: account.profile.id, limit: LIMIT });
  const draft = products.find((product) => product.status === 'draft' && product.missing.length > 0);
  if (!draft) throw new Error('the demo provider has no draft still missing its publics');
  // The editor reads nothing more. Nobody signed in: the platform answers 401 for each of the first reads (a client
  // handed over ready-made may carry a token the workbench cannot see, so it asks).
  const signedOut = recording.scenario('signedOut');
  await Promise.all([
    refused(signedOut.me.provider.get(), 401),
    refused(signedOut.me.products.list({ limit: LIMIT }), 401),
    refused(signedOut.engagements.list({ limit: LIMIT }), 401),
    refused(signedOut.ratings.list({ limit: LIMIT }), 401),
  ]);
  Object.assign(recording.ids, { draft: draft.id });
  return recording;
}
