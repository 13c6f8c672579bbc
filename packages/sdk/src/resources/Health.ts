import type { Health as HealthStatus } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Resource } from './Resource.js';

/** The platform's liveness: `client.health`. */
export class Health extends Resource {
  /**
   * Whether the platform and its database are up. A platform whose database is down answers 503, which the SDK
   * retries and then throws as `SmecServerError`.
   *
   * @example
   * ```ts
   * const { status, version } = await client.health.get();
   * ```
   */
  get(options?: CallOptions): Promise<HealthStatus> {
    return this.http.request({ ...options, path: '/health', schema: 'Health' });
  }
}
