import type { FastifyInstance } from 'fastify';
import { validationFailed } from './problem.js';
import { fill, type Localized } from './localized.js';

const TOO_DEEP: Localized = {
  'zh-CN': '嵌套不能超过 {max} 层',
  'zh-HK': '嵌套不能超過 {max} 層',
  en: 'Must not nest deeper than {max} levels',
};

/** How deep a request body's objects and arrays may nest. The platform's own bodies nest three levels deep. */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of JSON text, counted before parsing it (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b || char === 0x7b) {
      deepest = Math.max(deepest, ++depth);
    } else if (char === 0x5d || char === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

/**
 * JSON bodies as Fastify parses them (prototype poisoning refused), but refused with a 400 when nested deeper than
 * MAX_JSON_DEPTH: everything that walks a body recursively (validation, the NUL check, the idempotency hash) would
 * otherwise overflow the stack on a 64 KB body of brackets and answer 500.
 */
export function registerJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      const message = fill(TOO_DEEP, { max: MAX_JSON_DEPTH });
      done(validationFailed([{ path: 'body', message, code: 'too_deep' }]), undefined);
      return;
    }
    parse(request, text, done);
  });
}
