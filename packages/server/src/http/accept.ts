import type { FastifyRequest } from 'fastify';

/**
 * Which of `offered` media types (the first is the default) the request's `Accept` prefers: the highest q, then the
 * most specific range, then the order offered. A type the header leaves out is not chosen unless nothing is.
 */
export function preferredType<T extends string>(request: FastifyRequest, offered: readonly [T, ...T[]]): T {
  const header = request.headers.accept;
  if (typeof header !== 'string' || header.trim() === '') return offered[0];
  const ranges = header.split(',').map((part) => {
    const [range = '', ...params] = part.trim().split(';');
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    return { range: range.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
  });
  let best: { type: T; q: number; specificity: number } | undefined;
  for (const type of offered) {
    const [major] = type.split('/');
    for (const { range, q } of ranges) {
      const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1;
      if (specificity < 0 || !(q > 0)) continue;
      if (!best || q > best.q || (q === best.q && specificity > best.specificity)) best = { type, q, specificity };
    }
  }
  return best?.type ?? offered[0];
}
