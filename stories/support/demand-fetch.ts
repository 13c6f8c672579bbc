// Answers the demand form's calls (POST /demands, GET /demands/lookup) from a small in-memory imitation of the
// platform, on top of the catalog fixtures (categories and regions), so that the static Storybook build needs no
// server. Checks run with the same schema as the platform's, so an invalid body gets the platform's 400.
import {
  DemandInput,
  issueMessageKey,
  messageText,
  type Demand,
  type DemandStatusView,
  type FieldError,
} from '@smec/schemas';
import { createClient, type SmecClient } from '@smec/sdk/core';
import { FIXTURE_BASE_URL, createFixtureFetch } from './fixture-fetch.js';

/**
 * How the fake platform answers a submission: `normal` stores it; `submitting` never answers; `network` fails as
 * an unreachable platform does; `rateLimited` answers 429 with Retry-After: 180.
 */
export type DemandMode = 'normal' | 'submitting' | 'network' | 'rateLimited';
export const DEMAND_MODES: readonly DemandMode[] = ['normal', 'submitting', 'network', 'rateLimited'];

/** A demand every story can look up: 'XQ20261101DEMO01' with phone 13800138000. */
export const SAMPLE_TRACKING_NO = 'XQ20261101DEMO01';
export const SAMPLE_PHONE = '13800138000';

const SAMPLE: DemandStatusView = {
  trackingNo: SAMPLE_TRACKING_NO,
  title: '申请高新技术企业认定辅导',
  categoryId: 'finance-tax',
  regionCode: '440604',
  status: 'matched',
  rejectReason: null,
  matches: [
    {
      providerId: 'prv-00001',
      providerName: '佛山市禅城区企业服务中心',
      productId: 'prd-00001',
      productName: '高新技术企业认定辅导',
      note: '机构将在 2 个工作日内与您联系',
    },
  ],
  timeline: [
    { status: 'submitted', at: '2026-11-01T09:12:00+08:00', actor: 'submitter', note: null },
    { status: 'accepted', at: '2026-11-02T10:30:00+08:00', actor: 'center', note: '已受理，正在匹配服务机构' },
    { status: 'matched', at: '2026-11-04T15:05:00+08:00', actor: 'center', note: null },
  ],
  submittedAt: '2026-11-01T09:12:00+08:00',
  contactPhone: '138****8000',
};

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type, ...headers } });
}

function never(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

const mask = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/** A `fetch` for the demand form's stories. Stored demands live as long as the story's page. */
export function createDemandFetch(mode: DemandMode = 'normal'): typeof fetch {
  const catalog = createFixtureFetch();
  const stored = new Map<string, { view: DemandStatusView; phone: string }>();
  const byKey = new Map<string, Demand>();
  stored.set(SAMPLE_TRACKING_NO, { view: SAMPLE, phone: SAMPLE_PHONE });
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const path = url.pathname.replace(/^.*\/api\/v1/, '');
    const method = (init?.method ?? 'GET').toUpperCase();
    if (path === '/demands' && method === 'POST') {
      if (mode === 'submitting') return never(init?.signal);
      if (mode === 'network') throw new TypeError('Failed to fetch');
      if (mode === 'rateLimited') {
        const problem = { type: 'about:blank', title: '请求过于频繁', status: 429, code: 'rate_limited' };
        return json(problem, 429, { 'retry-after': '180' });
      }
      const key = new Headers(init?.headers).get('idempotency-key') ?? '';
      const again = byKey.get(key);
      if (again) return json(again, 201);
      const parsed = DemandInput.safeParse(JSON.parse(String(init?.body)));
      if (!parsed.success) {
        const errors: FieldError[] = parsed.error.issues.map((issue) => {
          const code = issueMessageKey(issue);
          return { path: ['body', ...issue.path].join('.'), message: messageText(code), code };
        });
        return json(
          { type: 'about:blank', title: '请求参数有误', status: 400, code: 'validation_failed', errors },
          400,
        );
      }
      const body = parsed.data;
      const now = new Date().toISOString();
      const trackingNo = `XQ${now.slice(0, 10).replaceAll('-', '')}${Math.random().toString(36).slice(2, 8).toUpperCase().padEnd(6, '0')}`;
      const timeline = [{ status: 'submitted' as const, at: now, actor: 'submitter' as const, note: null }];
      const demand: Demand = {
        id: `dmd-${trackingNo.slice(-6).toLowerCase()}`,
        trackingNo,
        enterprise: body.enterprise,
        contact: { name: body.contact.name, phone: mask(body.contact.phone) },
        regionCode: body.regionCode,
        categoryId: body.categoryId,
        productId: body.productId ?? null,
        title: body.title,
        description: body.description,
        budget: body.budget,
        expectedBy: body.expectedBy ?? null,
        status: 'submitted',
        rejectReason: null,
        matches: [],
        timeline,
        submittedAt: now,
        updatedAt: now,
      };
      byKey.set(key, demand);
      stored.set(trackingNo, {
        phone: body.contact.phone,
        view: {
          ...SAMPLE,
          trackingNo,
          title: body.title,
          categoryId: body.categoryId,
          regionCode: body.regionCode,
          status: 'submitted',
          matches: [],
          timeline,
          submittedAt: now,
          contactPhone: mask(body.contact.phone),
        },
      });
      return json(demand, 201);
    }
    if (path === '/demands/lookup') {
      const entry = stored.get(url.searchParams.get('trackingNo') ?? '');
      if (!entry || entry.phone !== url.searchParams.get('phone')) {
        return json({ type: 'about:blank', title: '未找到', status: 404, code: 'not_found' }, 404);
      }
      return json(entry.view);
    }
    return catalog(input, init);
  };
}

/** An SDK client on the demand fixtures; no retries, so that a failure story shows its failure at once. */
export function demandClient(mode: DemandMode = 'normal'): SmecClient {
  return createClient({ baseUrl: FIXTURE_BASE_URL, fetch: createDemandFetch(mode), retry: 0 });
}
