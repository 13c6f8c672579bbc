// `npm run fixtures`: records the answers the stories need from the real reference server, started here on loopback
// with a fresh SQLite database seeded at the clock's now (SMEC_NOW pins it), and writes them to stories/fixtures/ for
// the static Storybook build to replay (stories/support/replay.ts). What is recorded: stories/record/.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockFromEnv, startServer } from '@smec/server';
import { recordCatalog } from '../stories/record/catalog.js';
import { recordCenterScorecard } from '../stories/record/center-scorecard.js';
import { recordDemandForm } from '../stories/record/demand-form.js';
import { recordEventCalendar } from '../stories/record/event-calendar.js';
import { recordFeedbackRating } from '../stories/record/feedback-rating.js';
import { recordPolicyList } from '../stories/record/policy-list.js';
import { recordVoucherWallet } from '../stories/record/voucher-wallet.js';
import { recordProviderApplication } from '../stories/record/provider-application.js';
import { recordPublicNotice } from '../stories/record/public-notice.js';
import { recordProviderWorkbench } from '../stories/record/provider-workbench.js';
import { recordCenterWorkbench } from '../stories/record/center-workbench.js';
import { Recorder, type WidgetRecorder } from '../stories/record/recorder.js';
import { recordExpertDirectory } from '../stories/record/expert-directory.js';

const OUT = 'stories/fixtures';
const started = performance.now();
const now = clockFromEnv().now();
// One demand an address per ten minutes: the demand form's stories record an accepted submission, then the real
// limiter's refusal of the next.
process.env['SMEC_DEMAND_RATE_LIMIT'] = '1/600';
const dataDir = mkdtempSync(join(tmpdir(), 'smec-fixtures-'));
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logger: false, demoAuth: true });
try {
  const recorder = new Recorder(server.apiUrl);
  const widgets: WidgetRecorder[] = [];
  const records = [
    recordCatalog,
    recordDemandForm,
    recordEventCalendar,
    recordVoucherWallet,
    recordFeedbackRating,
    recordPolicyList,
    recordCenterScorecard,
    recordProviderApplication,
    recordExpertDirectory,
    recordPublicNotice,
    recordProviderWorkbench,
    // Last: it makes a day's work of staff writes first, for the audit log, which no other widget's stories see.
    recordCenterWorkbench,
  ];
  for (const record of records) widgets.push(await record(recorder, now));
  mkdirSync(OUT, { recursive: true });
  // What an older recorder wrote goes: the folder holds exactly what the stories replay.
  for (const file of readdirSync(OUT)) if (file.endsWith('.json')) rmSync(join(OUT, file));
  for (const widget of widgets) {
    const text = JSON.stringify(widget.toJSON(now));
    writeFileSync(join(OUT, `${widget.name}.json`), text);
    const { scenarios } = widget.toJSON(now);
    const exchanges = Object.values(scenarios).reduce((sum, scenario) => sum + scenario.exchanges.length, 0);
    console.log(
      `fixtures: ${widget.name}.json, ${exchanges} answers, ${Math.round(Buffer.byteLength(text) / 1024)} KB`,
    );
  }
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`fixtures: recorded in ${((performance.now() - started) / 1000).toFixed(1)} s → ${OUT}/`);
