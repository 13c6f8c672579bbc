// Who may add or edit which experts: a provider its own; an administrator those of its region and the regions within
// it, its center's own and its providers'. Another's expert does not exist for the caller (404), as elsewhere.
import { messageText, type ExpertMessageKey, type MessageLocale, type Principal } from '@smec/schemas';
import type { Kysely, Transaction } from 'kysely';
import { forbidden } from '../auth/principal.js';
import type { RegionIndex } from '../catalog/regions.js';
import type { Database } from '../db/schema.js';
import { unknownRegion } from '../http/common-problems.js';
import type { Localized } from '../http/localized.js';
import { ProblemError, type ProblemFieldError } from '../http/problem.js';

type Db = Kysely<Database> | Transaction<Database>;

const TEXT = {
  noOrganisation: {
    'zh-CN': '您的账号未绑定服务机构或服务中心所在地区，不能管理专家。',
    'zh-HK': '您的帳戶未綁定服務機構或服務中心所在地區，不能管理專家。',
    en: 'Your account is bound to no provider and no center’s region, so it cannot manage experts.',
  },
  badReference: {
    'zh-CN': '请求引用了不能使用的服务机构、地区或服务产品。',
    'zh-HK': '請求引用了不能使用的服務機構、地區或服務產品。',
    en: 'The request names a provider, region or product that cannot be used here.',
  },
} as const satisfies Record<string, Localized>;

/** Whose expert a new one is: its provider (or none, a center's), its region and the center that added it. */
export interface ExpertOwner {
  readonly providerId: string | null;
  readonly regionCode: string;
  readonly centerRegionCode: string | null;
}

/** The region an administrator acts for, or the provider a provider user acts for: a 403 without one. */
export function actingFor(principal: Principal): { readonly providerId: string } | { readonly region: string } {
  if (principal.role === 'provider' && principal.providerId) return { providerId: principal.providerId };
  if (principal.role === 'admin' && principal.regionCode) return { region: principal.regionCode };
  throw forbidden(TEXT.noOrganisation);
}

/** A 422 naming each field whose reference cannot be used, with the shared message of its key. */
export function invalidReferences(
  refusals: readonly { readonly path: string; readonly key: ExpertMessageKey }[],
  locale: MessageLocale,
): ProblemError {
  const errors: ProblemFieldError[] = refusals.map(({ path, key }) => ({
    path,
    message: messageText(key, locale),
    code: key,
  }));
  return new ProblemError('invalid_reference', TEXT.badReference, { errors });
}

function checkKnownRegion(regions: RegionIndex, code: string | undefined): void {
  if (code !== undefined && !regions.get(code)) throw unknownRegion('body.regionCode', code);
}

/**
 * The owner of a new expert. A provider's expert lies in its provider's region, or in another of the provider's
 * city; an administrator's in its region, for its center or for a provider of its region it names.
 */
export async function ownerOfNew(
  db: Db,
  regions: RegionIndex,
  principal: Principal,
  input: { readonly regionCode?: string | undefined; readonly providerId?: string | undefined },
  locale: MessageLocale,
): Promise<ExpertOwner> {
  checkKnownRegion(regions, input.regionCode);
  const acting = actingFor(principal);
  const providerId = 'providerId' in acting ? acting.providerId : input.providerId;
  const provider =
    providerId === undefined
      ? undefined
      : await db.selectFrom('providers').select(['id', 'region_code']).where('id', '=', providerId).executeTakeFirst();
  const refuse = (path: string, key: ExpertMessageKey) => invalidReferences([{ path, key }], locale);

  if ('providerId' in acting) {
    if (!provider) throw forbidden(TEXT.noOrganisation);
    if (input.providerId !== undefined && input.providerId !== provider.id)
      throw refuse('body.providerId', 'expert.provider');
    const city = regions.cityOf(provider.region_code)?.code ?? provider.region_code;
    const regionCode = input.regionCode ?? provider.region_code;
    if (!regions.isWithin(regionCode, city)) throw refuse('body.regionCode', 'expert.region');
    return { providerId: provider.id, regionCode, centerRegionCode: null };
  }

  const own = acting.region;
  if (input.providerId !== undefined) {
    if (!provider || !regions.isWithin(provider.region_code, own)) throw refuse('body.providerId', 'expert.provider');
  }
  const regionCode = input.regionCode ?? provider?.region_code ?? own;
  if (!regions.isWithin(regionCode, own)) throw refuse('body.regionCode', 'expert.region');
  return { providerId: provider?.id ?? null, regionCode, centerRegionCode: provider ? null : own };
}

/** Whether the caller may edit an expert held with this owner: its provider, or a center above its region. */
export function mayEdit(
  regions: RegionIndex,
  principal: Principal,
  expert: { readonly provider_id: string | null; readonly region_code: string },
): boolean {
  const acting = actingFor(principal);
  if ('providerId' in acting) return expert.provider_id === acting.providerId;
  return regions.isWithin(expert.region_code, acting.region);
}
