// Lighthouse (desktop preset) on every demo page that embeds a widget, served by the reference server from the CDN
// build, in the tests' Chromium: performance, accessibility, best practices, SEO and Cumulative Layout Shift per page.
// The targets: CLS at most 0.05 and performance at least 95 on every page. Performance is timed, so it dips when
// the machine is busy; CLS is not.
//   node --conditions=source --import tsx bench/lighthouse.ts   (LIGHTHOUSE_PAGES=/,/events for some pages only)
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { findChromium } from '../test-support/browser.mjs';
import { report, round, startServerProcess } from './support.js';

const PAGES = (process.env.LIGHTHOUSE_PAGES ?? '/,/demand,/events,/wallet,/ratings,/policies,/scorecard').split(',');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGET = { maxCls: 0.05, minPerformance: 95 };

interface PageScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  cls: number;
  /** The accessibility, best-practices and SEO audits that did not pass: what to look at when a score drops. */
  failing: string[];
}

const { executablePath, env } = await findChromium();
Object.assign(process.env, env);
const server = await startServerProcess({ SMEC_TEST_DEMO: '1' });
const chrome = await launch({
  chromePath: executablePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  const pages: Record<string, PageScores> = {};
  let version = '';
  for (const path of PAGES) {
    const result = await lighthouse(
      `${server.url}${path}`,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      { ...desktopConfig, settings: { ...desktopConfig.settings, onlyCategories: [...CATEGORIES] } },
    );
    if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
    const { categories, audits, runtimeError, lighthouseVersion } = result.lhr;
    version = lighthouseVersion;
    if (runtimeError) throw new Error(`Lighthouse on ${path}: ${runtimeError.code} ${runtimeError.message}`);
    const score = (id: (typeof CATEGORIES)[number]) => Math.round((categories[id]?.score ?? 0) * 100);
    pages[path] = {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      cls: round(audits['cumulative-layout-shift']?.numericValue ?? Number.NaN, 3),
      failing: CATEGORIES.slice(1).flatMap((id) =>
        (categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => ref.id),
      ),
    };
    console.log(`  ${path}: ${JSON.stringify(pages[path])}`);
  }
  const scores = Object.values(pages);
  report('lighthouse', {
    lighthouse: version,
    preset: 'desktop',
    pages,
    target: TARGET,
    withinTarget: scores.every((page) => page.cls <= TARGET.maxCls && page.performance >= TARGET.minPerformance),
  });
} finally {
  await chrome.kill();
  await server.stop();
}
