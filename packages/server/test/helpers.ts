import assert from 'node:assert/strict';
import { Problem } from '@smec/schemas';

export interface JsonResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** GET (or another method) on the test server, returning the parsed JSON body. */
export async function request<T = unknown>(
  base: string,
  path: string,
  init: RequestInit = {},
): Promise<JsonResponse<T>> {
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  let body: unknown = text;
  if (text !== '' && /json/.test(response.headers.get('content-type') ?? '')) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: body as T };
}

/** Asserts an RFC 9457 problem response with our shape and the given status and code. */
export function assertProblem(response: JsonResponse, status: number, code: string): Problem {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = Problem.parse(response.body);
  assert.equal(problem.status, status);
  assert.equal(problem.code, code);
  assert.equal(problem.type, `https://smec.gd.gov.cn/problems/${code}`);
  assert.ok(problem.title.length > 0);
  assert.ok(problem.requestId, 'problem carries the request id');
  assert.equal(response.headers.get('x-request-id'), problem.requestId);
  assert.doesNotMatch(JSON.stringify(response.body), /at .+\.(ts|js):\d+/, 'no stack trace');
  return problem;
}

export function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
