// <smec-center-scorecard>'s stories: Foshan's scorecard of the current year (its figures run up to now), and of
// the next year, which has no figures yet.
import { shanghaiToday } from '@smec/schemas/rules';
import type { Recorder, WidgetRecorder } from './recorder.js';

const CITY = '440600';

export async function recordCenterScorecard(recorder: Recorder, now: number): Promise<WidgetRecorder> {
  const recording = recorder.widget('center-scorecard');
  const visitor = recording.scenario('visitor');
  const year = Number(shanghaiToday(new Date(now)).slice(0, 4));
  await visitor.stats.scorecard({ region: CITY, year });
  await visitor.stats.scorecard({ region: CITY, year: year + 1 });
  Object.assign(recording.ids, { region: CITY, year: String(year), nextYear: String(year + 1) });
  return recording;
}
