import { createHmac, timingSafeEqual } from 'node:crypto';
import { ProblemError } from './problem.js';

/** A keyset position: the sort key of the last item of a page and its id (the tiebreak). */
export type CursorPosition = readonly (string | number)[];

function sign(secret: Buffer, payload: string, scope: string): Buffer {
  return createHmac('sha256', secret).update(payload).update('\n').update(scope).digest().subarray(0, 18);
}

export function invalidCursor(): ProblemError {
  return new ProblemError('invalid_cursor', {
    'zh-CN': '游标格式错误、已被篡改或属于其他查询；请不带游标重新开始。',
    'zh-HK': '游標格式錯誤、已被篡改或屬於其他查詢；請不帶游標重新開始。',
    en: 'The cursor is malformed, was tampered with, or belongs to another query; start again without it.',
  });
}

/**
 * An opaque cursor: base64url JSON of the position, and an HMAC over it and the query it belongs to (`scope`), so
 * that a tampered cursor or one from another filter or sort order is refused instead of silently skipping items.
 */
export function encodeCursor(secret: Buffer, position: CursorPosition, scope: string): string {
  const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
  return `${payload}.${sign(secret, payload, scope).toString('base64url')}`;
}

export function decodeCursor(secret: Buffer, cursor: string, scope: string): CursorPosition {
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) throw invalidCursor();
  const expected = sign(secret, payload, scope);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(position) || !position.every((value) => typeof value === 'string' || typeof value === 'number')) {
    throw invalidCursor();
  }
  return position as CursorPosition;
}

/** The query a cursor belongs to: every filter and the sort, not the page size. */
export function cursorScope(kind: string, query: Record<string, unknown>): string {
  const entries = Object.entries(query)
    .filter(([key, value]) => key !== 'cursor' && key !== 'limit' && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `${kind}?${JSON.stringify(entries)}`;
}

/** The position of a list sorted by a time and the row's seq (the tiebreak): a 400 for a cursor that holds another. */
export function decodeTimeSeqCursor(secret: Buffer, cursor: string, scope: string): [number, number] {
  const [ts, seq] = decodeCursor(secret, cursor, scope);
  if (typeof ts !== 'number' || typeof seq !== 'number') throw invalidCursor();
  return [ts, seq];
}

/** A page of a list that may be filtered by status: how many, and where the previous page ended. */
export interface StatusPageQuery<Status extends string> {
  readonly status?: Status | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}
