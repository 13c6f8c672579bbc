// <smec-provider-workbench>'s stories: the demo provider's workbench (the banner, its products with a draft still
// missing its publics, its engagements and follow-ups, its profile), the editor of that draft, and nobody signed in.
import type { SmecClient } from '@smec/sdk';
import type { Recorder, WidgetRecorder } from './recorder.js';

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
  const { products } = await workbench(provider);
  const draft = products.find((product) => product.status === 'draft' && product.missing.length > 0);
  if (!draft) throw new Error('the demo provider has no draft still missing its publics');
  // The editor reads nothing more; nobody signed in asks for nothing (the workbench knows there is no token).
  recording.scenario('signedOut');
  Object.assign(recording.ids, { draft: draft.id });
  return recording;
}
