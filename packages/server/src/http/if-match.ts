import type { FastifyRequest } from 'fastify';
import type { Localized } from './localized.js';
import { ProblemError, validationFailed } from './problem.js';

const TEXT = {
  required: {
    'zh-CN': '修改需附带 If-Match 请求头，其值为读取时得到的 ETag，以免覆盖他人在此期间所做的修改。',
    'zh-HK': '修改需附帶 If-Match 請求標頭，其值為讀取時得到的 ETag，以免覆蓋他人在此期間所做的修改。',
    en: 'Send If-Match with the ETag you read, so that a change made meanwhile is not overwritten.',
  },
  stale: {
    'zh-CN': '内容在您读取之后已被修改：请重新读取，核对后再提交修改。',
    'zh-HK': '內容在您讀取之後已被修改：請重新讀取，核對後再提交修改。',
    en: 'It was changed after you read it: read it again, check, and send your change again.',
  },
  tooLong: {
    'zh-CN': '不能超过 255 个字符',
    'zh-HK': '不能超過 255 個字元',
    en: 'Must be at most 255 characters',
  },
} as const satisfies Record<string, Localized>;

/** The ETags `If-Match` names ('*' for any), as sent: a change without one is refused (428). */
export function requireIfMatch(request: FastifyRequest): readonly string[] | '*' {
  const value = request.headers['if-match'];
  if (value === undefined || value === '') throw new ProblemError('precondition_required', TEXT.required);
  const text = Array.isArray(value) ? value.join(',') : value;
  if (text.length > 255) {
    throw validationFailed([{ path: 'header.if-match', message: TEXT.tooLong, code: 'too_big' }]);
  }
  if (text.trim() === '*') return '*';
  return text.split(',').map((tag) => tag.trim());
}

/**
 * True when `etag` (the resource's current, strong) is one `If-Match` names. The comparison is strong (RFC 9110
 * §13.1.1: a weak tag never matches); a tag read from a compressed answer names the same version.
 */
export function ifMatchHolds(given: readonly string[] | '*', etag: string): boolean {
  if (given === '*') return true;
  return given.some((tag) => tag.replace(/-(br|gzip)"$/, '"') === etag);
}

/** The 412 of a change whose `If-Match` no longer names the current version. */
export function staleEdit(): ProblemError {
  return new ProblemError('precondition_failed', TEXT.stale);
}
