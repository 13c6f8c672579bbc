import type { Engagement, EngagementProofsInput } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Engagements } from './Engagements.js';

/**
 * `client.engagements` with what `createClient` gives for settlement: the provider's proofs and the center's
 * refusal. Kept apart from {@link Engagements} so that the widgets' bundles do not carry them; a client of
 * `createClientFrom` has them when given `{ engagements: FullEngagements }`.
 */
export class FullEngagements extends Engagements {
  /**
   * Provider: attaches its contract or proofs of delivery (files it uploaded with `client.files.upload`, with their
   * keys) to an engagement ordered from it. A refusal to settle is then answered: the engagement is queued again.
   *
   * @example
   * ```ts
   * const file = await client.files.upload(contractPdf);
   * await client.engagements.addProofs('eng-demo-0005', [{ id: file.id, key: file.key, kind: 'contract' }]);
   * ```
   */
  override readonly addProofs = (
    id: string,
    files: EngagementProofsInput['files'],
    options: CallOptions & { idempotencyKey?: string } = {},
  ): Promise<Engagement> => {
    const { idempotencyKey, ...callOptions } = options;
    return this.http.request({
      ...callOptions,
      method: 'POST',
      path: `/engagements/${encodeURIComponent(id)}/proofs`,
      body: { files },
      idempotencyKey: idempotencyKey ?? true,
      schema: 'Engagement',
    });
  };

  /**
   * Center staff: refuses to settle an accepted, voucher-paid engagement, with the reason the provider reads; it
   * stays delivered until the provider adds proof. A second refusal before that is `SmecConflictError`.
   *
   * @example
   * ```ts
   * await client.engagements.refuseSettlement('eng-demo-0004', '缺少服务成果报告，请补充后再申请结算');
   * ```
   */
  override readonly refuseSettlement = (
    id: string,
    reason: string,
    options: CallOptions & { idempotencyKey?: string } = {},
  ): Promise<Engagement> => this.transition(id, { action: 'refuseSettlement', reason }, options);
}
