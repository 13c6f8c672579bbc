// <smec-policy-list>'s stories: a county's policies with its city's and the province's, every policy, and a search
// that finds nothing.
import { NOTHING_MATCHES } from '../support/inputs.js';
import type { Recorder, WidgetRecorder } from './recorder.js';

/** The stories' county (禅城区) and the list's page size (policy-api.ts). */
const COUNTY = '440604';
const LIMIT = 10;

export async function recordPolicyList(recorder: Recorder): Promise<WidgetRecorder> {
  const recording = recorder.widget('policy-list');
  const visitor = recording.scenario('visitor');
  await visitor.categories.list();
  await visitor.policies.list({ region: COUNTY, limit: LIMIT });
  await visitor.policies.list({ limit: LIMIT });
  const nothing = await visitor.policies.list({ q: NOTHING_MATCHES, region: COUNTY, limit: LIMIT });
  if (nothing.total !== 0)
    throw new Error(`「${NOTHING_MATCHES}」 finds ${nothing.total} policies: choose another search`);
  return recording;
}
