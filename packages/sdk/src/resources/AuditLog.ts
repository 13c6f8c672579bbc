import type { AuditEntry, AuditLogPage, AuditLogQuery, z } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { PagePromise } from '../pagination.js';
import { Resource } from './Resource.js';

/** Filters and paging of {@link AuditLog.list}. */
export type AuditLogListParams = z.output<typeof AuditLogQuery>;

/**
 * The audit log (审计日志) of staff writes: `client.auditLog`. Needs a center administrator's token (管理员): a staff
 * member or a viewer is `SmecForbiddenError`. Read only: nothing changes or deletes an entry.
 */
export class AuditLog extends Resource {
  /**
   * The entries of the administrator's center and the centers below it, newest first: who wrote (with its staff
   * level), when, the action, the entity and the fields it changed before and after. Filter by `actor`, `action`,
   * `entityType`, `entityId`, a center (`regionCode`) and Shanghai days `from`/`to`.
   *
   * @example
   * ```ts
   * const page = await client.auditLog.list({ entityType: 'demand', from: '2026-12-01', limit: 50 });
   * console.log(page.items.map((entry) => `${entry.at} ${entry.actor.name} ${entry.action}`));
   * ```
   */
  list(params: AuditLogListParams = {}, options?: CallOptions): PagePromise<AuditLogPage> {
    return new PagePromise(
      (cursor) =>
        this.http.request({ ...options, path: '/audit-log', query: { ...params, cursor }, schema: 'AuditLogPage' }),
      params.cursor,
    );
  }

  /**
   * Every entry the filters match, page after page.
   *
   * @example
   * ```ts
   * for await (const entry of client.auditLog.iterate({ actor: 'usr-staff-440100' })) console.log(entry.action);
   * ```
   */
  iterate(params: AuditLogListParams = {}, options?: CallOptions): AsyncGenerator<AuditEntry, void, undefined> {
    return this.list(params, options).iterate();
  }
}
