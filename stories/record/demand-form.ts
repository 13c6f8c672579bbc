// <smec-demand-form>'s stories: the form's reference data, one accepted submission of the story's draft, the
// limiter's refusal of the next one, and the lookup of the seed's demo demand, found and not.
import type { CategoryId, DemandInput } from '@smec/schemas';
import { DEMO_DEMAND } from '../../packages/server/src/seed/demands.js';
import { DEMAND_DRAFT, WRONG_PHONE } from '../support/inputs.js';
import { refused, type Recorder, type WidgetRecorder } from './recorder.js';

/** The draft as the form sends it. */
const SUBMITTED: DemandInput = {
  enterprise: { uscc: DEMAND_DRAFT.uscc, name: DEMAND_DRAFT.enterpriseName },
  contact: { name: DEMAND_DRAFT.contactName, phone: DEMAND_DRAFT.phone },
  regionCode: DEMAND_DRAFT.county,
  categoryId: DEMAND_DRAFT.categoryId as CategoryId,
  productId: null,
  title: DEMAND_DRAFT.title,
  description: DEMAND_DRAFT.description,
  budget: Number(DEMAND_DRAFT.budgetAmount) * 100,
  expectedBy: null,
  consent: true,
};

/**
 * The server must be started with a demand limit of one submission (SMEC_DEMAND_RATE_LIMIT=1/600, as
 * scripts/fixtures.ts does): the second submission is then the limiter's own 429.
 */
export async function recordDemandForm(recorder: Recorder): Promise<WidgetRecorder> {
  const form = recorder.widget('demand-form');
  const visitor = form.scenario('visitor');
  await Promise.all([visitor.categories.list(), visitor.regions.list()]);
  // Looked up before the submission: the lookup stories start where nothing was written yet.
  await visitor.demands.lookup(DEMO_DEMAND);
  await refused(visitor.demands.lookup({ trackingNo: DEMO_DEMAND.trackingNo, phone: WRONG_PHONE }), 404);
  await visitor.demands.create(SUBMITTED);
  await refused(form.scenario('rateLimited', { base: 'visitor' }).demands.create(SUBMITTED), 429);
  Object.assign(form.ids, DEMO_DEMAND);
  return form;
}
