import type { StaffInvite, StaffMember, StaffPage, StaffPatch, StaffQuery, z } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link Staff.list}. */
export type StaffListParams = z.output<typeof StaffQuery>;

/** The version a change is made to: the account as it was listed (its id and revision name its ETag). */
export type StaffVersion = Pick<StaffMember, 'id' | 'revision'>;

/** The ETag of a staff account as listed: its id and the count of its center's edits. */
export function staffEtag(member: StaffVersion): string {
  return `"${member.id}.r${member.revision}"`;
}

/** Options of {@link Staff.invite}. */
export interface InviteOptions extends CallOptions {
  /** The `Idempotency-Key` of this invitation; by default a new one, repeated by the call's retries. */
  idempotencyKey?: string;
}

/**
 * A center's staff accounts (管理员 admin, 业务员 staff, 只读 viewer): `client.staff`. Needs a center administrator's
 * token; each write is on the audit log.
 */
export class Staff extends Resource {
  /**
   * The staff of the administrator's center and the centers below it, by center then id.
   *
   * @example
   * ```ts
   * const viewers = await client.staff.list({ role: 'viewer', active: true });
   * ```
   */
  list(params: StaffListParams = {}, options?: CallOptions): PagePromise<StaffPage> {
    return new PagePromise(
      (cursor) => this.http.request({ ...options, path: '/staff', query: { ...params, cursor }, schema: 'StaffPage' }),
      params.cursor,
    );
  }

  /** Every account the filters match, page after page. */
  iterate(params: StaffListParams = {}, options?: CallOptions): AsyncGenerator<StaffMember, void, undefined> {
    return this.list(params, options).iterate();
  }

  /**
   * Invites a person by the identity provider's subject or by mobile, with a level, to the administrator's center or
   * one below it (`regionCode`). A person who has an account already is `SmecConflictError`.
   *
   * @example
   * ```ts
   * const member = await client.staff.invite({ subject: 'gdidp|40010086', name: '周敏', role: 'staff' });
   * const byMobile = await client.staff.invite({ mobile: '13912345678', name: '林晓', role: 'viewer' });
   * ```
   */
  invite(input: StaffInvite, options: InviteOptions = {}): Promise<StaffMember> {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: '/staff',
      body: input,
      idempotencyKey: idempotencyKey ?? true,
      schema: 'StaffMember',
    });
  }

  /**
   * Changes the level of the account as it was listed, or deactivates it (`active: false`), sending its ETag as
   * `If-Match`: a change made meanwhile is `SmecApiError` 412. The center's last active administrator cannot be
   * demoted or deactivated (`SmecConflictError`).
   *
   * @example
   * ```ts
   * const [member] = (await client.staff.list({ role: 'viewer' })).items;
   * if (member) await client.staff.update(member, { role: 'staff' });
   * ```
   */
  update(version: StaffVersion, patch: StaffPatch, options?: CallOptions): Promise<StaffMember> {
    return this.http.request({
      ...options,
      method: 'PATCH',
      path: `/staff/${encodeURIComponent(version.id)}`,
      headers: { ...options?.headers, 'if-match': staffEtag(version) },
      body: patch,
      // With If-Match, a retried change can only repeat the first; the key makes it get the first answer.
      idempotencyKey: true,
      schema: 'StaffMember',
    });
  }
}
