import { usccCheckCharacter } from '@smec/schemas';
import type { TestApp } from './demand-helpers.js';

const DAY = 86_400_000;
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

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
export function insertBatch(t: TestApp, options: TestBatchOptions): void {
  const quota = options.quota ?? 100;
  const opensTs = options.opensTs ?? Date.now() - DAY;
  const closesTs = options.closesTs ?? Date.now() + 30 * DAY;
  const settleTs = Date.now() + 365 * DAY;
  t.database.sqlite
    .prepare(
      `INSERT INTO voucher_batches (id, name, year, issuer_name, issuer_region_code, code_prefix, face_value, quota,
         remaining, claim_opens_at, opens_ts, claim_closes_at, closes_ts, sizes, tags, region_codes, category_ids,
         annual_cap, max_coverage, use_within_days, settle_by, settle_ts, updated_at)
       VALUES (?, '测试服务券批次', ?, '广东省中小企业服务中心', '440000', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
         ?)`,
    )
    .run(
      options.id,
      options.year ?? 2026,
      `TST-${options.id.slice(-6).toUpperCase()}`,
      options.faceValue ?? 1_000_000,
      quota,
      options.remaining ?? quota,
      shanghai(opensTs),
      opensTs,
      shanghai(closesTs),
      closesTs,
      JSON.stringify(options.sizes ?? ['micro', 'small', 'medium']),
      JSON.stringify(options.tags ?? []),
      JSON.stringify(options.regionCodes ?? ['440000']),
      JSON.stringify(options.categoryIds ?? []),
      options.annualCap ?? 3_000_000,
      options.maxCoverage ?? 50,
      options.useWithinDays ?? 90,
      shanghai(settleTs),
      settleTs,
      shanghai(Date.now()),
    );
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
  t: TestApp,
  n: number,
  prefix: string,
  options: TestEnterpriseOptions = {},
): Promise<TestEnterprise[]> {
  const { sqlite } = t.database;
  const enterprise = sqlite.prepare(
    `INSERT INTO enterprises (id, uscc, name, size, industry, region_code, city_code, founded_on, employees, tags,
       legal_representative)
     VALUES (?, ?, ?, ?, '制造业', ?, '440600', '2015-06-01', 50, ?, ?)`,
  );
  const user = sqlite.prepare(
    `INSERT INTO users (id, name, role, organization, region_code, enterprise_id, provider_id, position)
     VALUES (?, '测试联系人', 'enterprise', ?, ?, ?, NULL, ?)`,
  );
  const made: { userId: string; enterpriseId: string }[] = [];
  sqlite.transaction(() => {
    for (let index = 1; index <= n; index++) {
      const no = String(index).padStart(4, '0');
      const uscc = options.uscc ?? testUscc();
      const enterpriseId = `ent-${prefix}-${no}`;
      const name = `佛山市${prefix}测试${no}有限公司`;
      const region = options.regionCode ?? '440604';
      enterprise.run(
        enterpriseId,
        uscc,
        name,
        options.size ?? 'small',
        region,
        JSON.stringify(options.tags ?? []),
        options.legalRepresentative ?? `测试法人${prefix}${no}`,
      );
      user.run(`usr-${prefix}-${no}`, name, region, enterpriseId, 20_000 + index);
      made.push({ userId: `usr-${prefix}-${no}`, enterpriseId });
    }
  })();
  const tokens = await Promise.all(made.map((entry) => t.tokenFor(entry.userId)));
  return made.map((entry, index) => ({ ...entry, token: tokens[index] ?? '' }));
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
