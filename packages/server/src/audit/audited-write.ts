// A staff write and its row on the audit log, in one transaction: the entity is read before and after the write,
// and only the fields that changed are put on the record.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { recordAudit, type AuditActor } from './record.js';

/** The fields of an entity that a staff write may change, as they are stored. */
export type Snapshot = Readonly<Record<string, unknown>>;

/** Reads an entity's fields in the write's transaction; undefined when there is no such entity (yet). */
export type SnapshotReader = (trx: Transaction<Database>, id: string) => Promise<Snapshot | undefined>;

/** The fields that differ between two snapshots, each side holding only those (null for a side that is absent). */
export function changedFields(
  before: Snapshot | undefined,
  after: Snapshot | undefined,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (!before || !after) return { before: before ? { ...before } : null, after: after ? { ...after } : null };
  const was: Record<string, unknown> = {};
  const is: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    was[key] = before[key] ?? null;
    is[key] = after[key] ?? null;
  }
  return { before: was, after: is };
}

export interface AuditedWrite<T> {
  readonly action: string;
  readonly entityType: string;
  /** The entity's id, or how the write's answer names it (a creation). */
  readonly entityId: string | ((result: T) => string);
  readonly read: SnapshotReader;
}

/**
 * Runs `write` in `trx` and records it: the entity read before (when its id is known) and after. A write that throws
 * records nothing, and its transaction takes nothing with it.
 */
export async function auditedWrite<T>(
  trx: Transaction<Database>,
  actor: AuditActor,
  now: number,
  what: AuditedWrite<T>,
  write: () => Promise<T>,
): Promise<T> {
  const knownId = typeof what.entityId === 'string' ? what.entityId : undefined;
  const before = knownId === undefined ? undefined : await what.read(trx, knownId);
  const result = await write();
  const entityId = typeof what.entityId === 'string' ? what.entityId : what.entityId(result);
  const after = await what.read(trx, entityId);
  await recordAudit(trx, actor, now, {
    action: what.action,
    entityType: what.entityType,
    entityId,
    ...changedFields(before, after),
  });
  return result;
}

/** A stored JSON text as the value it holds, so that the record shows the value and not its quoting. */
export function parsedJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
