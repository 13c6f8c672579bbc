import type { MessageLocale } from '@smec/schemas';
import type { FastifyRequest } from 'fastify';

/**
 * The language of the request's messages, from `Accept-Language` in the client's order of preference: Traditional
 * Chinese (HK, TW, MO, Hant) → zh-HK, other Chinese → zh-CN, English → en. zh-CN when nothing matches.
 */
export function requestLocale(request: FastifyRequest): MessageLocale {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string' || header === '') return 'zh-CN';
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.q > 0 && range.tag !== '')
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (/^zh-(hk|tw|mo|hant)/.test(tag)) return 'zh-HK';
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'zh-CN';
}
