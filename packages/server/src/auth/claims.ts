// What an identity provider's token says about the account behind it: the claims read, checked and named here, so
// that a token whose claims do not fit is refused with the name of the claim at fault.
import { isValidUscc, usccCheckCharacter, type Role, type StaffRole } from '@smec/schemas';
import type { JWTPayload } from 'jose';
import { fill, type Localized } from '../http/localized.js';

/**
 * The names of the claims an identity provider's token carries the account in; each is configurable
 * (`SMEC_CLAIM_*`, see `config.ts`), because the province's identity provider names them its own way. The subject
 * is always the registered claim `sub`.
 */
export interface ClaimNames {
  /** `enterprise`, `provider` or `admin`. Without it the token must name an existing user (the seeded ones). */
  readonly role: string;
  /** The person's name. */
  readonly name: string;
  /** An enterprise's unified social credit code. */
  readonly uscc: string;
  /** An enterprise's registered name. */
  readonly enterpriseName: string;
  /** A provider's id on the platform. */
  readonly provider: string;
  /** A center staff member's region (GB/T 2260 code). */
  readonly region: string;
  /**
   * A center staff member's level: `admin`, `staff` or `viewer`. Optional: without it a new center account is the
   * center's administrator, and an existing one keeps the level its center gave it.
   */
  readonly staffRole: string;
}

export const DEFAULT_CLAIM_NAMES: ClaimNames = {
  role: 'smec_role',
  name: 'name',
  uscc: 'smec_uscc',
  enterpriseName: 'smec_enterprise_name',
  provider: 'smec_provider_id',
  region: 'smec_region',
  staffRole: 'smec_staff_role',
};

/** The environment variable that renames each claim. */
export const CLAIM_NAME_VARIABLES: Readonly<Record<keyof ClaimNames, string>> = {
  role: 'SMEC_CLAIM_ROLE',
  name: 'SMEC_CLAIM_NAME',
  uscc: 'SMEC_CLAIM_USCC',
  enterpriseName: 'SMEC_CLAIM_ENTERPRISE_NAME',
  provider: 'SMEC_CLAIM_PROVIDER',
  region: 'SMEC_CLAIM_REGION',
  staffRole: 'SMEC_CLAIM_STAFF_ROLE',
};

/** The account a token's claims describe, by role: what the platform keeps of it in `users` (and `enterprises`). */
export type AccountClaims =
  | { readonly role: 'enterprise'; readonly name: string; readonly uscc: string; readonly enterpriseName: string }
  | { readonly role: 'provider'; readonly name: string; readonly providerId: string }
  | {
      readonly role: 'admin';
      readonly name: string;
      readonly regionCode: string;
      /** Undefined when the token does not say: the stored level stands (admin for a new account). */
      readonly staffRole?: StaffRole;
    };

/** Why a claim does not fit, in each language; `{value}` is the token's own value, quoted. */
export const CLAIM_REASONS = {
  missing: { 'zh-CN': '缺失', 'zh-HK': '缺失', en: 'missing' },
  notString: { 'zh-CN': '必须是字符串', 'zh-HK': '必須是字串', en: 'must be a string' },
  empty: { 'zh-CN': '为空', 'zh-HK': '為空', en: 'empty' },
  tooLong: { 'zh-CN': '超过 {max} 个字符', 'zh-HK': '超過 {max} 個字元', en: 'longer than {max} characters' },
  notUscc: {
    'zh-CN': '{value} 不是 18 位统一社会信用代码',
    'zh-HK': '{value} 不是 18 位統一社會信用代碼',
    en: '{value} is not an 18-character unified social credit code',
  },
  badCheck: {
    'zh-CN': '{value} 的校验码错误（应为 {expected}）',
    'zh-HK': '{value} 的校驗碼錯誤（應為 {expected}）',
    en: '{value} has a bad check character (expected {expected})',
  },
  unknownRole: {
    'zh-CN': '未知角色 {value}（应为 enterprise、provider 或 admin）',
    'zh-HK': '未知角色 {value}（應為 enterprise、provider 或 admin）',
    en: 'unknown role {value} (expected enterprise, provider or admin)',
  },
  unknownStaffRole: {
    'zh-CN': '未知工作人员角色 {value}（应为 admin、staff 或 viewer）',
    'zh-HK': '未知工作人員角色 {value}（應為 admin、staff 或 viewer）',
    en: 'unknown staff role {value} (expected admin, staff or viewer)',
  },
  notId: { 'zh-CN': '{value} 不是有效的编号', 'zh-HK': '{value} 不是有效的編號', en: '{value} is not an id' },
  noRegion: { 'zh-CN': '不存在地区 {value}', 'zh-HK': '不存在地區 {value}', en: 'no region {value}' },
  noProvider: { 'zh-CN': '不存在服务机构 {value}', 'zh-HK': '不存在服務機構 {value}', en: 'no provider {value}' },
  divisionUnknown: {
    'zh-CN': '其行政区划码 {value}（第 3–8 位）不是本平台的地区',
    'zh-HK': '其行政區劃碼 {value}（第 3–8 位）不是本平台的地區',
    en: 'its administrative division {value} (characters 3–8) is not a region of this platform',
  },
} as const satisfies Record<string, Localized>;

/**
 * A claim that does not fit: the caller is told `claim <name>: <reason>` (a 401), and nothing else. The reason quotes
 * at most a short prefix of the token's own value, never anything read from the server.
 */
export class ClaimRejected extends Error {
  override name = 'ClaimRejected';
  readonly claim: string;
  /** The refusal in each language. */
  readonly detail: Localized;

  constructor(claim: string, reason: Localized, values: Readonly<Record<string, string | number>> = {}) {
    const filled = fill(reason, values);
    super(`claim ${claim}: ${filled.en}`);
    this.detail = {
      'zh-CN': `令牌声明 ${claim}：${filled['zh-CN']}`,
      'zh-HK': `令牌聲明 ${claim}：${filled['zh-HK']}`,
      en: this.message,
    };
    this.claim = claim;
  }
}

const ROLES: readonly Role[] = ['enterprise', 'provider', 'admin'];
const STAFF_ROLES: readonly StaffRole[] = ['admin', 'staff', 'viewer'];
const MAX_NAME = 100;
const MAX_ENTERPRISE_NAME = 200;
const PROVIDER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const REGION_CODE = /^\d{6}$/;

/** A token's value as a refusal quotes it: short, one line, so that a hostile claim cannot fill the answer. */
export function quoted(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return `'${clean.length > 40 ? `${clean.slice(0, 40)}…` : clean}'`;
}

/** The claim `claim` as a trimmed, non-empty string of at most `max` characters. */
function text(payload: JWTPayload, claim: string, max: number): string {
  const value = payload[claim];
  if (value === undefined || value === null) throw new ClaimRejected(claim, CLAIM_REASONS.missing);
  if (typeof value !== 'string') throw new ClaimRejected(claim, CLAIM_REASONS.notString);
  const trimmed = value.trim();
  if (trimmed === '') throw new ClaimRejected(claim, CLAIM_REASONS.empty);
  if (trimmed.length > max) throw new ClaimRejected(claim, CLAIM_REASONS.tooLong, { max });
  return trimmed;
}

/** The claim `claim` as a unified social credit code: upper case, 18 characters, its check character right. */
function uscc(payload: JWTPayload, claim: string): string {
  const code = text(payload, claim, 64).toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) {
    throw new ClaimRejected(claim, CLAIM_REASONS.notUscc, { value: quoted(code) });
  }
  if (!isValidUscc(code)) {
    const expected = usccCheckCharacter(code.slice(0, 17));
    throw new ClaimRejected(claim, CLAIM_REASONS.badCheck, { value: quoted(code), expected: expected ?? '—' });
  }
  return code;
}

/**
 * The account a verified token's claims describe, or undefined when the token has no role claim at all: then it
 * names an existing user by its subject alone, as the demo issuer's tokens do. A role claim makes every claim of
 * that role required. `isRegion` says whether a region code exists (the regions table). Whether the enterprise's
 * region or the provider exists is for the account's store, which reads the database anyway.
 */
export function accountClaimsOf(
  payload: JWTPayload,
  names: ClaimNames,
  isRegion: (code: string) => boolean,
): AccountClaims | undefined {
  const role = payload[names.role];
  if (role === undefined || role === null) return undefined;
  if (typeof role !== 'string') throw new ClaimRejected(names.role, CLAIM_REASONS.notString);
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new ClaimRejected(names.role, CLAIM_REASONS.unknownRole, { value: quoted(role) });
  }
  const name = text(payload, names.name, MAX_NAME);
  switch (role as Role) {
    case 'enterprise':
      return {
        role: 'enterprise',
        name,
        uscc: uscc(payload, names.uscc),
        enterpriseName: text(payload, names.enterpriseName, MAX_ENTERPRISE_NAME),
      };
    case 'provider': {
      const providerId = text(payload, names.provider, 64);
      if (!PROVIDER_ID.test(providerId))
        throw new ClaimRejected(names.provider, CLAIM_REASONS.notId, { value: quoted(providerId) });
      return { role: 'provider', name, providerId };
    }
    case 'admin': {
      const regionCode = text(payload, names.region, 16);
      if (!REGION_CODE.test(regionCode) || !isRegion(regionCode)) {
        throw new ClaimRejected(names.region, CLAIM_REASONS.noRegion, { value: quoted(regionCode) });
      }
      const staffRole = staffRoleOf(payload, names.staffRole);
      return staffRole ? { role: 'admin', name, regionCode, staffRole } : { role: 'admin', name, regionCode };
    }
  }
}

/** The optional staff-role claim: undefined when absent, refused when it names no level. */
function staffRoleOf(payload: JWTPayload, claim: string): StaffRole | undefined {
  const value = payload[claim];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ClaimRejected(claim, CLAIM_REASONS.notString);
  if (!(STAFF_ROLES as readonly string[]).includes(value)) {
    throw new ClaimRejected(claim, CLAIM_REASONS.unknownStaffRole, { value: quoted(value) });
  }
  return value as StaffRole;
}

/** The administrative division a USCC was issued in: its characters 3–8 (GB 32100-2015). */
export function usccRegionCode(code: string): string {
  return code.slice(2, 8);
}
