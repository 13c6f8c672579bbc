import { defaultDraftKey, deleteDraft, readDraft, writeDraft, type Draft, type PendingSubmission } from './draft.js';
import type { DemandFormValues } from './fields.js';

const DRAFT_DEBOUNCE_MS = 400;

/** The form's attributes that say where its draft is kept, if anywhere (`no-draft`, `draft-key`). */
export interface DraftSettings {
  readonly noDraft: boolean;
  readonly draftKey?: string | undefined;
}

/** What the draft keeps of the form. */
export interface DraftInputs {
  values(): DemandFormValues;
  /** The submission that may have reached the platform, kept with its Idempotency-Key. */
  pending(): PendingSubmission | undefined;
  /** Whether the form shows something to keep: not after a success, not in lookup mode. */
  keeping(): boolean;
}

/** The form's draft in localStorage: written shortly after the visitor types, at once when the form leaves the page. */
export class DraftKeeper {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly settings: DraftSettings,
    private readonly form: DraftInputs,
  ) {}

  private get key(): string | undefined {
    if (this.settings.noDraft) return undefined;
    return this.settings.draftKey?.trim() || defaultDraftKey();
  }

  /** The draft kept from an earlier visit, if any. */
  read(): Draft | undefined {
    const key = this.key;
    return key ? readDraft(key) : undefined;
  }

  /** Writes the draft once the visitor pauses. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), DRAFT_DEBOUNCE_MS);
  }

  save(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const key = this.key;
    if (key && this.form.keeping()) writeDraft(key, this.form.values(), this.form.pending());
  }

  /** The demand was made: its draft goes, and no write still waiting brings it back. */
  discard(): void {
    const key = this.key;
    if (key) deleteDraft(key);
    clearTimeout(this.timer);
  }
}
