// <smec-public-notice>'s stories: the seed's applicants under notice (with the categories' English names), one
// accepted objection to the seed's demo notice, and the list after it.
import { DEMO_NOTICE } from '@smec/schemas/openapi';
import { OBJECTION } from '../support/inputs.js';
import type { Recorder, WidgetRecorder } from './recorder.js';

/** The list's page size (notice-api.ts). */
const LIMIT = 10;

export async function recordPublicNotice(recorder: Recorder): Promise<WidgetRecorder> {
  const notice = recorder.widget('public-notice');
  const visitor = notice.scenario('visitor');
  const [, page] = await Promise.all([visitor.categories.list(), visitor.publicNotices.list({ limit: LIMIT })]);
  if (!page.items.some((item) => item.id === DEMO_NOTICE.id)) throw new Error(`${DEMO_NOTICE.id} is not under notice`);
  await visitor.publicNotices.object(DEMO_NOTICE.id, OBJECTION);
  // Back on the list: the count has followed the objection.
  await visitor.publicNotices.list({ limit: LIMIT });
  Object.assign(notice.ids, { noticeId: DEMO_NOTICE.id });
  return notice;
}
