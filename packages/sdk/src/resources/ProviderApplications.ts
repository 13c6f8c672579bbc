import type {
  ApplicationTransition,
  ProviderApplication,
  ProviderApplicationInput,
  ProviderApplicationPage,
  ProviderApplicationsQuery,
  ProviderApplicationStatusView,
  z,
} from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

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

/** Filters and paging of {@link ProviderApplications.list}. */
export type ApplicationListParams = z.output<typeof ProviderApplicationsQuery>;

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
  create(input: ProviderApplicationInput, options: CreateApplicationOptions = {}): Promise<ProviderApplication> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: '/provider-applications',
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'ProviderApplication',
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
