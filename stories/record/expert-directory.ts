// <smec-expert-directory>'s stories: a city's experts, the province's, and a search that finds nothing.
import { NOTHING_MATCHES } from '../support/inputs.js';
import type { Recorder, WidgetRecorder } from './recorder.js';

/** The stories' city (佛山市) and the directory's page size (expert-api.ts). */
const CITY = '440600';
const LIMIT = 12;

export async function recordExpertDirectory(recorder: Recorder): Promise<WidgetRecorder> {
  const recording = recorder.widget('expert-directory');
  const visitor = recording.scenario('visitor');
  await visitor.categories.list();
  await visitor.regions.list({ level: 'city' });
  await visitor.experts.list({ regionCode: CITY, limit: LIMIT });
  await visitor.experts.list({ limit: LIMIT });
  const nothing = await visitor.experts.list({ q: NOTHING_MATCHES, regionCode: CITY, limit: LIMIT });
  if (nothing.total !== 0)
    throw new Error(`「${NOTHING_MATCHES}」 finds ${nothing.total} experts: choose another search`);
  // A search sent before the city list has loaded goes out without the city.
  await visitor.experts.list({ q: NOTHING_MATCHES, limit: LIMIT });
  return recording;
}
