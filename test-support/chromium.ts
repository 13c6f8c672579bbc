import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { findChromium, pinClock } from './browser.mjs';

/**
 * The tests' Chromium (test-support/browser.mjs: CHROMIUM_PATH, Debian's, or @sparticuz/chromium's), headless, with
 * the flags this sandbox needs (no sandbox as root, no background networking).
 */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args, env } = await findChromium();
  return chromium.launch({ executablePath, headless: true, args, env: { ...process.env, ...env } });
}

/**
 * A new browser context whose pages' clock starts at `SMEC_NOW` when it is set (the instant the server's clock is
 * pinned to), time flowing on from there and timers real; unset, the real clock.
 */
export async function newContext(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await pinClock(context);
  return context;
}

/** A page in a context of its own ({@link newContext}), which closes with the page, as `browser.newPage()` does. */
export async function newPage(browser: Browser, options?: BrowserContextOptions): Promise<Page> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => {}));
  return page;
}
