// Gzip size of each CDN entry together with every chunk it imports (what a visitor downloads for that tag).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { report } from './support.js';

const CDN = 'packages/widgets/dist/cdn';
// The issues' targets: each widget's module with everything it imports.
const WIDGET_BUDGET_KB = 25;

/** Every file an entry loads through static imports, itself included. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    closure(resolve(dirname(file), match[1]!), seen);
  }
  return seen;
}

function gzipKb(files: Iterable<string>): number {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(file), { level: 9 }).length;
  return Math.round((bytes / 1024) * 100) / 100;
}

if (!existsSync(join(CDN, 'smec.js'))) {
  console.error('bundle-size: run `npm run build` first');
  process.exit(1);
}

const entries = readdirSync(CDN).filter((file) => file.endsWith('.js'));
const sizes: Record<string, number> = {};
for (const entry of entries) sizes[entry] = gzipKb(closure(resolve(CDN, entry)));

const widgets = Object.keys(sizes).filter((entry) => /^smec-(?!root|loader)/.test(entry));
report('bundle-size', {
  unit: 'KB gzip (entry + every chunk it imports)',
  'smec.js': sizes['smec.js'],
  widgetBudgetKb: WIDGET_BUDGET_KB,
  widgets: Object.fromEntries(
    widgets.map((entry) => [entry, { kb: sizes[entry], withinBudget: (sizes[entry] ?? Infinity) <= WIDGET_BUDGET_KB }]),
  ),
  allEntries: sizes,
});
