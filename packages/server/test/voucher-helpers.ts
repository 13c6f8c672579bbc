import { testNow, testYear } from '../../../test-support/server.js';
import { usccCheckCharacter } from '@smec/schemas';
import type { Insertable } from 'kysely';
import type { EnterpriseTable, UserTable } from '../src/db/schema.js';
import type { SetupTarget } from './demand-helpers.js';

const DAY = 86_400_000;
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const INSERT_CHUNK = 500;

function shanghai(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

export interface TestBatchOptions {
  readonly id: string;
  readonly quota?: number;
  readonly remaining?: number;
  readonly opensTs?: number;
  readonly closesTs?: number;
  readonly faceValue?: number;
  readonly maxCoverage?: number;
  readonly annualCap?: number;
  readonly sizes?: readonly string[];
  readonly tags?: readonly string[];
  readonly regionCodes?: readonly string[];
  readonly categoryIds?: readonly string[];
  readonly useWithinDays?: number;
  readonly year?: number;
}

/** Inserts a province batch open now (override any part); face ¥10,000, 50 % coverage, yearly cap ¥30,000. */
export async function insertBatch(t: Pick<SetupTarget, 'database'>, options: TestBatchOptions): Promise<void> {
  const quota = options.quota ?? 100;
  const opensTs = options.opensTs ?? testNow() - DAY;
  const closesTs = options.closesTs ?? testNow() + 30 * DAY;
  const settleTs = testNow() + 365 * DAY;
  await t.database.db
    .insertInto('voucher_batches')
    .values({
      id: options.id,
      name: '测试服务券批次',
      year: options.year ?? testYear(),
      issuer_name: '广东省中小企业服务中心',
      issuer_region_code: '440000',
      code_prefix: `TST-${options.id.slice(-6).toUpperCase()}`,
      face_value: options.faceValue ?? 1_000_000,
      quota,
      remaining: options.remaining ?? quota,
      claim_opens_at: shanghai(opensTs),
      opens_ts: opensTs,
      claim_closes_at: shanghai(closesTs),
      closes_ts: closesTs,
      sizes: JSON.stringify(options.sizes ?? ['micro', 'small', 'medium']),
      tags: JSON.stringify(options.tags ?? []),
      region_codes: JSON.stringify(options.regionCodes ?? ['440000']),
      category_ids: JSON.stringify(options.categoryIds ?? []),
      annual_cap: options.annualCap ?? 3_000_000,
      max_coverage: options.maxCoverage ?? 50,
      use_within_days: options.useWithinDays ?? 90,
      settle_by: shanghai(settleTs),
      settle_ts: settleTs,
      updated_at: shanghai(testNow()),
    })
    .execute();
}

let usccNo = 0;
function testUscc(): string {
  usccNo++;
  let body = `91440604T${String(usccNo).padStart(6, '0')}`;
  while (body.length < 17) body += USCC_CHARS[usccNo % USCC_CHARS.length];
  return `${body}${usccCheckCharacter(body) ?? '0'}`;
}

export interface TestEnterpriseOptions {
  readonly size?: 'micro' | 'small' | 'medium';
  readonly tags?: readonly string[];
  readonly regionCode?: string;
  readonly legalRepresentative?: string;
  readonly uscc?: string;
}

export interface TestEnterprise {
  readonly userId: string;
  readonly enterpriseId: string;
  readonly token: string;
}

/** Creates `n` enterprises with a user each (`usr-<prefix>-0001`…) and returns them with their tokens, in order. */
export async function insertEnterprises(
  t: SetupTarget,
  n: number,
  prefix: string,
  options: TestEnterpriseOptions = {},
): Promise<TestEnterprise[]> {
  const enterprises: Insertable<EnterpriseTable>[] = [];
  const users: Insertable<UserTable>[] = [];
  const made: { userId: string; enterpriseId: string }[] = [];
  for (let index = 1; index <= n; index++) {
    const no = String(index).padStart(4, '0');
    const enterpriseId = `ent-${prefix}-${no}`;
    const name = `佛山市${prefix}测试${no}有限公司`;
    const region = options.regionCode ?? '440604';
    enterprises.push({
      id: enterpriseId,
      uscc: options.uscc ?? testUscc(),
      name,
      size: options.size ?? 'small',
      industry: '制造业',
      region_code: region,
      city_code: '440600',
      founded_on: '2015-06-01',
      employees: 50,
      tags: JSON.stringify(options.tags ?? []),
      legal_representative: options.legalRepresentative ?? `测试法人${prefix}${no}`,
    });
    users.push({
      id: `usr-${prefix}-${no}`,
      name: '测试联系人',
      role: 'enterprise',
      organization: name,
      region_code: region,
      enterprise_id: enterpriseId,
      provider_id: null,
      position: 20_000 + index,
    });
    made.push({ userId: `usr-${prefix}-${no}`, enterpriseId });
  }
  // One statement per chunk: PostgreSQL takes at most 65,535 parameters in a statement (11 per enterprise row).
  await t.database.db.transaction().execute(async (trx) => {
    for (let from = 0; from < enterprises.length; from += INSERT_CHUNK) {
      await trx
        .insertInto('enterprises')
        .values(enterprises.slice(from, from + INSERT_CHUNK))
        .execute();
      await trx
        .insertInto('users')
        .values(users.slice(from, from + INSERT_CHUNK))
        .execute();
    }
  });
  const tokens = await Promise.all(made.map((entry) => t.tokenFor(entry.userId)));
  return made.map((entry, index) => ({ ...entry, token: tokens[index] ?? '' }));
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
