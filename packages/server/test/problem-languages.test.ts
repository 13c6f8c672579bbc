// Problems speak the request's language: the title, the detail and each field's message come in Simplified Chinese,
// Traditional Chinese (Hong Kong) or English as `Accept-Language` asks, whichever part of the platform refused.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PROBLEM_TITLES, type MessageLocale, type ProblemCode } from '@smec/schemas';
import type { InjectOptions } from 'fastify';
import { openTestApp, type TestApp } from './demand-helpers.js';
import { assertProblem } from './helpers.js';

let t: TestApp;
let providerToken: string;

before(async () => {
  t = await openTestApp();
  providerToken = await t.tokenFor('usr-prv-01');
});
after(() => t.close());

const ACCEPT: Record<MessageLocale, string> = {
  'zh-CN': 'zh-CN,zh;q=0.9',
  'zh-HK': 'zh-HK,zh;q=0.9',
  en: 'en-GB,en;q=0.9',
};
const CJK = /[\u3400-\u9fff]/;

interface Case {
  readonly name: string;
  readonly request: () => InjectOptions;
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail: Readonly<Record<MessageLocale, string>>;
  /** The first field error's message, when the problem names fields. */
  readonly field?: Readonly<Record<MessageLocale, string>>;
}

const CASES: readonly Case[] = [
  {
    name: 'an unknown product',
    request: () => ({ method: 'GET', url: '/api/v1/products/prd-nope' }),
    status: 404,
    code: 'not_found',
    detail: { 'zh-CN': '未找到服务产品 prd-nope。', 'zh-HK': '找不到服務產品 prd-nope。', en: 'No product prd-nope.' },
  },
  {
    name: 'a page size over the bound',
    request: () => ({ method: 'GET', url: '/api/v1/products?limit=1000' }),
    status: 400,
    code: 'validation_failed',
    detail: {
      'zh-CN': 'query.limit：不能大于 100',
      'zh-HK': 'query.limit：不能大於 100',
      en: 'query.limit: Must be at most 100',
    },
    field: { 'zh-CN': '不能大于 100', 'zh-HK': '不能大於 100', en: 'Must be at most 100' },
  },
  {
    name: 'an unknown region',
    request: () => ({ method: 'GET', url: '/api/v1/events?region=449999' }),
    status: 400,
    code: 'validation_failed',
    detail: {
      'zh-CN': 'query.region：未知的地区代码 449999',
      'zh-HK': 'query.region：未知的地區代碼 449999',
      en: 'query.region: Unknown region code 449999',
    },
    field: { 'zh-CN': '未知的地区代码 449999', 'zh-HK': '未知的地區代碼 449999', en: 'Unknown region code 449999' },
  },
  {
    name: 'a signed-out read of a wallet',
    request: () => ({ method: 'GET', url: '/api/v1/me/vouchers' }),
    status: 401,
    code: 'unauthorized',
    detail: {
      'zh-CN': '请先登录：请求需附带有效的访问令牌。',
      'zh-HK': '請先登入：請求需附帶有效的存取權杖。',
      en: 'Sign in: send a valid bearer token.',
    },
  },
  {
    name: 'a provider asking for a wallet',
    request: () => ({
      method: 'GET',
      url: '/api/v1/me/vouchers',
      headers: { authorization: `Bearer ${providerToken}` },
    }),
    status: 403,
    code: 'forbidden',
    detail: {
      'zh-CN': '您的账号无权执行此操作。',
      'zh-HK': '您的帳戶無權執行此操作。',
      en: 'Your account may not do this.',
    },
  },
  {
    name: 'a path no route serves',
    request: () => ({ method: 'GET', url: '/api/v1/nothing-here' }),
    status: 404,
    code: 'not_found',
    detail: {
      'zh-CN': '不存在资源 GET /api/v1/nothing-here。',
      'zh-HK': '不存在資源 GET /api/v1/nothing-here。',
      en: 'No resource at GET /api/v1/nothing-here.',
    },
  },
  {
    name: 'a tampered cursor',
    request: () => ({ method: 'GET', url: '/api/v1/products?cursor=garbage' }),
    status: 400,
    code: 'invalid_cursor',
    detail: {
      'zh-CN': '游标格式错误、已被篡改或属于其他查询；请不带游标重新开始。',
      'zh-HK': '游標格式錯誤、已被篡改或屬於其他查詢；請不帶游標重新開始。',
      en: 'The cursor is malformed, was tampered with, or belongs to another query; start again without it.',
    },
  },
];

describe('problems in the request’s language', () => {
  for (const item of CASES) {
    test(item.name, async () => {
      for (const locale of ['zh-CN', 'zh-HK', 'en'] as const) {
        const options = item.request();
        const answer = await t.inject({
          ...options,
          headers: { ...(options.headers as Record<string, string>), 'accept-language': ACCEPT[locale] },
        });
        const problem = assertProblem(answer, item.status, item.code);
        assert.equal(problem.title, PROBLEM_TITLES[item.code][locale], `${locale} title`);
        assert.equal(problem.detail, item.detail[locale], `${locale} detail`);
        assert.equal(problem.errors?.[0]?.message, item.field?.[locale], `${locale} field message`);
        // One language at a time: no Chinese in an English answer, and the Chinese ones are not the English text.
        const texts = [problem.title, problem.detail ?? '', ...(problem.errors ?? []).map((error) => error.message)];
        for (const text of texts) {
          assert.equal(CJK.test(text), locale !== 'en', `${locale} text ${JSON.stringify(text)}`);
        }
      }
    });
  }

  test('without Accept-Language the answer is Simplified Chinese', async () => {
    const problem = assertProblem(
      await t.inject({ method: 'GET', url: '/api/v1/products/prd-nope' }),
      404,
      'not_found',
    );
    assert.equal(problem.detail, '未找到服务产品 prd-nope。');
  });
});

test('no problem in the server’s sources is thrown with a one-language text', () => {
  const root = fileURLToPath(new URL('../src/', import.meta.url));
  const literal = /(?:new ProblemError\(\s*'[a-z_]+',|\bnotFound\(|\bunauthorized\(|\bforbidden\(|message:)\s*['`"]/g;
  const found: string[] = [];
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    const source = readFileSync(join(root, file), 'utf8');
    for (const match of source.matchAll(literal)) found.push(`${file}: ${match[0]}`);
  }
  assert.deepEqual(found, []);
});
