// <smec-catalog>'s stories: a visitor browsing the province's products, a product opened, a filtered page, a search
// that finds nothing.
import { NOTHING_MATCHES } from '../support/inputs.js';
import type { Recorder, WidgetRecorder } from './recorder.js';

/** The page size of the stories (the widget's default). */
const PAGE = 12;

export async function recordCatalog(recorder: Recorder): Promise<WidgetRecorder> {
  const catalog = recorder.widget('catalog');
  const visitor = catalog.scenario('visitor');
  await Promise.all([visitor.categories.list(), visitor.regions.list()]);
  const first = await visitor.products.list({ limit: PAGE });
  const opened = first.items[0];
  if (!opened) throw new Error('the seed has no published product');
  await visitor.products.get(opened.id);
  await visitor.products.list({ limit: PAGE, region: '440600', category: 'legal' });
  const nothing = await visitor.products.list({ limit: PAGE, q: NOTHING_MATCHES });
  if (nothing.total !== 0)
    throw new Error(`「${NOTHING_MATCHES}」 finds ${nothing.total} products: choose another search`);
  return catalog;
}
