import { readFile, stat } from 'node:fs/promises';
import { negotiateEncoding } from '../http/compression.js';
import { addVary } from '../http/vary.js';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { notFound } from '../http/problem.js';
import { fill, type Localized } from '../http/localized.js';

const TEXT = {
  noCdnFile: {
    'zh-CN': '没有文件 {file}；请先构建组件（npm run build）。',
    'zh-HK': '沒有檔案 {file}；請先建置組件（npm run build）。',
    en: 'No file {file}; build the widgets first (npm run build).',
  },
  noPage: { 'zh-CN': '没有页面 {page}。', 'zh-HK': '沒有頁面 {page}。', en: 'No page {page}.' },
} as const satisfies Record<string, Localized>;

export interface DemoOptions {
  /** Folder of the demo site (index.html, demo.css …). */
  readonly siteRoot?: string;
  /** Folder of the widgets' CDN build. */
  readonly cdnRoot?: string;
}

const DEFAULT_SITE_ROOT = fileURLToPath(new URL('../../demo/', import.meta.url));
const DEFAULT_CDN_ROOT = fileURLToPath(new URL('../../../widgets/dist/cdn/', import.meta.url));

/** A strict policy, as on a government site: the widgets must work without inline script or eval. */
export const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html smec',
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Entry modules keep their names across releases (a webmaster's script tag points at them), so they may be cached
 * only briefly; every other file of the build is a content-hashed chunk that never changes.
 */
export function isEntryFile(name: string): boolean {
  return /^smec(-[a-z]+)*\.js(\.map)?$/.test(name);
}

/** Reads a file below `root`, or undefined when the path escapes the root or is not a file. */
async function readBelow(root: string, relative: string): Promise<Buffer | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = normalize(join(root, decoded));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  try {
    if (!(await stat(file)).isFile()) return undefined;
    return await readFile(file);
  } catch {
    return undefined;
  }
}

function sendFile(reply: FastifyReply, name: string, body: Buffer): FastifyReply {
  return reply.type(MIME[extname(name).toLowerCase()] ?? 'application/octet-stream').send(body);
}

export function demoRoutes(app: FastifyInstance, options: DemoOptions): void {
  const siteRoot = options.siteRoot ?? DEFAULT_SITE_ROOT;
  const cdnRoot = options.cdnRoot ?? DEFAULT_CDN_ROOT;

  app.get('/cdn/*', async (request, reply) => {
    const relative = (request.params as { '*': string })['*'];
    const name = relative.split('/').pop() ?? relative;
    // The build's compressed copy, when the client takes one (scripts/precompress.mjs writes it beside each file).
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    const encoded = encoding && (await readBelow(cdnRoot, `${relative}.${encoding === 'br' ? 'br' : 'gz'}`));
    const body = encoded || (await readBelow(cdnRoot, relative));
    if (!body) throw notFound(fill(TEXT.noCdnFile, { file: `/cdn/${relative}` }));
    reply
      .header('access-control-allow-origin', '*')
      .header('cache-control', isEntryFile(name) ? 'public, max-age=300' : 'public, max-age=31536000, immutable');
    if (encoded) addVary(reply.header('content-encoding', encoding), 'Accept-Encoding');
    return sendFile(reply, name, body);
  });

  const page = async (reply: FastifyReply, name: string) => {
    const body = await readBelow(siteRoot, name);
    if (!body) throw notFound(fill(TEXT.noPage, { page: name }));
    reply.header('content-security-policy', DEMO_CSP).header('cache-control', 'no-cache');
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'strict-origin-when-cross-origin');
    return sendFile(reply, name, body);
  };
  app.get('/', async (_request, reply) => page(reply, 'index.html'));
  app.get('/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    // One page per widget at a clean URL (`/demand` → demand.html), as DESIGN.md lists them.
    if (/^[a-z][a-z0-9-]*$/.test(file)) return page(reply, `${file}.html`);
    // `.js`: the demo's own external scripts (demo-session.js); the CSP allows no inline script.
    if (!/^[a-z0-9-]+\.(css|js|svg|png|ico|html)$/.test(file)) throw notFound(fill(TEXT.noPage, { page: `/${file}` }));
    return page(reply, file);
  });
}
