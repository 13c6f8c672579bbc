import { TaskStatus } from '@lit/task';
import type {
  CreatedApplicationDraft,
  ProviderApplication,
  ProviderApplicationDraft,
  ProviderApplicationStatusView,
  SubmittedProviderApplication,
} from '@smec/schemas';
import { todayInShanghai, type ResumeCredentials } from '@smec/schemas/rules';
import { isSmecNotFoundError, type TokenProvider } from '@smec/sdk/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ActionController } from '../../controllers/action-controller.js';
import { ClientController } from '../../controllers/client-controller.js';
import { FocusController } from '../../controllers/focus-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { SmecApplicationSubmitEvent } from '../../events/application-submit-event.js';
import { fieldId } from '../../forms/field-view.js';
import { renderReferenceError, renderSubmitMessage } from '../../forms/submit-view.js';
import { msg } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import { Lazy } from '../../internal/lazy.js';
import { SmecElement } from '../../internal/smec-element.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { skeletonStyles } from '../../styles/skeleton.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { cityOf, loadReferenceData } from '../catalog/reference-data.js';
import type { FieldProblem } from '../demand-form/fields.js';
import { fieldOfPath } from './application-paths.js';
import { prepareValidation, problemText, renderSummary } from './application-validation.js';
import {
  APPLICATION_FIELDS,
  EMPTY_VALUES,
  STEPS,
  STEP_IDS,
  checkField,
  stepOf,
  type ApplicationField,
  type ApplicationValues,
  type CheckContext,
  type StepId,
} from './application-values.js';
import styles from './provider-application.styles.js';
import {
  defaultStoreKey,
  forgetCredentials,
  linkCredentials,
  readCredentials,
  resumeLink,
  writeCredentials,
} from './resume-store.js';
import { renderOrganisation } from './organisation-step.js';
import { stepName } from './step-parts.js';
import type { UploadController, UploadRole, Uploads } from './uploads.js';

// The later steps, the uploads and the SDK calls of saving, submitting and resuming: fetched when the applicant
// first focuses the form, or a saved application opens.
const later = new Lazy(() => import('./later-steps.js'));
type Later = Awaited<ReturnType<typeof later.load>>;

const NO_UPLOADS: Uploads = { licence: undefined, certificates: [] };

// What shows after a submission, a save or in lookup mode: fetched when one starts.
const resultViews = new Lazy(() => import('./result-views.js'));
const lookupView = new Lazy(() => import('./lookup-view.js'));

/** `editing` the steps; `loading` a draft or an application; `status` of one that is not the applicant's to edit. */
type Phase = 'loading' | 'editing' | 'failed' | 'success' | 'status';
type Problems = Partial<Record<ApplicationField, FieldProblem>>;
/** A new application, a saved draft, or an application sent back for changes. */
type Kind = 'new' | 'draft' | 'resubmit';

/** The input names that belong to another field's validation. */
const FIELD_OF_INPUT: Record<string, ApplicationField> = { county: 'city' };

/**
 * @summary The application of an organisation to join the network as a provider (入驻申请), with no account needed.
 *
 * Five steps: 机构信息, 服务范围, 联系人, 材料 (the business licence and any qualification certificates, uploaded as
 * soon as they are chosen) and 确认提交. A field is checked when it is left and a step when it is done, with the
 * shared rules of `@smec/schemas/rules` (the credit code's check character and its organisation type, two years
 * since founding, the mobile), so the words next to a field are the platform's; an error summary takes the focus.
 *
 * 保存，稍后继续 saves a draft on the platform and shows the application number and a private resume link (the key in
 * its fragment, which no server and no `Referer` ever sees). The number and key are kept in localStorage, so a reload
 * resumes on the same device; the link resumes on any other. When the reviewer asks for changes, the link opens the
 * application with each note next to its field, to resubmit. `mode="lookup"` follows an application by its number
 * and the contact's mobile.
 *
 * @attribute lang - The language of the texts: zh-CN (default), en or zh-HK. Without it, the nearest ancestor's `lang`.
 * @attribute care - Care mode (适老化): text of at least 18 px, targets of at least 44 × 44 px, colours of at least 7:1. Without it, on while an ancestor (a `<smec-root>`, `<html>`) has `care`.
 *
 * @fires smec-application-submit - {SmecApplicationSubmitEvent} The platform accepted the application or its resubmission.
 * @fires smec-error - {SmecErrorEvent} Categories, regions, an upload, a save, a submission or a lookup failed (the form shows it too).
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - The form's heading.
 * @csspart steps - The step indicator (an ordered list; the current step has `aria-current="step"`).
 * @csspart step - One step of the indicator.
 * @csspart error-summary - The list of problems shown after a step or a submission failed.
 * @csspart fieldset - The current step's group of fields.
 * @csspart field - One field: label, hint, error and control.
 * @csspart counter - The description's character count.
 * @csspart file - A chosen file, with its size and state.
 * @csspart file-state - Its state (uploading, uploaded, failed).
 * @csspart remove-button - The button that removes it.
 * @csspart review-section - A section of the last step's summary.
 * @csspart change-link - Its 修改 link back to the step.
 * @csspart next-button - 下一步.
 * @csspart back-button - 上一步.
 * @csspart save-button - 保存，稍后继续.
 * @csspart submit-button - The submit (or lookup) button.
 * @csspart submit-error - The message of a failed submission or save.
 * @csspart retry-button - The button that sends the same again.
 * @csspart saved - What a save answered: the number and the private link.
 * @csspart resume-link - The private link.
 * @csspart copy-button - The button that copies the application number.
 * @csspart copy-link-button - The button that copies the private link.
 * @csspart not-saved - What a save left out, not right yet.
 * @csspart success - The view after a successful submission.
 * @csspart application-no - The application number.
 * @csspart lookup-button - The button that opens the lookup.
 * @csspart status-view - An application's status, notes and timeline.
 * @csspart current-status - Its current status.
 * @csspart notes - The reviewer's notes per field.
 * @csspart timeline - Its timeline (an ordered list).
 * @csspart error - The box of a failed load.
 *
 * @cssproperty --smec-color-primary - Buttons, links and focus rings.
 * @cssproperty --smec-color-on-primary - Text on primary buttons.
 * @cssproperty --smec-color-text - Body text.
 * @cssproperty --smec-color-muted - Secondary text.
 * @cssproperty --smec-color-surface - Background.
 * @cssproperty --smec-color-border - Borders of fields.
 * @cssproperty --smec-color-danger - Error messages.
 * @cssproperty --smec-radius - Corner radius of fields and buttons.
 * @cssproperty --smec-space - The base spacing unit.
 * @cssproperty --smec-font-family - Font; by default the host page's.
 */
export class SmecProviderApplication extends SmecElement {
  static override styles = [themeStyles, skeletonStyles, styles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private readonly api = new ClientController(this);
  private readonly focusing = new FocusController(this);
  /** Made when the later steps arrive. */
  private files: UploadController | undefined;
  /** The submission: one Idempotency-Key per body until it succeeds. */
  private readonly submission = new ActionController<ApplicationField>(this, fieldOfPath);
  /** The draft's save, apart from the submission: each keeps its own key and its own error. */
  private readonly saving = new ActionController<ApplicationField>(this, fieldOfPath);
  private readonly referenceTask = new LoadTask(this, {
    task: ([client], { signal }) => loadReferenceData(client, signal),
    args: () => [this.api.client] as const,
    operation: 'reference.list',
  });

  @state() private values: ApplicationValues = { ...EMPTY_VALUES };
  @state() private problems: Problems = {};
  @state() private notes: Partial<Record<ApplicationField, string>> = {};
  @state() private summaryShown = false;
  @state() private step: StepId = 'organisation';
  @state() private phase: Phase = 'editing';
  @state() private kind: Kind = 'new';
  @state() private credentials: ResumeCredentials | undefined;
  @state() private saved: { left: ApplicationField[] } | undefined;
  @state() private result: SubmittedProviderApplication | ProviderApplication | undefined;
  @state() private statusView: ProviderApplicationStatusView | undefined;
  @state() private resumeProblem: unknown;
  @state() private copyStatus = '';
  @state() private linkStatus = '';

  /** Base URL of the platform API; default: the platform that served the script. Not used inside `<smec-root>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** An SDK client to use instead of the enclosing root's or one built from `api-base`. */
  @property({ attribute: false }) client?: SmecClient;

  /** Returns the signed-in user's token, for the client this element builds itself (outside `<smec-root>`). */
  @property({ attribute: false }) getToken?: TokenProvider;

  /** `apply` (default) to apply, `lookup` to follow an application by its number and the contact's mobile. */
  @property({ reflect: true }) mode: 'apply' | 'lookup' = 'apply';

  /** The localStorage key of the number and resume key; default `smec-application:<the page's path>`. */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /** Keep nothing in the browser (e.g. on a shared computer in a service hall): only the private link resumes. */
  @property({ attribute: 'no-draft', type: Boolean }) noDraft = false;

  /** `dark` or `light` to force a colour scheme; by default the visitor's system setting is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  private get storeKey(): string | undefined {
    return this.noDraft ? undefined : this.draftKey?.trim() || defaultStoreKey();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) {
      // The link the page was opened with wins over what this device kept; it is kept for the next reload.
      const fromLink = linkCredentials();
      const key = this.storeKey;
      const credentials = fromLink ?? (key ? readCredentials(key) : undefined);
      if (fromLink && key) writeCredentials(key, fromLink);
      if (credentials) void this.resume(credentials);
    }
    if (changed.has('mode') && this.mode === 'lookup') resultViews.load().catch(() => undefined);
  }

  /** Loads the categories and regions again (the retry button does this). */
  reload(): void {
    void this.referenceTask.run();
  }

  private focusLater(selector: string): void {
    this.focusing.later(selector, () => true);
  }

  private get context(): CheckContext {
    const reference = this.referenceTask.value;
    return { today: todayInShanghai(), regions: reference?.regions, uploads: this.uploads };
  }

  private get uploads(): Uploads {
    return this.files?.uploads ?? NO_UPLOADS;
  }

  /** The later steps and the calls of saving and submitting, once here; the uploads start with them. */
  private async flow(): Promise<Later> {
    const module = await later.load();
    this.files ??= new module.UploadController(
      this,
      () => this.api.client,
      (role) => this.recheck(role),
    );
    return module;
  }

  /** A field is about to be checked, or a step left: the words of the rules and the later steps are fetched. */
  private prepare(): void {
    prepareValidation();
    this.flow().catch(() => undefined);
  }

  // Resuming.

  /** Opens a saved draft, or the applicant's own application: to edit when changes were asked, else its status. */
  private async resume(credentials: ResumeCredentials): Promise<void> {
    this.phase = 'loading';
    this.credentials = credentials;
    try {
      const { valuesOf } = await this.flow();
      const applications = this.api.client.providerApplications;
      try {
        const { draft } = await applications.getDraft(credentials);
        this.values = valuesOf(draft, cityOf);
        this.files?.restore(draft.files.licence, draft.files.certificates);
        this.kind = 'draft';
        this.phase = 'editing';
        return;
      } catch (error) {
        // A draft that was submitted has become the application, which keeps its number.
        if (!isSmecNotFoundError(error)) throw error;
      }
      const application = await applications.get(credentials);
      if (application.status === 'changesRequested') {
        this.values = valuesOf(application.application, cityOf);
        const { licence, certificates } = application.application.files;
        this.files?.restore(licence, certificates);
        this.notes = Object.fromEntries(
          application.changeNotes.flatMap(({ field, note }) => {
            const name = fieldOfPath(field);
            return name ? [[name, note]] : [];
          }),
        );
        this.kind = 'resubmit';
        this.step = this.firstNotedStep();
        this.phase = 'editing';
      } else {
        resultViews.load().catch(() => undefined);
        this.statusView = application;
        this.phase = 'status';
      }
    } catch (error) {
      this.credentials = undefined;
      this.kind = 'new';
      this.phase = 'editing';
      // A key that no longer opens anything (expired, mistyped) is forgotten; a network failure keeps it.
      if (isSmecNotFoundError(error) && this.storeKey) forgetCredentials(this.storeKey);
      this.resumeProblem = error;
    }
  }

  private firstNotedStep(): StepId {
    const noted = APPLICATION_FIELDS.find((field) => this.notes[field]);
    return noted ? stepOf(noted) : 'organisation';
  }

  private remember(credentials: ResumeCredentials): void {
    this.credentials = credentials;
    const key = this.storeKey;
    if (key) writeCredentials(key, credentials);
  }

  // Editing.

  private setProblem(field: ApplicationField, key: string | undefined): void {
    const next = { ...this.problems };
    if (key) next[field] = { key };
    else delete next[field];
    this.problems = next;
  }

  /** A field in error is checked again as it changes, so its message goes as soon as it is right. */
  private recheck(field: ApplicationField): void {
    if (this.problems[field]) this.setProblem(field, checkField(field, this.values, this.context));
  }

  private handleInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const name = target.name;
    if (target instanceof HTMLInputElement && target.type === 'file') return;
    if (!(name in EMPTY_VALUES)) return;
    const key = name as keyof ApplicationValues;
    let value: ApplicationValues[keyof ApplicationValues];
    if (key === 'categoryIds' || key === 'regionsServed') {
      const checked = new Set(this.values[key]);
      const input = target as HTMLInputElement;
      if (input.checked) checked.add(input.value);
      else checked.delete(input.value);
      value = [...checked];
    } else if (target instanceof HTMLInputElement && target.type === 'checkbox') value = target.checked;
    else value = target.value;
    const next = { ...this.values, [key]: value };
    if (key === 'city') next.county = '';
    this.values = next;
    const field = FIELD_OF_INPUT[name] ?? (name as ApplicationField);
    this.recheck(field);
    // The credit code is checked against the type: a change of either settles the other's message.
    if (key === 'orgType') this.recheck('uscc');
    if (key === 'staff') this.recheck('professionalStaff');
  }

  private handleFiles(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.type !== 'file') return;
    const role = input.name as UploadRole;
    const files = [...(input.files ?? [])];
    // The same file chosen again after removing it is a change too.
    input.value = '';
    void this.flow().then(() => {
      this.files?.add(role, files);
      this.recheck(role);
    });
  }

  private handleLeave(event: FocusEvent): void {
    const target = event.target as HTMLInputElement;
    const name = target.name;
    const field = FIELD_OF_INPUT[name] ?? (name as ApplicationField);
    if (!(APPLICATION_FIELDS as readonly string[]).includes(field) || target.type === 'file') return;
    const related = event.relatedTarget as HTMLInputElement | null;
    // Moving between the city and county selects, or within a group of checkboxes, is not leaving the field.
    if (field === 'city' && related?.id === fieldId('county')) return;
    if (target.type === 'checkbox' && related?.name === name) return;
    this.setProblem(field, checkField(field, this.values, this.context));
  }

  private focusField(name: string): void {
    const field = name as ApplicationField;
    if ((APPLICATION_FIELDS as readonly string[]).includes(field) && stepOf(field) !== this.step) {
      this.step = stepOf(field);
      this.focusLater(`#${fieldId(name)}`);
      return;
    }
    const control = this.renderRoot.querySelector<HTMLElement>(`#${fieldId(name)}`);
    control?.scrollIntoView?.({ block: 'center' });
    control?.focus();
  }

  /** The problems of `fields` now; the summary shows them and takes the focus when there are any. */
  private check(fields: readonly ApplicationField[]): boolean {
    const problems: Problems = {};
    for (const field of fields) {
      const key = checkField(field, this.values, this.context);
      if (key) problems[field] = { key };
    }
    this.problems = problems;
    const ok = Object.keys(problems).length === 0;
    this.summaryShown = !ok;
    if (!ok) this.focusLater('[part~="error-summary"]');
    return ok;
  }

  private goTo(step: StepId): void {
    this.step = step;
    this.summaryShown = false;
    this.problems = {};
    this.saved = undefined;
    this.focusLater('#smec-pa-step-title');
  }

  private handleNext(event: Event): void {
    event.preventDefault();
    if (this.step === 'review') {
      this.submit();
      return;
    }
    if (!this.check(STEPS[this.step])) return;
    this.prepare();
    this.goTo(STEP_IDS[STEP_IDS.indexOf(this.step) + 1]!);
  }

  private handleBack(): void {
    this.goTo(STEP_IDS[Math.max(0, STEP_IDS.indexOf(this.step) - 1)]!);
  }

  // Saving, submitting.

  private save(): void {
    resultViews.load().catch(() => undefined);
    prepareValidation();
    if (this.saving.busy) return;
    void this.flow().then(({ toDraft }) => this.saveDraft(toDraft));
  }

  private saveDraft(toDraft: Later['toDraft']): void {
    if (this.saving.busy) return;
    const { input, left } = toDraft(this.values, this.context);
    const body = JSON.stringify(input);
    const credentials = this.credentials;
    this.saved = undefined;
    void this.saving.run<ProviderApplicationDraft | CreatedApplicationDraft>({
      operation: credentials ? 'providerApplications.updateDraft' : 'providerApplications.saveDraft',
      body,
      send: ({ signal, idempotencyKey }) =>
        credentials
          ? this.api.client.providerApplications.updateDraft(credentials, input, { signal, idempotencyKey })
          : this.api.client.providerApplications.saveDraft(input, { signal, idempotencyKey }),
      done: (draft) => {
        if ('resumeKey' in draft) this.remember({ applicationNo: draft.applicationNo, resumeKey: draft.resumeKey });
        this.kind = 'draft';
        // What was left out is marked on its field, with the rule's words.
        const problems: Problems = {};
        for (const field of left) problems[field] = { key: checkField(field, this.values, this.context) ?? 'invalid' };
        this.problems = problems;
        this.saved = { left };
        this.copyStatus = '';
        this.linkStatus = '';
        this.focusLater('#smec-pa-saved-title');
      },
    });
  }

  private submit(): void {
    const problems: Problems = {};
    for (const field of APPLICATION_FIELDS) {
      const key = checkField(field, this.values, this.context);
      if (key) problems[field] = { key };
    }
    const first = APPLICATION_FIELDS.find((field) => problems[field]);
    if (first) {
      this.problems = problems;
      this.step = stepOf(first);
      this.summaryShown = true;
      this.focusLater('[part~="error-summary"]');
      return;
    }
    this.send();
  }

  private send(): void {
    resultViews.load().catch(() => undefined);
    if (this.submission.busy) return;
    void this.flow().then(({ toRevision }) => this.sendRevision(toRevision));
  }

  private sendRevision(toRevision: Later['toRevision']): void {
    if (this.submission.busy) return;
    const revision = toRevision(this.values, this.uploads);
    const body = JSON.stringify(revision);
    const credentials = this.credentials;
    const kind = this.kind;
    const applications = this.api.client.providerApplications;
    this.phase = 'editing';
    void this.submission.run<SubmittedProviderApplication | ProviderApplication>({
      operation: `providerApplications.${kind === 'resubmit' ? 'resubmit' : kind === 'draft' ? 'submitDraft' : 'create'}`,
      body,
      send: ({ signal, idempotencyKey }) => {
        const options = { signal, idempotencyKey };
        if (credentials && kind === 'resubmit') return applications.resubmit(credentials, revision, options);
        if (credentials && kind === 'draft') return applications.submitDraft(credentials, revision, options);
        return applications.create(revision as Parameters<typeof applications.create>[0], options);
      },
      done: (application) => this.succeed(application, kind === 'resubmit'),
      failed: () => this.fail(),
    });
  }

  private succeed(application: SubmittedProviderApplication | ProviderApplication, resubmitted: boolean): void {
    if ('resumeKey' in application) {
      this.remember({ applicationNo: application.applicationNo, resumeKey: application.resumeKey });
    }
    this.result = application;
    this.phase = 'success';
    this.problems = {};
    this.notes = {};
    this.summaryShown = false;
    this.saved = undefined;
    this.copyStatus = '';
    this.linkStatus = '';
    this.focusLater('#smec-pa-success-title');
    this.dispatchEvent(
      new SmecApplicationSubmitEvent({
        applicationNo: application.applicationNo,
        applicationId: application.id,
        resubmitted,
      }),
    );
  }

  private fail(): void {
    // On the fields the platform names: the form's own words for the rules it knows, else the platform's.
    const problems: Problems = {};
    for (const [field, { code, message }] of Object.entries(this.submission.fieldErrors) as [
      ApplicationField,
      { code: string; message: string },
    ][]) {
      problems[field] = { key: code, serverText: message };
    }
    const first = APPLICATION_FIELDS.find((field) => problems[field]);
    if (first) {
      this.problems = problems;
      this.step = stepOf(first);
      this.summaryShown = true;
      this.focusLater('[part~="error-summary"]');
      return;
    }
    this.phase = 'failed';
  }

  private showLookup(): void {
    this.mode = 'lookup';
    this.focusLater('#smec-pa-lookup-title');
  }

  // Rendering.

  private renderSteps() {
    const current = STEP_IDS.indexOf(this.step);
    return html`<ol part="steps" class="steps">
      ${STEP_IDS.map(
        (step, index) =>
          html`<li
            part="step"
            class=${index === current ? 'step step-current' : index < current ? 'step step-done' : 'step'}
            aria-current=${index === current ? 'step' : nothing}
          >
            <span class="step-no" aria-hidden="true">${index + 1}</span>
            <span>${stepName(step)}</span>
          </li>`,
      )}
    </ol>`;
  }

  private renderCurrentStep() {
    const reference = this.referenceTask;
    const view = {
      values: this.values,
      reference: reference.value,
      referenceStatus: reference.status,
      locale: this.locale,
      uploads: this.uploads,
      today: todayInShanghai(),
      problem: (field: ApplicationField) => problemText(this, this.problems[field], this.locale),
      note: (field: ApplicationField) => this.notes[field],
      onRemove: (role: UploadRole, localId: number) => {
        this.files?.remove(role, localId);
        this.recheck(role);
      },
    };
    const step = this.step;
    if (step === 'organisation') return renderOrganisation(view);
    return later.render(this, ({ renderReview, renderStep, laterStepStyles }) => {
      adoptViewStyles(this, laterStepStyles);
      return step === 'review'
        ? renderReview({ ...view, onChange: (target: StepId) => this.goTo(target) })
        : renderStep(step, view);
    });
  }

  private renderSaved() {
    const credentials = this.credentials;
    if (!this.saved || !credentials) return nothing;
    const left = this.saved.left;
    return resultViews.render(this, ({ renderSaved, resultViewStyles, copyText, fieldLabel }) => {
      adoptViewStyles(this, resultViewStyles);
      return renderSaved({
        applicationNo: credentials.applicationNo,
        link: resumeLink(credentials),
        left: left.map((field) => fieldLabel(field)),
        copyStatus: this.copyStatus,
        linkStatus: this.linkStatus,
        onCopy: () => void this.copyNumber(copyText, credentials.applicationNo),
        onCopyLink: () => void this.copyLink(copyText, resumeLink(credentials)),
      });
    });
  }

  private async copyNumber(
    copyText: (text: string, element: Element | null, copied: string) => Promise<string>,
    applicationNo: string,
  ): Promise<void> {
    const element = this.renderRoot.querySelector('[part~="application-no"]');
    this.copyStatus = await copyText(applicationNo, element, msg('已复制申请编号', { id: 'application.copied' }));
  }

  private async copyLink(
    copyText: (text: string, element: Element | null, copied: string) => Promise<string>,
    link: string,
  ): Promise<void> {
    const element = this.renderRoot.querySelector('[part~="resume-link"]');
    this.linkStatus = await copyText(link, element, msg('已复制私人链接', { id: 'application.linkCopied' }));
  }

  private renderForm() {
    const reference = this.referenceTask;
    const busy = this.submission.busy;
    const fields = this.step === 'review' ? APPLICATION_FIELDS : STEPS[this.step];
    const summary = fields
      .filter((field) => this.problems[field])
      .map((field) => ({ name: field, text: problemText(this, this.problems[field], this.locale) ?? '' }));
    const last = this.step === 'review';
    return html`<h2 id="smec-pa-heading" part="heading" tabindex="-1">
        ${
          this.kind === 'resubmit'
            ? msg('修改入驻申请', { id: 'application.heading.resubmit' })
            : msg('服务机构入驻申请', { id: 'application.heading' })
        }
      </h2>
      <p class="muted">
        ${
          this.kind === 'resubmit'
            ? msg('请按审核意见修改后重新提交。', { id: 'application.intro.resubmit' })
            : msg('无需注册。可随时保存，稍后在任何设备上继续填写。', { id: 'application.intro' })
        }
      </p>
      ${
        this.resumeProblem
          ? html`<p class="muted" role="status">
              ${msg('未能打开保存的申请（链接可能已失效），请重新填写。', { id: 'application.resumeFailed' })}
            </p>`
          : nothing
      }
      ${this.renderSteps()}
      ${this.summaryShown ? renderSummary(this, summary, (name) => this.focusField(name)) : nothing}
      <div role="alert">
        ${reference.status === TaskStatus.ERROR ? renderReferenceError(reference.error, () => this.reload()) : nothing}
      </div>
      <form
        novalidate
        aria-labelledby="smec-pa-step-title"
        @submit=${this.handleNext}
        @input=${this.handleInput}
        @change=${this.handleFiles}
        @focusin=${this.prepare}
        @focusout=${this.handleLeave}
      >
        <fieldset part="fieldset">
          <legend>
            <h3 id="smec-pa-step-title" tabindex="-1">${stepName(this.step)}</h3>
          </legend>
          ${this.renderCurrentStep()}
        </fieldset>
        <div role="status" class="submit-status">
          ${renderSubmitMessage(busy, this.phase === 'failed', this.submission.error, () => this.send())}
          ${renderSubmitMessage(this.saving.busy, !!this.saving.error, this.saving.error, () => this.save())}
        </div>
        ${this.renderSaved()}
        <div class="actions">
          ${
            this.step === 'organisation'
              ? nothing
              : html`<button type="button" part="back-button" class="button" @click=${this.handleBack}>
                  ${msg('上一步', { id: 'application.back' })}
                </button>`
          }
          <button
            type="submit"
            part=${last ? 'submit-button' : 'next-button'}
            class="button button-primary"
            aria-disabled=${busy ? 'true' : 'false'}
          >
            ${
              last
                ? busy
                  ? msg('正在提交…', { id: 'demand.submitting' })
                  : this.kind === 'resubmit'
                    ? msg('重新提交', { id: 'application.resubmit' })
                    : msg('提交申请', { id: 'application.submit' })
                : msg('下一步', { id: 'application.next' })
            }
          </button>
          ${
            this.kind === 'resubmit'
              ? nothing
              : html`<button
                  type="button"
                  part="save-button"
                  class="button"
                  aria-disabled=${this.saving.busy ? 'true' : 'false'}
                  @click=${this.save}
                >
                  ${msg('保存，稍后继续', { id: 'application.save' })}
                </button>`
          }
        </div>
      </form>
      <p>
        <button type="button" class="link-button" @click=${this.showLookup}>
          ${msg('已提交申请？查询进度', { id: 'application.toLookup' })}
        </button>
      </p>`;
  }

  private renderSuccess() {
    const application = this.result!;
    const credentials = this.credentials;
    return resultViews.render(this, ({ renderSuccess, resultViewStyles, copyText }) => {
      adoptViewStyles(this, resultViewStyles);
      return renderSuccess({
        applicationNo: application.applicationNo,
        resubmitted: !('resumeKey' in application),
        link: credentials && resumeLink(credentials),
        copyStatus: this.copyStatus,
        linkStatus: this.linkStatus,
        onCopy: () => void this.copyNumber(copyText, application.applicationNo),
        onCopyLink: () => credentials && void this.copyLink(copyText, resumeLink(credentials)),
        onLookup: () => this.showLookup(),
      });
    });
  }

  private renderStatus() {
    const view = this.statusView!;
    return resultViews.render(this, ({ renderStatusView, resultViewStyles }) => {
      adoptViewStyles(this, resultViewStyles);
      return renderStatusView(view, this.referenceTask.value, this.locale);
    });
  }

  private renderLookup() {
    return lookupView.render(this, ({ renderLookup }) =>
      renderLookup(this, {
        client: this.api.client,
        locale: this.locale,
        reference: this.referenceTask.value,
        applicationNo: this.result?.applicationNo ?? this.credentials?.applicationNo ?? '',
        onBack: () => {
          this.mode = 'apply';
          this.focusLater('#smec-pa-heading');
        },
      }),
    );
  }

  override render() {
    let body;
    if (this.mode === 'lookup') body = this.renderLookup();
    else if (this.phase === 'loading') body = renderSkeleton();
    else if (this.phase === 'success' && this.result) body = this.renderSuccess();
    else if (this.phase === 'status' && this.statusView) body = this.renderStatus();
    else body = this.renderForm();
    return html`<div part="base" class="base" lang=${this.locale}>${body}</div>`;
  }
}
