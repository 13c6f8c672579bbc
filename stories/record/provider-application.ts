// <smec-provider-application>'s stories: the form's reference data, the seed's draft to resume and its application
// sent back for changes (each opened by its public demo key), and the lookup of the seed's application under review.
import { DEMO_APPLICATION, DEMO_CHANGES_APPLICATION, DEMO_DRAFT } from '@smec/schemas/openapi';
import { WRONG_PHONE } from '../support/inputs.js';
import { refused, type Recorder, type WidgetRecorder } from './recorder.js';

export async function recordProviderApplication(recorder: Recorder): Promise<WidgetRecorder> {
  const form = recorder.widget('provider-application');
  const visitor = form.scenario('visitor');
  await Promise.all([visitor.categories.list(), visitor.regions.list()]);
  await visitor.providerApplications.lookup({
    applicationNo: DEMO_APPLICATION.applicationNo,
    phone: DEMO_APPLICATION.phone,
  });
  await refused(
    visitor.providerApplications.lookup({ applicationNo: DEMO_APPLICATION.applicationNo, phone: WRONG_PHONE }),
    404,
  );
  await visitor.providerApplications.getDraft(DEMO_DRAFT);
  // The widget asks for a draft first: an application sent back for changes is not one.
  await refused(visitor.providerApplications.getDraft(DEMO_CHANGES_APPLICATION), 404);
  await visitor.providerApplications.get(DEMO_CHANGES_APPLICATION);
  Object.assign(form.ids, {
    applicationNo: DEMO_APPLICATION.applicationNo,
    phone: DEMO_APPLICATION.phone,
    draft: `${DEMO_DRAFT.applicationNo}.${DEMO_DRAFT.resumeKey}`,
    changes: `${DEMO_CHANGES_APPLICATION.applicationNo}.${DEMO_CHANGES_APPLICATION.resumeKey}`,
  });
  return form;
}
