// The contract and proofs of delivery a provider attaches to an engagement, which the center reads before it settles.
import type { EngagementProof, EngagementProofsInput, Principal } from '@smec/schemas';
import type { MessageLocale } from '@smec/schemas/rules';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { filesWithKeys } from '../files/store.js';
import type { Localized } from '../http/localized.js';
import { validationFailed } from '../http/problem.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import type { Db } from '../vouchers/context.js';
import { actorOf } from '../vouchers/history.js';
import { problem, statusWord } from '../vouchers/problems.js';
import type { EngagementRow } from '../vouchers/rows.js';

const NOT_YOURS: Localized = {
  'zh-CN': '找不到该文件，或上传凭据不对：请重新上传后再附上。',
  'zh-HK': '找不到該檔案，或上載憑據不對：請重新上載後再附上。',
  en: 'No such file, or not the key its upload gave: upload it again and attach it.',
};

/** What a provider may still add proof to: work it has confirmed and not yet seen settled or cancelled. */
const OPEN_FOR_PROOF: readonly EngagementRow['status'][] = ['confirmed', 'inProgress', 'delivered'];

/** Each engagement's proofs, oldest first. */
export async function proofsOf(db: Db, seqs: readonly number[]): Promise<Map<number, EngagementProof[]>> {
  const out = new Map<number, EngagementProof[]>();
  if (seqs.length === 0) return out;
  const rows = await db
    .selectFrom('engagement_proofs as p')
    .innerJoin('files as f', 'f.id', 'p.file_id')
    .select(['p.engagement_seq', 'p.kind', 'p.added_at', 'f.id', 'f.media_type', 'f.size', 'f.sha256', 'f.uploaded_at'])
    .where('p.engagement_seq', 'in', seqs)
    .orderBy('p.added_at')
    .orderBy('f.id')
    .execute();
  for (const row of rows) {
    const proof: EngagementProof = {
      file: {
        id: row.id,
        mediaType: row.media_type as EngagementProof['file']['mediaType'],
        size: Number(row.size),
        sha256: row.sha256,
        uploadedAt: row.uploaded_at,
      },
      kind: row.kind,
      addedAt: row.added_at,
    };
    const list = out.get(row.engagement_seq);
    if (list) list.push(proof);
    else out.set(row.engagement_seq, [proof]);
  }
  return out;
}

/**
 * Attaches the provider's files (each named with the key its upload answered) to its engagement. A file attached
 * before is kept once. Adding proof answers a refusal to settle: the engagement is queued for settlement again.
 */
export async function addProofs(
  trx: Transaction<Database>,
  principal: Principal,
  row: EngagementRow,
  input: EngagementProofsInput,
  now: number,
  locale: MessageLocale,
): Promise<void> {
  if (principal.role !== 'provider' || principal.providerId !== row.provider_id) {
    throw problem('forbidden', locale, 'forbiddenMove');
  }
  if (!OPEN_FOR_PROOF.includes(row.status))
    throw problem('conflict', locale, 'conflict', statusWord(locale, row.status));
  const owned = await filesWithKeys(trx, input.files);
  const refused = input.files.flatMap((file, index) =>
    owned.has(file.id) ? [] : [{ path: `body.files.${index}.id`, message: NOT_YOURS, code: 'invalid' }],
  );
  if (refused.length > 0) throw validationFailed(refused);
  const at = shanghaiDateTime(now);
  const files = [...new Map(input.files.map((file) => [file.id, file])).values()];
  await trx
    .insertInto('engagement_proofs')
    .values(files.map((file) => ({ engagement_seq: row.seq, file_id: file.id, kind: file.kind, added_at: at })))
    .onConflict((conflict) => conflict.columns(['engagement_seq', 'file_id']).doNothing())
    .execute();
  await trx
    .updateTable('engagements')
    .set({ settlement_refusal: null, updated_at: at })
    .where('seq', '=', row.seq)
    .execute();
  const actor = await actorOf(trx, principal);
  await trx
    .insertInto('engagement_timeline')
    .values({
      engagement_seq: row.seq,
      status: row.status,
      at,
      actor_role: actor.role,
      actor_name: actor.name,
      note: `服务机构提交了结算材料（${files.length} 份）`,
    })
    .execute();
}
