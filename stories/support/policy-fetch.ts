// Answers the policy list's and the scorecard's calls (GET /policies, /policies/{id}, /stats/scorecard) from
// fixtures: the seed's policies (stories/fixtures/policies.json, written by `npm run fixtures`) and a scorecard of
// Foshan with fixed figures, on top of the catalog fixtures (categories), so that the static Storybook build needs
// no server.
import type { Policy, RegionScore, Scorecard, ScorecardMonth } from '@smec/schemas';
import { policyStatus, shanghaiToday, monthsOf } from '@smec/schemas/rules';
import { createClient, type SmecClient } from '@smec/sdk/core';
import { FIXTURE_BASE_URL, createFixtureFetch, loadFixtures } from './fixture-fetch.js';

/** `normal` answers; `loading` never answers; `error` fails as an unreachable platform; `empty` finds nothing. */
export type StoryMode = 'normal' | 'loading' | 'error' | 'empty';
export const STORY_MODES: readonly StoryMode[] = ['normal', 'loading', 'error', 'empty'];

interface SeedPolicy extends Omit<Policy, 'status' | 'regionName' | 'regionLevel' | 'publishedAt'> {
  publishedOn: string;
}

let policies: Promise<SeedPolicy[]> | undefined;
function loadPolicies(): Promise<SeedPolicy[]> {
  policies ??= fetch(new URL('../fixtures/policies.json', import.meta.url)).then(async (response) => {
    if (!response.ok) throw new Error('stories/fixtures/policies.json is missing: run `npm run fixtures`');
    return ((await response.json()) as { policies: SeedPolicy[] }).policies;
  });
  return policies;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function listPolicies(url: URL): Promise<Response> {
  const [seed, catalog] = await Promise.all([loadPolicies(), loadFixtures()]);
  const regions = new Map(catalog.regions.map((region) => [region.code, region]));
  const today = shanghaiToday();
  const chain: string[] = [];
  for (let code = url.searchParams.get('region'); code; code = regions.get(code)?.parentCode ?? null) chain.push(code);
  const q = url.searchParams.get('q')?.trim() ?? '';
  const category = url.searchParams.get('category');
  const validity = url.searchParams.get('validity');
  const items: Policy[] = seed
    .map(({ publishedOn, ...policy }) => ({
      ...policy,
      publishedAt: publishedOn,
      status: policyStatus(policy.effectiveFrom, policy.effectiveUntil, today),
      regionName: regions.get(policy.regionCode)?.name ?? policy.regionCode,
      regionLevel: regions.get(policy.regionCode)?.level ?? 'province',
    }))
    .filter((policy) => chain.length === 0 || chain.includes(policy.regionCode))
    .filter((policy) => !q || `${policy.title}${policy.issuer}${policy.docNumber}${policy.summary}`.includes(q))
    .filter((policy) => !category || policy.categoryIds.includes(category as Policy['categoryIds'][number]))
    .filter((policy) => !validity || policy.status === validity)
    .sort(
      (a, b) => chain.indexOf(a.regionCode) - chain.indexOf(b.regionCode) || b.publishedAt.localeCompare(a.publishedAt),
    );
  const offset = Number(url.searchParams.get('cursor') ?? 0);
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const page = items.slice(offset, offset + limit);
  return json({
    items: page,
    total: items.length,
    nextCursor: offset + limit < items.length ? String(offset + limit) : null,
  });
}

const SHAPE = [0.55, 0.5, 0.7, 0.75, 0.9, 1.05, 1.2, 1.1, 1.0, 1.15, 0.6, 0];

function score(code: string, name: string, level: RegionScore['region']['level'], scale: number): RegionScore {
  const services = Math.round(SHAPE.reduce((sum, s) => sum + s, 0) * 280 * scale);
  const targets =
    level === 'province'
      ? { providersIntegrated: 10_000, enterpriseServices: 300_000 }
      : { providersIntegrated: 477, enterpriseServices: 14_286 };
  const providers = Math.round(227 * scale);
  return {
    region: { code, name, level },
    figures: {
      providersIntegrated: providers,
      providersAdmitted: Math.round(38 * scale),
      productsPublished: Math.round(1186 * scale),
      enterprisesServed: Math.round(services / 8),
      enterpriseServices: services,
      freeServices: Math.round(services * 0.086),
      freeSharePercent: 8.6,
      demandsReceived: Math.round(22 * scale),
      demandsMatched: Math.round(13 * scale),
      eventsHeld: Math.round(50 * scale),
      vouchersIssued: { count: Math.round(138 * scale), fen: Math.round(138 * scale) * 500_000 },
      vouchersRedeemed: { count: Math.round(122 * scale), fen: Math.round(122 * scale) * 441_000 },
      ratings: Math.round(services * 0.9),
      satisfactionPercent: 72.3,
    },
    targets,
    progress: {
      providersIntegrated: Math.round((providers / targets.providersIntegrated) * 1000) / 10,
      enterpriseServices: Math.round((services / targets.enterpriseServices) * 1000) / 10,
    },
  };
}

function scorecard(mode: StoryMode): Scorecard {
  const year = 2026;
  const factor = mode === 'empty' ? 0 : 1;
  const trend: ScorecardMonth[] = monthsOf(year).map((month, i) => {
    const services = Math.round((SHAPE[i] ?? 0) * 280 * factor);
    return {
      month,
      enterpriseServices: services,
      demandsReceived: Math.round(services / 120),
      vouchersRedeemed: Math.round(services / 25),
      ratings: Math.round(services * 0.9),
      satisfactionPercent: services === 0 ? null : 70 + (i % 5),
    };
  });
  return {
    year,
    asOf: '2026-11-28T10:00:00+08:00',
    region: score('440600', '佛山市', 'city', factor),
    parent: score('440000', '广东省', 'province', 11 * factor),
    trend,
    targetBasis:
      '省级目标取自政策（整合服务机构1万家、年服务中小微企业30万家次）；地市目标按全省地级以上市数平均分摊，县（区）目标按所属地市的县（区）数平均分摊，向上取整。',
  };
}

function createPolicyFetch(mode: StoryMode): typeof fetch {
  const fixtures = createFixtureFetch({ mode: mode === 'empty' ? 'normal' : mode });
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const path = url.pathname.replace(new URL(FIXTURE_BASE_URL).pathname, '');
    if (mode === 'loading' || mode === 'error') return fixtures(input, init);
    if (path === '/policies') {
      if (mode === 'empty') return json({ items: [], total: 0, nextCursor: null });
      return listPolicies(url);
    }
    if (path.startsWith('/policies/')) {
      const found = (await loadPolicies()).find((policy) => policy.id === decodeURIComponent(path.slice(10)));
      return found ? json(found) : json({ status: 404, title: 'Not found', code: 'not_found' }, 404);
    }
    if (path === '/stats/scorecard') return json(scorecard(mode));
    return fixtures(input, init);
  };
}

export function policyClient(mode: StoryMode = 'normal'): SmecClient {
  return createClient({
    baseUrl: FIXTURE_BASE_URL,
    fetch: createPolicyFetch(mode),
    retry: 0,
    timeout: mode === 'loading' ? 2_147_483_647 : undefined,
  });
}
