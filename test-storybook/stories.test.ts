// Every story of the static Storybook build (`npm run build-storybook`, which npm test runs just before this), rendered
// in Chromium from plain files: no console error, no page error, nothing axe-core reports, and nothing wider than the
// screen from 320 px up. The stories run on their fixtures, with no server, exactly as a designer opens them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { launchChromium, newPage } from '../test-support/chromium.js';
import { OVERFLOW_WIDTHS, overflowAtWidths } from '../test-support/overflow.js';

const STATIC = fileURLToPath(new URL('../storybook-static/', import.meta.url));
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Pages rendering at once: the machine has two cores, and each story page is light. */
const PARALLEL = 3;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

interface StoryEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

let server: Server;
let base: string;
let browser: Browser;

before(async () => {
  assert.ok(existsSync(join(STATIC, 'index.json')), 'build Storybook first: npm run build-storybook');
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
    // Browsers ask for it by themselves; the build has an SVG icon only.
    if (path === 'favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = join(STATIC, path || 'index.html');
    if (!file.startsWith(STATIC) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const FIXTURES = fileURLToPath(new URL('../stories/fixtures/', import.meta.url));

/** Every string of a widget's recorded answers: the platform's data, which a story shows in whatever language it has. */
function fixtureStrings(title: string): string[] {
  const file = join(FIXTURES, `${title.replace(/^.*\/smec-/, '')}.json`);
  if (!existsSync(file)) return [];
  const strings: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(JSON.parse(readFileSync(file, 'utf8')));
  return strings;
}

/** Han characters and the full-width punctuation of Chinese text. */
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff01-\uff5e]+/g;
/** Four English words in a row: a sentence, not a code or a unit. */
const ENGLISH = /[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,}){3,}/g;

const HAN = /[\u3400-\u9fff]{2}/;
const inBothLanguages = (text: string) => HAN.test(text) && new RegExp(ENGLISH.source).test(text);

/**
 * The texts of a story in the wrong language: Chinese in an English story, English sentences in a Chinese one, or
 * both in one text. The platform's own data (its recorded answers: names, titles) is shown as it is, in a sentence
 * of either language, and is left out first; a recorded text that is itself in both languages is no excuse.
 */
function foreignTexts(texts: readonly string[], english: boolean, recorded: readonly string[]): string[] {
  const data = [...new Set(recorded)]
    .filter((value) => value.length > 1 && !inBothLanguages(value))
    .sort((a, b) => b.length - a.length);
  const found = new Set<string>();
  for (const text of texts) {
    let own = text;
    // A recorded text cut short on a card (a bio's first lines and …) is still the platform's data.
    const cut = text.replace(/…$/, '');
    if (cut !== text && data.some((value) => value.startsWith(cut))) continue;
    for (const value of data) if (own.includes(value)) own = own.split(value).join(' ');
    if (inBothLanguages(own)) found.add(`both languages in "${text.slice(0, 120)}"`);
    else for (const [run] of own.matchAll(english ? CHINESE : ENGLISH)) found.add(`${run} (in "${text.slice(0, 80)}")`);
  }
  return [...found];
}

/**
 * Every text a visitor reads or hears in the story: text nodes (shadow roots included) and labels, titles,
 * placeholders. A string, not a function: tsx would add a helper to a function that the page does not have.
 */
const VISIBLE_TEXTS = `(() => {
  const out = [];
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent.trim();
      if (text) out.push(text);
      return;
    }
    if (!(node instanceof Element || node instanceof ShadowRoot)) return;
    if (node instanceof Element) {
      if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName)) return;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = (node.getAttribute(name) || '').trim();
        if (value) out.push(value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  const root = document.querySelector('#storybook-root');
  if (root) visit(root);
  return out;
})()`;

/**
 * Renders one story and returns what went wrong: errors while it renders, axe's findings, then what sticks out
 * sideways at each width (the same page resized, widest first, as the page opened at the widest).
 */
async function checkStory(page: Page, story: StoryEntry): Promise<string[]> {
  const problems: string[] = [];
  const onError = (error: Error) => problems.push(`page error: ${error.message}`);
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  try {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
    // Storybook marks the body once the story rendered (or failed to).
    await page.waitForFunction(
      () =>
        document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'),
      undefined,
      { timeout: 20_000 },
    );
    // Then its play function (a visitor's clicks and typing) runs to its end; one that throws fails the story.
    await page.waitForFunction(
      () =>
        (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__
          ?.currentRender?.phase === 'finished',
      undefined,
      { timeout: 20_000 },
    );
    if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
      problems.push(`story failed: ${await page.locator('#error-message').textContent()}`);
    }
    // Let the widget load its fixtures and settle (network idle, then a frame).
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    await page.addScriptTag({ content: AXE_SOURCE });
    const findings = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
      interface AxeResult {
        violations: { id: string; nodes: { target: unknown[] }[] }[];
      }
      const result = await axe.run(
        { include: [['#storybook-root']] },
        // The story canvas is a fragment of a page: page-level rules (landmarks, a main heading) do not apply to it.
        {
          rules: {
            region: { enabled: false },
            'page-has-heading-one': { enabled: false },
            'landmark-one-main': { enabled: false },
          },
        },
      );
      return result.violations.map((violation) => `${violation.id} at ${JSON.stringify(violation.nodes[0]?.target)}`);
    });
    problems.push(...findings.map((finding) => `axe: ${finding}`));
    const texts = (await page.evaluate(VISIBLE_TEXTS)) as string[];
    const english = /\b(En|English)\b/.test(story.name);
    problems.push(
      ...foreignTexts(texts, english, fixtureStrings(story.title)).map(
        (text) => `${english ? 'Chinese in an English story' : 'English in a Chinese story'}: ${text}`,
      ),
    );
    problems.push(...(await overflowAtWidths(page, [...OVERFLOW_WIDTHS].reverse())));
  } finally {
    page.off('pageerror', onError);
    page.off('console', onConsole);
  }
  return problems;
}

test(
  'every story renders with no console error, no axe finding and no sideways overflow',
  { concurrency: PARALLEL },
  async (t) => {
    const index = JSON.parse(readFileSync(join(STATIC, 'index.json'), 'utf8')) as {
      entries: Record<string, StoryEntry>;
    };
    const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
    assert.ok(stories.length >= 20, `the build holds the stories (${stories.length})`);
    await Promise.all(
      stories.map((story) =>
        t.test(`${story.title} › ${story.name}`, async () => {
          const page = await newPage(browser);
          try {
            assert.deepEqual(await checkStory(page, story), []);
          } finally {
            await page.close();
          }
        }),
      ),
    );
  },
);
