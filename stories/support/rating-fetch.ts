// Answers <smec-feedback-rating>'s calls (GET /engagements/{id}, GET and POST /engagements/{id}/rating, GET
// /products|providers/{id}/ratings) from fixtures, so that the static Storybook build needs no server. Stories only:
// the widget's tests use the real server.
import {
  RATING_ITEMS,
  needsFollowUp,
  ratingGrade,
  ratingScore,
  type Engagement,
  type PublicRating,
  type Rating,
  type RatingInput,
  type RatingScores,
  type SatisfactionLevel,
} from '@smec/schemas';
import { createClient, type SmecClient } from '@smec/sdk/core';
import { FIXTURE_BASE_URL } from './fixture-fetch.js';

/**
 * `normal` answers; `loading` never answers; `error` fails as an unreachable platform; `empty` has no ratings;
 * `sending` never answers the POST; `refused` answers the POST with 409 `already_rated`.
 */
export type RatingMode = 'normal' | 'loading' | 'error' | 'empty' | 'sending' | 'refused';
export const RATING_MODES: readonly RatingMode[] = ['normal', 'loading', 'error', 'empty', 'sending', 'refused'];

/** A delivered, accepted engagement not rated yet. */
export const OPEN_ENGAGEMENT = 'eng-story-open';
/** An engagement rated before, with an answered follow-up. */
export const RATED_ENGAGEMENT = 'eng-story-rated';
export const STORY_PRODUCT = 'prd-story-01';

const DAY = 86_400_000;

function iso(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * DAY).toISOString();
}

function engagement(id: string, ratingId: string | null): Engagement {
  return {
    id,
    enterpriseId: 'ent-story',
    enterpriseName: '佛山市禅城区示例科技有限公司',
    providerId: 'prv-story',
    providerName: '广东正衡会计师事务所',
    productId: STORY_PRODUCT,
    productName: '小微企业财税健康检查',
    categoryId: 'finance-tax',
    voucherId: 'vch-story',
    contractAmount: 1_200_000,
    voucherAmount: 600_000,
    selfPaid: 600_000,
    status: 'delivered',
    acceptedAt: iso(3),
    ratingId,
    createdAt: iso(40),
    updatedAt: iso(3),
    timeline: [],
  } as Engagement;
}

/** A day 15 working days ahead, roughly (the server counts holidays; a story needs only a plausible date). */
function dueOn(): string {
  return new Date(Date.now() + 21 * DAY + 8 * 3600_000).toISOString().slice(0, 10);
}

function ratingOf(id: string, engagementId: string, input: RatingInput, daysAgo = 0): Rating {
  const score = ratingScore(input.scores);
  const followUp = needsFollowUp(input.level)
    ? {
        id: `fu-${id}`,
        status: 'open' as const,
        openedAt: iso(daysAgo),
        dueOn: dueOn(),
        answers: [],
        reopenedAt: null,
        reopenReason: null,
        canReopen: true,
        overdue: false,
      }
    : null;
  return {
    id,
    engagementId,
    providerId: 'prv-story',
    productId: STORY_PRODUCT,
    scores: input.scores,
    score,
    grade: ratingGrade(score),
    level: input.level,
    solved: input.solved,
    comment: input.comment ?? '',
    createdAt: iso(daysAgo),
    followUp,
  };
}

function scores(values: readonly number[]): RatingScores {
  return Object.fromEntries(
    RATING_ITEMS.map(([item, max], index) => [item, Math.min(max, values[index] ?? max)]),
  ) as RatingScores;
}

const RATED: Rating = {
  ...ratingOf(
    'rat-story-rated',
    RATED_ENGAGEMENT,
    {
      scores: scores([6, 6, 5, 8, 7, 8, 5, 6]),
      level: 'dissatisfied',
      solved: false,
      comment: '报告交付比约定晚了一周，部分建议不够具体。',
    },
    12,
  ),
};
RATED.followUp = RATED.followUp && {
  ...RATED.followUp,
  status: 'answered',
  answers: [{ text: '已安排项目经理上门回访，并补充了具体的整改建议清单。', at: iso(5) }],
};

const COMMENTS: readonly [SatisfactionLevel, number, string, string | undefined][] = [
  ['verySatisfied', 96, '顾问很专业，两周内就完成了财税体检，指出的问题都很实在。', undefined],
  ['satisfied', 86, '整体不错，报告清楚，建议再多一些行业对比。', undefined],
  ['verySatisfied', 93, '服务态度好，响应及时 👍', undefined],
  [
    'dissatisfied',
    58,
    '交付时间比约定晚，沟通不够及时。',
    '非常抱歉，我们已调整项目排期并指定专人对接，欢迎再次反馈。',
  ],
  ['neutral', 72, '', undefined],
  ['satisfied', 84, '用服务券抵扣了一半费用，性价比高。', undefined],
  ['verySatisfied', 98, '帮我们理顺了研发费用归集，加计扣除顺利申报。', undefined],
];

const LABELS = ['佛山某科技有限公司', '佛山某制造有限公司', '广州某贸易有限公司', '佛山某电子有限公司'];

function publicRatings(): PublicRating[] {
  return COMMENTS.map(([level, score, comment, answer], index) => ({
    id: `rat-story-${index + 1}`,
    productId: STORY_PRODUCT,
    productName: '小微企业财税健康检查',
    enterpriseLabel: LABELS[index % LABELS.length] ?? LABELS[0]!,
    score,
    grade: ratingGrade(score),
    level,
    solved: level !== 'dissatisfied',
    comment,
    createdAt: iso(index * 4 + 1),
    answers: answer ? [{ text: answer, at: iso(index * 4) }] : [],
  }));
}

function summaryOf(items: readonly PublicRating[]) {
  const levels = { verySatisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 0, veryDissatisfied: 0 };
  for (const item of items) levels[item.level] += 1;
  const count = items.length;
  const average = count ? Math.round((items.reduce((sum, item) => sum + item.score, 0) / count) * 10) / 10 : null;
  const satisfied = levels.verySatisfied + levels.satisfied;
  return {
    count,
    averageScore: average,
    levels,
    satisfactionPercent: count ? Math.round((satisfied / count) * 1000) / 10 : null,
  };
}

function json(body: unknown, status = 200): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

function problem(status: number, code: string, title: string): Response {
  return json({ type: 'about:blank', title, status, code }, status);
}

function never(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

/** A `fetch` for the rating stories; a rating sent lives as long as the story's page. */
export function createRatingFetch(mode: RatingMode = 'normal', signedIn = true): typeof fetch {
  const engagements = new Map([
    [OPEN_ENGAGEMENT, engagement(OPEN_ENGAGEMENT, null)],
    [RATED_ENGAGEMENT, engagement(RATED_ENGAGEMENT, RATED.id)],
  ]);
  const ratings = new Map<string, Rating>([[RATED_ENGAGEMENT, RATED]]);
  const all = mode === 'empty' ? [] : publicRatings();
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^.*\/api\/v1/, '');
    const method = request.method.toUpperCase();
    const signal = init?.signal ?? request.signal;
    if (mode === 'loading') return never(signal);
    if (mode === 'error' && method === 'GET') throw new TypeError('Failed to fetch');

    const listed = /^\/(products|providers)\/([^/]+)\/ratings$/.exec(path);
    if (listed) {
      const limit = Number(url.searchParams.get('limit') ?? '5');
      const start = Number(url.searchParams.get('cursor') ?? '0');
      const items = all.slice(start, start + limit);
      const next = start + limit < all.length ? String(start + limit) : null;
      return json({ items, nextCursor: next, total: all.length, summary: summaryOf(all) });
    }
    const rated = /^\/engagements\/([^/]+)(\/rating)?$/.exec(path);
    if (rated) {
      if (!signedIn || !request.headers.has('authorization')) return problem(401, 'unauthorized', '需要登录');
      const id = decodeURIComponent(rated[1] ?? '');
      const found = engagements.get(id);
      if (!found) return problem(404, 'not_found', '未找到');
      if (!rated[2]) return json(found);
      if (method === 'GET') {
        const rating = ratings.get(id);
        return rating ? json(rating) : problem(404, 'not_found', '尚未评价');
      }
      if (mode === 'sending') return never(signal);
      if (mode === 'refused' || ratings.has(id)) return problem(409, 'already_rated', '这项服务已经评价过了');
      const body = (await request.json()) as RatingInput;
      const rating = ratingOf(`rat-story-${ratings.size + 1}`, id, body);
      ratings.set(id, rating);
      engagements.set(id, { ...found, ratingId: rating.id });
      return json(rating, 201);
    }
    return problem(404, 'not_found', '未找到');
  };
}

/** An SDK client on the rating fixtures, signed in unless told otherwise; no retries. */
export function ratingClient(mode: RatingMode = 'normal', signedIn = true): SmecClient {
  return createClient({
    baseUrl: FIXTURE_BASE_URL,
    fetch: createRatingFetch(mode, signedIn),
    retry: 0,
    getToken: signedIn ? () => 'story-token' : undefined,
  });
}
