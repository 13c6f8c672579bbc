// Answers the voucher wallet's calls (GET /me/vouchers, /engagements, /voucher-batches, /products; POST claims,
// quote, use, return, transitions) from fixtures made relative to today, so that the static Storybook build needs no
// server. Used by the stories only: the widget's tests run against the real platform.
import { voucherPayment, type Engagement, type Voucher, type VoucherBatch, type VoucherStatus } from '@smec/schemas';
import { createClient, type SmecClient } from '@smec/sdk/core';
import { createFixtureFetch } from './fixture-fetch.js';

export const VOUCHER_BASE_URL = 'https://fixtures.invalid/api/v1';

/** `normal` answers; `loading` never answers; `error` fails as an unreachable platform; `empty` has nothing. */
export type VoucherMode = 'normal' | 'loading' | 'error' | 'empty' | 'signedOut';
export const VOUCHER_MODES: readonly VoucherMode[] = ['normal', 'loading', 'error', 'empty', 'signedOut'];

/** The product whose provider is a related party of the enterprise: using a voucher on it is refused. */
export const RELATED_PRODUCT = 'prd-story-related';

const DAY = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().replace('Z', '+00:00');

const system = { role: 'system' as const, name: '广东省中小企业公共服务平台' };
const me = { role: 'enterprise' as const, name: '陈经理（佛山市顺德区华美五金制品有限公司）' };

function voucher(id: string, status: VoucherStatus, faceValue: number, useByDays: number, history: VoucherStatus[]) {
  return {
    id,
    code: `GDQ2026-0001-${id.slice(-6).toUpperCase()}`,
    batchId: status === 'issued' && faceValue === 1_000_000 ? 'vbt-story-b' : 'vbt-story-a',
    batch: {
      name: faceValue === 1_000_000 ? '2026年广东省服务券（专精特新）' : '2026年广东省中小微企业服务券（首批）',
      issuerName: '广东省中小企业服务中心',
      maxCoverage: 50,
      categoryIds: [],
      annualCapPerEnterprise: 2_000_000,
    },
    enterpriseId: 'ent-story-01',
    faceValue,
    status,
    claimedAt: iso(-60),
    useBy: iso(useByDays),
    settleBy: iso(useByDays + 90),
    engagementId: status === 'issued' || status === 'expired' || status === 'withdrawn' ? null : 'eng-story-1',
    history: history.map((s, i) => ({
      status: s,
      at: iso(-60 + i * 7),
      actor: s === 'expired' ? system : me,
      note: s === 'withdrawn' ? '企业主动退回' : null,
    })),
  } satisfies Voucher;
}

function vouchers(): Voucher[] {
  return [
    voucher('vch-story-near01', 'issued', 500_000, 5, ['issued']),
    voucher('vch-story-far001', 'issued', 1_000_000, 120, ['issued']),
    voucher('vch-story-ordr01', 'ordered', 500_000, 40, ['issued', 'ordered']),
    voucher('vch-story-conf01', 'confirmed', 500_000, 40, ['issued', 'ordered', 'confirmed']),
    voucher('vch-story-delv01', 'delivered', 500_000, 40, ['issued', 'ordered', 'confirmed', 'delivered']),
    voucher('vch-story-sett01', 'settled', 500_000, -10, ['issued', 'ordered', 'confirmed', 'delivered', 'settled']),
    voucher('vch-story-expd01', 'expired', 300_000, -30, ['issued', 'expired']),
    voucher('vch-story-wdrn01', 'withdrawn', 500_000, 60, ['issued', 'withdrawn']),
  ];
}

function batch(id: string, name: string, opensInDays: number, remaining: number): VoucherBatch {
  return {
    id,
    name,
    year: 2026,
    issuer: { name: '广东省中小企业服务中心', regionCode: '440000' },
    faceValue: 800_000,
    quota: 5000,
    remaining,
    claimOpensAt: iso(opensInDays),
    claimClosesAt: iso(opensInDays + 90),
    claimState: opensInDays > 0 ? 'upcoming' : 'open',
    eligibility: { sizes: ['micro', 'small', 'medium'], tags: [], regionCodes: ['440000'] },
    categoryIds: [],
    annualCapPerEnterprise: 2_000_000,
    maxCoverage: 50,
    useWithinDays: 180,
    settleBy: iso(opensInDays + 365),
  };
}

function engagement(id: string, status: Engagement['status'], accepted: boolean): Engagement {
  const steps: Engagement['status'][] = ['ordered', 'confirmed', 'inProgress', 'delivered'];
  const upTo = Math.max(0, steps.indexOf(status));
  return {
    id,
    enterpriseId: 'ent-story-01',
    enterpriseName: '佛山市顺德区华美五金制品有限公司',
    providerId: 'prv-story-01',
    providerName: '佛山市禅城区智达信息技术有限公司',
    productId: 'prd-story-01',
    productName: '中小企业上云诊断与实施',
    categoryId: 'digitalization',
    voucherId: 'vch-story-ordr01',
    contractAmount: 1_600_000,
    voucherAmount: 500_000,
    selfPaid: 1_100_000,
    status,
    acceptedAt: accepted ? iso(-2) : null,
    ratingId: null,
    createdAt: iso(-20),
    updatedAt: iso(-2),
    timeline: steps.slice(0, upTo + 1).map((s, i) => ({
      status: s,
      at: iso(-20 + i * 5),
      actor: s === 'ordered' ? me : { role: 'provider' as const, name: '智达信息' },
      note: null,
    })),
  };
}

function json(body: unknown, status = 200): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

function problem(status: number, code: string, title: string, detail: string): Response {
  return json({ type: `https://smec.example/problems/${code}`, title, status, detail, code }, status);
}

const page = <T>(items: T[]) => ({ items, nextCursor: null, total: items.length });

/** A fake platform holding one enterprise's wallet in memory: claims, uses and hand-backs change it. */
export function createVoucherFetch(mode: VoucherMode): typeof fetch {
  const state = {
    vouchers: mode === 'empty' ? [] : vouchers(),
    engagements:
      mode === 'empty'
        ? []
        : [engagement('eng-story-1', 'delivered', false), engagement('eng-story-2', 'delivered', true)],
    batches: [
      batch('vbt-story-c', '2026年广东省数字化转型服务券', 0, 1234),
      batch('vbt-story-d', '2027年广东省中小微企业服务券（首批）', 5, 5000),
    ],
  };
  const catalog = createFixtureFetch();
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace('/api/v1', '');
    if (mode === 'loading') return new Promise<Response>(() => undefined);
    if (mode === 'error') throw new TypeError('Failed to fetch');
    if (path === '/voucher-batches') {
      const wanted = url.searchParams.get('state');
      return json(page(state.batches.filter((b) => !wanted || b.claimState === wanted)));
    }
    // The product picker searches the catalog's fixtures.
    if (path === '/products') return catalog(input, init);
    if (mode === 'signedOut') return problem(401, 'unauthorized', '未登录', '请先登录。');
    if (path === '/me/vouchers') return json(page(state.vouchers));
    if (path === '/engagements') return json(page(state.engagements));
    const claimMatch = /^\/voucher-batches\/([^/]+)\/claims$/.exec(path);
    if (claimMatch && method === 'POST') {
      const claimed = { ...voucher(`vch-story-new${state.vouchers.length}`, 'issued', 800_000, 180, ['issued']) };
      claimed.batchId = claimMatch[1] ?? '';
      state.vouchers = [claimed, ...state.vouchers];
      return json(claimed, 201);
    }
    const voucherMatch = /^\/vouchers\/([^/]+)\/(quote|use|return)$/.exec(path);
    const found = state.vouchers.find((v) => v.id === voucherMatch?.[1]);
    if (voucherMatch && found) {
      if (voucherMatch[2] === 'return') {
        const returned = { ...found, status: 'withdrawn' as const };
        state.vouchers = state.vouchers.map((v) => (v.id === found.id ? returned : v));
        return json(returned);
      }
      const body = JSON.parse(String(init?.body ?? '{}')) as { productId: string; contractAmount: number };
      if (body.productId === RELATED_PRODUCT) {
        return problem(409, 'related_party', '关联方', '企业与服务机构的法定代表人相同。');
      }
      const paid = voucherPayment({
        faceValue: found.faceValue,
        maxCoverage: found.batch.maxCoverage,
        contractAmount: body.contractAmount,
        capLeft: 2_000_000,
      });
      if (voucherMatch[2] === 'quote')
        return json({ contractAmount: body.contractAmount, capLeft: 2_000_000, ...paid });
      const ordered = {
        ...engagement(`eng-story-${state.engagements.length + 1}`, 'ordered', false),
        productId: body.productId,
        productName: body.productId === RELATED_PRODUCT ? '五金制品检测认证辅导' : '所选服务产品',
        contractAmount: body.contractAmount,
        voucherAmount: paid.voucherAmount,
        selfPaid: paid.selfPaid,
        voucherId: found.id,
      };
      state.engagements = [ordered, ...state.engagements];
      state.vouchers = state.vouchers.map((v) => (v.id === found.id ? { ...v, status: 'ordered' as const } : v));
      return json(ordered, 201);
    }
    const transition = /^\/engagements\/([^/]+)\/transitions$/.exec(path);
    const engaged = state.engagements.find((e) => e.id === transition?.[1]);
    if (engaged) {
      const accepted = { ...engaged, acceptedAt: new Date().toISOString().replace('Z', '+00:00') };
      state.engagements = state.engagements.map((e) => (e.id === engaged.id ? accepted : e));
      return json(accepted);
    }
    return problem(404, 'not_found', '未找到', path);
  };
}

export function voucherClient(mode: VoucherMode = 'normal'): SmecClient {
  return createClient({
    baseUrl: VOUCHER_BASE_URL,
    fetch: createVoucherFetch(mode),
    retry: 0,
    getToken: mode === 'signedOut' ? undefined : () => 'story-token',
  });
}
