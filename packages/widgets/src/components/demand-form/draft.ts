import { EMPTY_VALUES, type DemandFormValues } from './fields.js';

/**
 * What is kept in localStorage while the visitor types. The consent tick is never kept: under the personal
 * information protection law (PIPL) consent must be given knowingly for this submission, so after a reload the
 * visitor ticks it again. The idempotency key of a submission that may have reached the platform is kept with the
 * body it was sent with, so that a retry — even after a reload — cannot make a second demand.
 */
export interface Draft {
  values: Omit<DemandFormValues, 'consent'>;
  pending?: PendingSubmission | undefined;
}

export interface PendingSubmission {
  /** The Idempotency-Key sent with `body`. */
  key: string;
  /** The JSON that was sent with it; another body needs another key. */
  body: string;
}

export function defaultDraftKey(): string {
  return `smec-demand-draft:${location.pathname}`;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Blocked storage (privacy settings, sandboxed frames): the form works without drafts.
    return undefined;
  }
}

export function readDraft(key: string): Draft | undefined {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<Draft> | null;
    if (!parsed || typeof parsed !== 'object' || !parsed.values || typeof parsed.values !== 'object') return undefined;
    // Only the known fields, with the known types: the stored text may come from another version of the form.
    const values = { ...EMPTY_VALUES };
    for (const name of Object.keys(EMPTY_VALUES) as (keyof DemandFormValues)[]) {
      const value = (parsed.values as Record<string, unknown>)[name];
      if (name !== 'consent' && typeof value === typeof EMPTY_VALUES[name]) Object.assign(values, { [name]: value });
    }
    const { consent: _consent, ...kept } = values;
    const pending = parsed.pending;
    const validPending = pending && typeof pending.key === 'string' && typeof pending.body === 'string';
    return { values: kept, pending: validPending ? pending : undefined };
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, values: DemandFormValues, pending: PendingSubmission | undefined): void {
  const { consent: _consent, ...kept } = values;
  try {
    storage()?.setItem(key, JSON.stringify({ values: kept, pending } satisfies Draft));
  } catch {
    // A full or blocked storage loses the draft, never the form.
  }
}

export function deleteDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to delete.
  }
}
