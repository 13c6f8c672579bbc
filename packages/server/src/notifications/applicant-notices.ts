// An applicant to join has no account: what the platform tells them is mailed to the contact address of the
// application (`mail_notices`), written in the transaction of the review's move and sent by the same sweep.
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, ProviderApplicationTable } from '../db/schema.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import type { Notice } from './notify.js';

/** Queues `notice` for the address `to`, in zh-CN (an applicant's language is not kept). */
export async function mailNotice(trx: Transaction<Database>, now: number, to: string, notice: Notice): Promise<void> {
  await trx
    .insertInto('mail_notices')
    .values({
      id: `mln-${randomBytes(8).toString('hex')}`,
      to_address: to,
      locale: null,
      kind: notice.kind,
      subject_type: notice.subjectType,
      subject_id: notice.subjectId,
      data: JSON.stringify(notice.data),
      created_at: shanghaiDateTime(now),
      created_ts: now,
    })
    .execute();
}

function contactEmailOf(input: string): string | undefined {
  try {
    const email = (JSON.parse(input) as { contact?: { email?: unknown } }).contact?.email;
    return typeof email === 'string' && email.includes('@') ? email.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** Tells the applicant the reviewer asked for changes, with the application's number their resume link names. */
export async function tellChangesRequested(
  trx: Transaction<Database>,
  now: number,
  application: Pick<ProviderApplicationTable, 'id' | 'application_no' | 'input'>,
): Promise<boolean> {
  const to = contactEmailOf(application.input);
  if (!to) return false;
  await mailNotice(trx, now, to, {
    kind: 'applicationChangesRequested',
    subjectType: 'providerApplication',
    subjectId: application.id,
    data: { applicationNo: application.application_no },
  });
  return true;
}
