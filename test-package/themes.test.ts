// The example themes keep the contrasts WCAG asks for in each scheme they define: text 4.5:1, borders 3:1.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

const THEMES = new URL('../packages/widgets/themes/', import.meta.url);

/** Relative luminance of a `#rrggbb` colour (WCAG 2.x). */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Each block of declarations in the file (light, media-dark, attribute-dark) as token → colour. */
function schemes(css: string): Map<string, string>[] {
  const blocks = [...css.matchAll(/\{([^{}]*--smec-[^{}]*)\}/g)].map((match) => match[1] ?? '');
  return blocks.map(
    (block) =>
      new Map(
        [...block.matchAll(/(--smec-[a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [
          m[1] ?? '',
          (m[2] ?? '').toLowerCase(),
        ]),
      ),
  );
}

const PAIRS: readonly [foreground: string, background: string, minimum: number][] = [
  ['--smec-color-text', '--smec-color-surface', 4.5],
  ['--smec-color-text', '--smec-color-subtle', 4.5],
  ['--smec-color-muted', '--smec-color-surface', 4.5],
  ['--smec-color-muted', '--smec-color-subtle', 4.5],
  ['--smec-color-primary', '--smec-color-surface', 4.5],
  ['--smec-color-on-primary', '--smec-color-primary', 4.5],
  ['--smec-color-danger', '--smec-color-surface', 4.5],
  ['--smec-color-warning', '--smec-color-surface', 4.5],
  ['--smec-color-star', '--smec-color-surface', 3],
  ['--smec-color-border', '--smec-color-surface', 3],
];

const files = readdirSync(THEMES).filter((file) => file.endsWith('.css'));

test('there are two example themes', () => {
  assert.deepEqual(files.sort(), ['gov-red.css', 'neutral-blue.css']);
});

for (const file of files) {
  test(`${file}: every scheme keeps its contrasts`, () => {
    const blocks = schemes(readFileSync(new URL(file, THEMES), 'utf8'));
    assert.equal(blocks.length, 3, 'a light scheme, the dark media query and the dark attribute');
    const failures: string[] = [];
    blocks.forEach((tokens, index) => {
      for (const [foreground, background, minimum] of PAIRS) {
        const fg = tokens.get(foreground);
        const bg = tokens.get(background);
        assert.ok(fg && bg, `block ${index} defines ${foreground} and ${background}`);
        const ratio = contrast(fg, bg);
        if (ratio < minimum) failures.push(`block ${index}: ${foreground} on ${background} is ${ratio.toFixed(2)}:1`);
      }
    });
    assert.deepEqual(failures, []);
  });
}
