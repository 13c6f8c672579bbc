// <smec-center-workbench>'s stories: Shantou's city center as its 业务员 sees it (the overview, demands with one
// demand's detail, settlements, policies, events, follow-ups), the province's administrator (provider applications,
// voucher batches, staff accounts and the audit log, which a 业务员 may not read), a 只读 viewer on that demand,
// nobody signed in, and an enterprise's account. The requests are the ones the shell and each view make, in the same
// SDK calls with the same parameters (center-api.ts, overview-figures.ts, the *-view.ts modules), so the replay finds
// every one of them.
import { shanghaiDayOf } from '@smec/schemas/rules';
import type { SmecClient } from '@smec/sdk';
import { refused, type Recorder, type WidgetRecorder } from './recorder.js';

/** Shantou's city center: demands, events and follow-ups of its own. */
/** The page size of the providers view's list of admitted providers (provider-accounts.ts). */
const PROVIDER_ACCOUNTS_PAGE = 20;
const STAFF = 'usr-staff-440500';
const VIEWER = 'usr-viewer-440500';
/** The province's administrator: the applications to review, every batch, a long staff list, everyone's audit log. */
const ADMIN = 'usr-admin-440000';
const ENTERPRISE = 'usr-ent-01';

/** The page sizes of the shell (center-api.ts) and of the views. */
const SUMMARY_LIMIT = 100;
const DEMANDS_PAGE = 20;
const APPLICATIONS_PAGE = 20;
const SETTLEMENTS_PAGE = 20;
const FOLLOW_UPS_PAGE = 20;
const STAFF_PAGE = 50;
const AUDIT_PAGE = 20;
const LIST_LIMIT = 100;
const EVENTS_LIMIT = 200;
/** The events view lists from this many days back (events-view.ts); the overview counts the next seven days. */
const EVENTS_PAST_DAYS = 30;
const SOON_DAYS = 7;
const DAY_MS = 86_400_000;

/** Every page of a list, as the workbench's allPages reads it (workbench/all-pages.ts). */
async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < 10; count++) {
    const result = await page(cursor);
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

/** The shell's first load (loadCenterSummary): who is signed in and the queues the overview counts. */
function summaryCalls(client: SmecClient): Promise<unknown>[] {
  return [
    client.me.account(),
    allPages((cursor) => client.demands.list({ status: 'submitted', limit: SUMMARY_LIMIT, cursor })),
    allPages((cursor) => client.demands.list({ overdue: true, limit: SUMMARY_LIMIT, cursor })),
    allPages((cursor) => client.providerApplications.list({ status: 'submitted', limit: SUMMARY_LIMIT, cursor })),
    allPages((cursor) => client.providerApplications.list({ status: 'publicNotice', limit: SUMMARY_LIMIT, cursor })),
    allPages((cursor) => client.ratings.list({ followUp: 'open', limit: SUMMARY_LIMIT, cursor })),
    allPages((cursor) => client.ratings.list({ followUp: 'reopened', limit: SUMMARY_LIMIT, cursor })),
    allPages((cursor) => client.vouchers.listBatches({ limit: SUMMARY_LIMIT, cursor })),
  ];
}

/** The shell's first load by someone it answers: the account it found. */
async function summary(client: SmecClient) {
  const [account] = await Promise.all(summaryCalls(client));
  return account as Awaited<ReturnType<SmecClient['me']['account']>>;
}

/** The shell's first load by someone the platform refuses: every request goes out, whatever it answers. */
async function refusedSummary(client: SmecClient): Promise<void> {
  await Promise.allSettled(summaryCalls(client));
}

/** The overview's own counts and key figures (overview-figures.ts), at the recording's `now`. */
async function overview(client: SmecClient, region: string, now: number): Promise<void> {
  await Promise.all([
    allPages((cursor) =>
      client.events.list({
        from: new Date(now).toISOString(),
        to: new Date(now + SOON_DAYS * DAY_MS).toISOString(),
        limit: 100,
        cursor,
        region,
      }),
    ),
    client.settlements.list({ state: 'waiting', limit: 1 }),
    client.stats.scorecard({ region, year: Number(shanghaiDayOf(now).slice(0, 4)) }),
  ]);
}

/** The Demands view's inbox and the names of categories and regions (catalog/reference-data.ts). */
async function demands(client: SmecClient) {
  const [page] = await Promise.all([
    client.demands.list({ limit: DEMANDS_PAGE }),
    client.categories.list(),
    client.regions.list(undefined),
  ]);
  return page.items;
}

/** The Events view: the public list from a month back in the center's region, and its drafts. */
async function events(client: SmecClient, region: string, now: number): Promise<void> {
  const from = new Date(now - EVENTS_PAST_DAYS * DAY_MS).toISOString().slice(0, 10);
  await Promise.all([
    client.events.list({ from, limit: EVENTS_LIMIT, region }),
    client.events.list({ status: 'draft', limit: EVENTS_LIMIT }),
  ]);
}

/**
 * A day's work before the recording, so that the audit log has entries to show (the seed writes none): a 业务员 accepts
 * a demand and notes a follow-up, the province's administrator invites a colleague. Made unrecorded, after every
 * other widget was recorded (scripts/fixtures.ts runs this recorder last), so no other story sees the change.
 */
async function dayOfWork(recorder: Recorder): Promise<void> {
  const staff = recorder.lookAs(STAFF);
  const submitted = (await staff.demands.list({ status: 'submitted', limit: DEMANDS_PAGE })).items[0];
  if (!submitted) throw new Error(`${STAFF} has no submitted demand to accept`);
  await staff.demands.transition(submitted.id, { action: 'accept', note: '已受理，三个工作日内联系企业。' });
  const followUp = (await staff.ratings.list({ queue: 'open', limit: FOLLOW_UPS_PAGE })).items[0];
  if (!followUp) throw new Error(`${STAFF} has no open follow-up to note`);
  await staff.ratings.addNote(followUp.id, '已电话联系企业，服务机构承诺本周内上门处理。');
  await recorder.lookAs(ADMIN).staff.invite({ mobile: '13912345678', name: '林晓', role: 'viewer' });
}

export async function recordCenterWorkbench(recorder: Recorder, now: number): Promise<WidgetRecorder> {
  await dayOfWork(recorder);
  const recording = recorder.widget('center-workbench');

  const staff = recording.scenario('staff', { user: STAFF });
  const account = await summary(staff);
  const region = account.regionCode;
  if (!region || account.staffRole !== 'staff') throw new Error(`${STAFF} is no center's 业务员`);
  await overview(staff, region, now);
  const inbox = await demands(staff);
  // The detail story opens a demand still waiting for its matches: the proposer, the transfer and every move show.
  const opened = inbox.find((demand) => demand.status === 'accepted');
  if (!opened) throw new Error(`${STAFF}'s inbox has no accepted demand`);
  await staff.demands.get(opened.id);
  await Promise.all([
    staff.providerApplications.list({ status: 'submitted', limit: APPLICATIONS_PAGE }),
    staff.settlements.list({ limit: SETTLEMENTS_PAGE }),
    allPages((cursor) => staff.policies.list({ limit: LIST_LIMIT, cursor })),
    events(staff, region, now),
    staff.ratings.list({ queue: 'open', limit: FOLLOW_UPS_PAGE }),
  ]);
  // The batches view reads the shell's batch list again; the staff and audit log views ask nothing of a 业务员.

  const admin = recording.scenario('admin', { user: ADMIN });
  const province = await summary(admin);
  if (!province.regionCode || province.staffRole !== 'admin') throw new Error(`${ADMIN} is no center's 管理员`);
  await Promise.all([
    admin.providerApplications.list({ status: 'submitted', limit: APPLICATIONS_PAGE }),
    // The providers view's 「已入驻机构」 (provider-accounts.ts): its first page and the names of codes.
    admin.providers.listAccounts({ admission: 'current', limit: PROVIDER_ACCOUNTS_PAGE }),
    admin.categories.list(),
    admin.regions.list(),
    admin.staff.list({ limit: STAFF_PAGE }),
    admin.auditLog.list({ limit: AUDIT_PAGE }),
  ]);

  // A 只读 viewer of the same center opens the same demand: every move is hidden.
  const viewer = recording.scenario('viewer', { user: VIEWER });
  const seen = await summary(viewer);
  if (seen.staffRole !== 'viewer') throw new Error(`${VIEWER} is no viewer`);
  await demands(viewer);
  await viewer.demands.get(opened.id);

  // Nobody signed in: the platform answers 401 (a client handed over ready-made may carry a token the workbench
  // cannot see, so it asks); the public batch list still answers.
  const signedOut = recording.scenario('signedOut');
  await Promise.all([refused(signedOut.me.account(), 401), refusedSummary(signedOut)]);

  // An enterprise's account: the staff's queues refuse it (403), which the shell names as the wrong account.
  const enterprise = recording.scenario('enterprise', { user: ENTERPRISE });
  await refusedSummary(enterprise);

  Object.assign(recording.ids, { demand: opened.id });
  return recording;
}
