// The applicant's resume key: drawn like a file's key, said once, kept only as its hash, compared in constant time.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { RESUME_KEY_HEADER } from '@smec/schemas/rules';
import type { FastifyRequest } from 'fastify';
import { keyHash } from '../files/store.js';
import type { Localized } from '../http/localized.js';
import { validationFailed } from '../http/problem.js';

export function newResumeKey(): string {
  return randomBytes(32).toString('base64url');
}

/** What a missing row is compared with, so that a wrong number takes as long as a wrong key. */
const ABSENT = keyHash('no draft or application has this hash');

/** True when `key` hashes to `hash`; a missing row (`hash` null or undefined) costs the same comparison. */
export function resumeKeyMatches(key: string, hash: string | null | undefined): boolean {
  const given = Buffer.from(keyHash(key));
  const expected = Buffer.from(hash ?? ABSENT);
  const same = given.length === expected.length && timingSafeEqual(given, expected);
  return same && hash !== null && hash !== undefined;
}

const BAD_KEY: Localized = {
  'zh-CN': 'Smec-Resume-Key 应为保存草稿或提交申请时返回的续填密钥（不超过 255 个字符）。',
  'zh-HK': 'Smec-Resume-Key 應為儲存草稿或提交申請時返回的續填密鑰（不超過 255 個字元）。',
  en: 'Smec-Resume-Key must be the resume key that saving the draft or submitting answered (at most 255 characters).',
};

/** The resume key a request sends; missing or longer than any key is a 400, any other wrong key a 404 later. */
export function resumeKeyOf(request: FastifyRequest): string {
  const value = request.headers[RESUME_KEY_HEADER];
  if (typeof value !== 'string' || value.length === 0 || value.length > 255) {
    throw validationFailed([{ path: `header.${RESUME_KEY_HEADER}`, message: BAD_KEY, code: 'invalid' }]);
  }
  return value;
}

/** The resume key of a request that may send one (a file's reader), undefined without it. */
export function optionalResumeKeyOf(request: FastifyRequest): string | undefined {
  return request.headers[RESUME_KEY_HEADER] === undefined ? undefined : resumeKeyOf(request);
}
