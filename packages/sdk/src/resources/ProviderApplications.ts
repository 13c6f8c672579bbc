import type {
  ApplicationTransition,
  CreatedApplicationDraft,
  ProviderApplication,
  ProviderApplicationDraft,
  ProviderApplicationDraftInput,
  ProviderApplicationInput,
  ProviderApplicationPage,
  ProviderApplicationRevision,
  ProviderApplicationsQuery,
  ProviderApplicationStatusView,
  SubmittedProviderApplication,
  z,
} from '@smec/schemas';
import { RESUME_KEY_HEADER } from '@smec/schemas/rules';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link ProviderApplications.list}. */
export type ApplicationListParams = z.output<typeof ProviderApplicationsQuery>;

/** Options of {@link ProviderApplications.create}. */
export interface CreateApplicationOptions extends CallOptions {
  /**
   * The `Idempotency-Key` of this submission. By default a new random key is made for the call and repeated by its
   * retries; pass your own (kept with the form's draft, say) to make a repeated submission safe across page loads.
   */
  idempotencyKey?: string;
}

/** The application number and the contact's mobile that let an applicant follow its application. */
export interface ApplicationLookupParams {
  applicationNo: string;
  phone: string;
}

/** The application number and the resume key that saving a draft or submitting answered: the applicant's own access. */
export interface ResumeParams {
  applicationNo: string;
  resumeKey: string;
}

/** Applications to join the network as a provider (入驻申请): `client.providerApplications`. */
export class ProviderApplications extends Resource {
  /**
   * Applies to join; no sign-in needed. Upload the business licence first with `client.files.upload` and name it
   * with its id and key. Resolves to the stored application with its `applicationNo`. Throws `SmecValidationError`
   * (`errors[]` with `path`, `message`, `code`: a credit code of another organisation type, founded less than two
   * years ago, a licence that is not the applicant's…) and `SmecConflictError` when the organisation is already a
   * provider or has an application under way.
   *
   * @example
   * ```ts
   * const licence = await client.files.upload(licenceFile);
   * const application = await client.providerApplications.create({
   *   ...form,
   *   files: { licence: { id: licence.id, key: licence.key }, certificates: [] },
   * });
   * console.log(application.applicationNo);
   * ```
   */
  create(
    input: ProviderApplicationInput,
    options: CreateApplicationOptions = {},
  ): Promise<SubmittedProviderApplication> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: '/provider-applications',
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'SubmittedProviderApplication',
    });
  }

  /** Where an application stands and what its reviewer said; `SmecNotFoundError` when the pair does not match. */
  lookup(params: ApplicationLookupParams, options?: CallOptions): Promise<ProviderApplicationStatusView> {
    return this.http.request({
      ...options,
      path: '/provider-applications/lookup',
      query: { applicationNo: params.applicationNo, phone: params.phone },
      schema: 'ProviderApplicationStatusView',
    });
  }

  /**
   * Saves a partial application as a draft; no sign-in needed. Any field may be missing, each one given keeps its
   * rules (`SmecValidationError` names it). Resolves to the draft with the `applicationNo` the application will keep
   * and its `resumeKey`, said only here: with the two the draft is read and saved again on any device for 30 days
   * after its last save.
   *
   * @example
   * ```ts
   * const { applicationNo, resumeKey } = await client.providerApplications.saveDraft({
   *   organisation: { name: '佛山市禅城区明理律师事务所' },
   * });
   * ```
   */
  saveDraft(
    input: ProviderApplicationDraftInput,
    options: CreateApplicationOptions = {},
  ): Promise<CreatedApplicationDraft> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: '/provider-application-drafts',
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'CreatedApplicationDraft',
    });
  }

  /** A draft by its number and resume key; `SmecNotFoundError` when either is wrong or the draft has expired. */
  getDraft(params: ResumeParams, options: CallOptions = {}): Promise<ProviderApplicationDraft> {
    return this.http.request({
      ...options,
      path: `/provider-application-drafts/${encodeURIComponent(params.applicationNo)}`,
      headers: { ...options.headers, [RESUME_KEY_HEADER]: params.resumeKey },
      schema: 'ProviderApplicationDraft',
    });
  }

  /**
   * Saves the draft again: what it holds is replaced by `input`, and it is kept 30 days from now. Files the draft
   * names already need no key (name them by id).
   */
  updateDraft(
    params: ResumeParams,
    input: ProviderApplicationDraftInput,
    options: CreateApplicationOptions = {},
  ): Promise<ProviderApplicationDraft> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'PUT',
      path: `/provider-application-drafts/${encodeURIComponent(params.applicationNo)}`,
      headers: { ...callOptions.headers, [RESUME_KEY_HEADER]: params.resumeKey },
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'ProviderApplicationDraft',
    });
  }

  /**
   * Submits the draft as the whole application, checked as {@link create} checks it; the files the draft names need
   * no key. The application keeps the draft's number, and the draft is gone. Resolves to the application with a new
   * `resumeKey`, said only here.
   */
  submitDraft(
    params: ResumeParams,
    input: ProviderApplicationRevision,
    options: CreateApplicationOptions = {},
  ): Promise<SubmittedProviderApplication> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: `/provider-application-drafts/${encodeURIComponent(params.applicationNo)}/submit`,
      headers: { ...callOptions.headers, [RESUME_KEY_HEADER]: params.resumeKey },
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'SubmittedProviderApplication',
    });
  }

  /**
   * The applicant's own application by its resume key: all of it, its status and its timeline with the reviewer's
   * notes. Its files are read with `client.files.get({ id, resumeKey })`. `SmecNotFoundError` when the number or the
   * key is wrong.
   */
  get(params: ResumeParams, options: CallOptions = {}): Promise<ProviderApplication> {
    return this.http.request({
      ...options,
      path: `/provider-applications/${encodeURIComponent(params.applicationNo)}`,
      headers: { ...options.headers, [RESUME_KEY_HEADER]: params.resumeKey },
      schema: 'ProviderApplication',
    });
  }

  /**
   * Resubmits the whole application after the reviewer asked for changes; it goes back to review. Files it names
   * already need no key. `SmecConflictError` unless the application is waiting for changes.
   *
   * @example
   * ```ts
   * const mine = await client.providerApplications.get({ applicationNo, resumeKey });
   * await client.providerApplications.resubmit({ applicationNo, resumeKey }, { ...mine.application, scope });
   * ```
   */
  resubmit(
    params: ResumeParams,
    input: ProviderApplicationRevision,
    options: CreateApplicationOptions = {},
  ): Promise<ProviderApplication> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'PUT',
      path: `/provider-applications/${encodeURIComponent(params.applicationNo)}`,
      headers: { ...callOptions.headers, [RESUME_KEY_HEADER]: params.resumeKey },
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'ProviderApplication',
    });
  }

  /**
   * A center's applications (signed in as an administrator): its region and the regions below, newest first. Await
   * it for one page, or iterate it with `for await` to walk every page.
   *
   * @example
   * ```ts
   * const page = await admin.providerApplications.list({ status: 'submitted', limit: 20 });
   * ```
   */
  list(params: ApplicationListParams = {}, options?: CallOptions): PagePromise<ProviderApplicationPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({
          ...options,
          path: '/provider-applications',
          query: { ...params, cursor },
          schema: 'ProviderApplicationPage',
        }),
      params.cursor,
    );
  }

  /**
   * Reviews an application: `approve` (a 7-day public notice), `requestChanges` with notes per field, or `reject`
   * with a reason. `SmecConflictError` when its status does not allow the move or another reviewer moved it first.
   *
   * @example
   * ```ts
   * await admin.providerApplications.transition(id, {
   *   action: 'requestChanges',
   *   notes: [{ field: 'files.licence', note: '营业执照照片不清晰，请重新上传。' }],
   * });
   * ```
   */
  transition(id: string, body: ApplicationTransition, options?: CallOptions): Promise<ProviderApplication> {
    return this.http.request({
      ...options,
      method: 'POST',
      path: `/provider-applications/${encodeURIComponent(id)}/transitions`,
      body,
      schema: 'ProviderApplication',
    });
  }
}
