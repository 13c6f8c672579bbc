// Writes `<file>.br` and `<file>.gz` beside every text file of the CDN build, compressed once at the highest levels,
// so the server sends them as they are (by the request's Accept-Encoding) instead of compressing on every request.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|mjs|css|json|svg|html)$/;

function* filesBelow(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesBelow(path);
    else if (TEXT.test(name)) yield path;
  }
}

export function precompress(dir) {
  let count = 0;
  for (const path of filesBelow(dir)) {
    const body = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    count += 1;
  }
  return count;
}
