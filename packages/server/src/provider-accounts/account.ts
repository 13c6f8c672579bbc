// A provider's account as it and its center see it: the catalog's profile, the fields only they see, its timeline
// and its pending change. Its ETag names the account's revision (what `If-Match` compares) and the bytes sent (what
// `If-None-Match` compares: the rating figures in the profile move without a revision).
import type { IdentityChange, ProviderAccount, ProviderTimelineEntry } from '@smec/schemas';
import type { Kysely, Transaction } from 'kysely';
import { providerFromRow, type ProviderRow } from '../catalog/rows.js';
import type { Database } from '../db/schema.js';
import { etagOf } from '../http/etag.js';
import { ifMatchHolds } from '../http/if-match.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The revision part of a provider's ETag: `"<id>.r<revision>"`, which a client may send alone as `If-Match`. */
export function accountVersionTag(id: string, revision: number): string {
  return `"${id}.r${revision}"`;
}

/** The ETag of an account as sent: its revision and a hash of the bytes. */
export function accountEtag(account: ProviderAccount, json: string): string {
  return `"${account.profile.id}.r${account.revision}.${etagOf(json).slice(1, 13)}"`;
}

/** True when `If-Match` names the account's current revision (with or without the hash of a representation). */
export function accountIfMatchHolds(given: readonly string[] | '*', id: string, revision: number): boolean {
  if (given === '*') return true;
  const versionOnly = given.map((tag) => tag.replace(/^"([^"]*\.r\d+)\.[A-Za-z0-9_-]+"$/, '"$1"'));
  return ifMatchHolds(versionOnly, accountVersionTag(id, revision));
}

export async function providerRow(db: Db, id: string): Promise<ProviderRow | undefined> {
  return db.selectFrom('providers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function accountOf(db: Db, row: ProviderRow): Promise<ProviderAccount> {
  const timeline = await db
    .selectFrom('provider_timeline')
    .selectAll()
    .where('provider_id', '=', row.id)
    .orderBy('seq')
    .execute();
  const pending = await db
    .selectFrom('provider_changes')
    .selectAll()
    .where('provider_id', '=', row.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return {
    profile: providerFromRow(row),
    legalRepresentative: row.legal_representative ?? '',
    regionsServed: JSON.parse(row.regions_served ?? '[]') as string[],
    revision: row.revision ?? 0,
    timeline: timeline.map((entry): ProviderTimelineEntry => ({
      action: entry.action,
      at: entry.at,
      reason: entry.reason,
      actorUserId: entry.actor_user_id,
    })),
    pendingChange: pending
      ? { fields: JSON.parse(pending.fields) as IdentityChange, requestedAt: pending.requested_at }
      : null,
  };
}
