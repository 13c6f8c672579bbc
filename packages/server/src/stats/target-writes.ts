import type { MessageLocale, Region, RegionTargets, Targets, TargetsInput } from '@smec/schemas';
import type { Transaction } from 'kysely';
import { auditedWrite, type Snapshot } from '../audit/audited-write.js';
import type { AuditActor } from '../audit/record.js';
import { forbidden } from '../auth/principal.js';
import type { RegionIndex } from '../catalog/regions.js';
import type { Database } from '../db/schema.js';
import { staleEdit } from '../http/if-match.js';
import { fill, type Localized } from '../http/localized.js';
import { validationFailed, type ProblemFieldError } from '../http/problem.js';
import { revisionHolds } from '../http/revision-etag.js';
import { shanghaiDateTime } from '../time/shanghai.js';
import type { ScorecardContext } from './scorecard.js';
import { resolveTargets, targetBasis, yearSettings, type SetShare } from './targets.js';

const TEXT = {
  provinceOnly: {
    'zh-CN': '只有省级服务中心的管理员可以设定各地市、县（区）的年度目标和考核权重。',
    'zh-HK': '只有省級服務中心的管理員可以設定各地市、縣（區）的年度目標和考核權重。',
    en: "Only the province's administrators set the cities' and counties' yearly targets and the evaluation's weights.",
  },
  weightsSum: {
    'zh-CN': '三项权重之和须为 100，现为 {sum}',
    'zh-HK': '三項權重之和須為 100，現為 {sum}',
    en: 'The three weights must add up to 100, not {sum}',
  },
  notBelowProvince: {
    'zh-CN': '{code} 不是地市或县（区）：只能为地市和县（区）设定份额',
    'zh-HK': '{code} 不是地市或縣（區）：只能為地市和縣（區）設定份額',
    en: '{code} is not a city or county: shares are set for cities and counties only',
  },
  duplicate: {
    'zh-CN': '{code} 已在前面列出',
    'zh-HK': '{code} 已在前面列出',
    en: '{code} is listed before',
  },
  sumBelow: {
    'zh-CN': '{parent} 下级的{figure}目标之和为 {sum}，不得低于 {parent} 的目标 {target}',
    'zh-HK': '{parent} 下級的{figure}目標之和為 {sum}，不得低於 {parent} 的目標 {target}',
    en: "The {figure} targets below {parent} add up to {sum}, less than {parent}'s target of {target}",
  },
} as const satisfies Record<string, Localized>;

const FIGURE_NAMES: Record<keyof SetShare, Localized> = {
  providersIntegrated: { 'zh-CN': '整合服务机构', 'zh-HK': '整合服務機構', en: 'providers integrated' },
  enterpriseServices: { 'zh-CN': '服务企业家次', 'zh-HK': '服務企業家次', en: 'enterprise-services' },
};

function sumBelow(figure: keyof SetShare, values: Record<string, string | number>): Localized {
  const locales = ['zh-CN', 'zh-HK', 'en'] as const;
  return Object.fromEntries(
    locales.map((locale) => [locale, fill(TEXT.sumBelow, { ...values, figure: FIGURE_NAMES[figure][locale] })[locale]]),
  ) as Localized;
}

/** The ETag of a year's settings: `"targets-2026.r3"`. */
export const targetsEntityId = (year: number) => `targets-${year}`;

/** The regions in the order the answer lists them: the province, then each city followed by its counties. */
function ordered(regions: RegionIndex): Region[] {
  const list: Region[] = [];
  const visit = (region: Region) => {
    list.push(region);
    for (const child of regions.childrenOf(region.code)) visit(child);
  };
  visit(regions.province);
  return list;
}

export async function readTargets(
  context: Pick<ScorecardContext, 'db' | 'regions'>,
  db: ScorecardContext['db'] | Transaction<Database>,
  year: number,
  locale: MessageLocale,
): Promise<Targets> {
  const settings = await yearSettings(db, year);
  const resolved = resolveTargets(context.regions, year, settings.shares);
  const regions: RegionTargets[] = ordered(context.regions).map((region) => {
    const entry = resolved.get(region.code);
    return {
      region: { code: region.code, name: region.name, level: region.level },
      parentCode: region.parentCode,
      targets: entry?.targets ?? { providersIntegrated: null, enterpriseServices: null },
      source: entry?.source ?? 'equalShare',
    };
  });
  return {
    year,
    weights: settings.weights,
    regions,
    basis: targetBasis(year, locale),
    revision: settings.revision,
    updatedAt: settings.updatedAt,
  };
}

/**
 * The rules of a year's settings: weights adding up to 100; shares only for cities and counties, each once; and,
 * with the shares not named taking equal shares, the cities' targets adding up to at least the province's and each
 * city's counties' to at least the city's, so that the parts never promise less than the whole.
 */
function check(regions: RegionIndex, year: number, input: TargetsInput): Map<string, SetShare> {
  const errors: ProblemFieldError[] = [];
  const { resources, matching, effect } = input.weights;
  const sum = resources + matching + effect;
  if (sum !== 100) errors.push({ path: 'body.weights', message: fill(TEXT.weightsSum, { sum }), code: 'weights.sum' });
  const shares = new Map<string, SetShare>();
  input.shares.forEach((share, index) => {
    const path = `body.shares.${index}.regionCode`;
    const region = regions.get(share.regionCode);
    if (!region || region.level === 'province') {
      errors.push({ path, message: fill(TEXT.notBelowProvince, { code: share.regionCode }), code: 'region.level' });
    } else if (shares.has(region.code)) {
      errors.push({ path, message: fill(TEXT.duplicate, { code: share.regionCode }), code: 'region.duplicate' });
    } else {
      shares.set(region.code, {
        providersIntegrated: share.providersIntegrated,
        enterpriseServices: share.enterpriseServices,
      });
    }
  });
  if (errors.length === 0) {
    const resolved = resolveTargets(regions, year, shares);
    for (const parent of [regions.province, ...regions.all.filter((region) => region.level === 'city')]) {
      const children = regions.childrenOf(parent.code);
      if (children.length === 0) continue;
      const target = resolved.get(parent.code)?.targets;
      for (const figure of ['providersIntegrated', 'enterpriseServices'] as const) {
        const whole = target?.[figure] ?? 0;
        const parts = children.reduce((total, child) => total + (resolved.get(child.code)?.targets[figure] ?? 0), 0);
        if (parts < whole) {
          errors.push({
            path: 'body.shares',
            message: sumBelow(figure, { parent: parent.code, sum: parts, target: whole }),
            code: 'shares.sum',
          });
        }
      }
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  return shares;
}

async function snapshotOf(trx: Transaction<Database>, year: number): Promise<Snapshot | undefined> {
  const settings = await yearSettings(trx, year);
  if (settings.revision === 0) return undefined;
  return {
    weights: settings.weights,
    shares: Object.fromEntries([...settings.shares.entries()].sort(([a], [b]) => a.localeCompare(b))),
    revision: settings.revision,
  };
}

/** Replaces a year's settings whole; the province's administrators only, naming the revision read with If-Match. */
export async function setTargets(
  context: ScorecardContext,
  trx: Transaction<Database>,
  actor: AuditActor,
  year: number,
  ifMatch: readonly string[] | '*',
  input: TargetsInput,
  locale: MessageLocale,
): Promise<Targets> {
  if (actor.principal.regionCode !== context.regions.province.code) throw forbidden(TEXT.provinceOnly);
  const current = await yearSettings(trx, year);
  if (!revisionHolds(ifMatch, targetsEntityId(year), current.revision)) throw staleEdit();
  const shares = check(context.regions, year, input);
  const now = context.clock.now();
  const revision = current.revision + 1;
  await auditedWrite(
    trx,
    actor,
    now,
    { action: 'targets.set', entityType: 'targets', entityId: targetsEntityId(year), read: (t) => snapshotOf(t, year) },
    async () => {
      const row = {
        weight_resources: input.weights.resources,
        weight_matching: input.weights.matching,
        weight_effect: input.weights.effect,
        revision,
        updated_at: shanghaiDateTime(now),
        updated_by: actor.principal.userId,
      };
      if (current.revision === 0) {
        // Two first settings at once: the second finds the year's row there and is as stale as an edit.
        const inserted = await trx
          .insertInto('evaluation_years')
          .values({ year, ...row })
          .onConflict((conflict) => conflict.column('year').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw staleEdit();
      } else {
        const updated = await trx
          .updateTable('evaluation_years')
          .set(row)
          .where('year', '=', year)
          .where('revision', '=', current.revision)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) throw staleEdit();
      }
      await trx.deleteFrom('target_shares').where('year', '=', year).execute();
      const rows = [...shares.entries()].map(([code, share]) => ({
        year,
        region_code: code,
        providers_integrated: share.providersIntegrated,
        enterprise_services: share.enterpriseServices,
      }));
      if (rows.length > 0) await trx.insertInto('target_shares').values(rows).execute();
    },
  );
  return readTargets(context, trx, year, locale);
}
