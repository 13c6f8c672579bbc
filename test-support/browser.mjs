// The Chromium the browser tests run in, found in this order: env `CHROMIUM_PATH`; Debian's `/usr/bin/chromium`
// (`SMEC_NO_SYSTEM_BROWSER=1` hides it); the headless shell of the npm package @sparticuz/chromium (a dev
// dependency, so `npm ci` brings it), unpacked once into the temp dir. One module for test-support/chromium.ts
// (end-to-end, Storybook and render bench) and web-test-runner.config.mjs (widget tests).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The flags every browser run gets: no sandbox (root), no GPU, no traffic of the browser's own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The installed @sparticuz/chromium's folder and version (its `exports` hide its package.json from `require`). */
function sparticuzPackage() {
  let entry;
  try {
    entry = fileURLToPath(import.meta.resolve('@sparticuz/chromium'));
  } catch {
    throw new Error(
      'No Chromium: set CHROMIUM_PATH, install Debian’s chromium, or run `npm ci` (it brings @sparticuz/chromium)',
    );
  }
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return { dir, version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version };
}

/**
 * Unpacks the package's Chromium (with the SwiftShader libraries it loads from its own folder) into
 * `<tmp>/smec-chromium-<version>` and resolves with the binary's path. The package unpacks into `os.tmpdir()` and
 * takes any `chromium` already there as finished, so a child process unpacks into a fresh folder of its own (its
 * TMPDIR) that is renamed into place when complete: runs in parallel, or one killed halfway, never see half a binary.
 */
async function unpackSparticuz(version) {
  const target = join(tmpdir(), `smec-chromium-${version}`);
  const binary = join(target, 'chromium');
  if (existsSync(binary)) return binary;
  const staging = mkdtempSync(join(tmpdir(), `smec-chromium-${version}-unpacking-`));
  const script =
    "const { default: chromium } = await import('@sparticuz/chromium'); process.stdout.write(await chromium.executablePath());";
  const unpacked = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dirname(fileURLToPath(import.meta.url)),
      env: { ...process.env, TMPDIR: staging },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`unpacking @sparticuz/chromium failed (exit ${code})`)),
    );
  });
  if (unpacked !== join(staging, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${unpacked}`);
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another run finished first: use its copy.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(binary)) throw error;
  }
  return binary;
}

/**
 * @typedef {object} FoundChromium
 * @property {string} executablePath the binary to launch
 * @property {string} source where it came from: `CHROMIUM_PATH`, `Debian` or `@sparticuz/chromium <version>`
 * @property {string[]} args the flags to launch it with ({@link CHROMIUM_ARGS} and what the binary needs)
 * @property {Record<string, string>} env what to add to the environment it is launched with
 */

/** @type {Promise<FoundChromium> | undefined} */
let found;

/**
 * Finds the Chromium to run the tests in (see the top of this file); unpacks the npm package's on first use.
 * @returns {Promise<FoundChromium>}
 */
export function findChromium() {
  found ??= (async () => {
    const fromEnv = process.env.CHROMIUM_PATH;
    if (fromEnv) return { executablePath: fromEnv, source: 'CHROMIUM_PATH', args: CHROMIUM_ARGS, env: {} };
    if (process.env.SMEC_NO_SYSTEM_BROWSER !== '1' && existsSync(DEBIAN_CHROMIUM)) {
      return { executablePath: DEBIAN_CHROMIUM, source: 'Debian', args: CHROMIUM_ARGS, env: {} };
    }
    const { version } = sparticuzPackage();
    const executablePath = await unpackSparticuz(version);
    // Its own fonts, for a machine without any (no fontconfig set-up at all).
    const env = existsSync('/etc/fonts/fonts.conf') ? {} : { FONTCONFIG_PATH: join(dirname(executablePath), 'fonts') };
    return { executablePath, source: `@sparticuz/chromium ${version}`, args: CHROMIUM_ARGS, env };
  })();
  return found;
}

/**
 * Runs in every frame of a pinned context before its own scripts: `Date` (`new Date()`, `Date()`, `Date.now()`) reads
 * the real time shifted by `offset` ms, so it starts at the pinned instant and moves on in real time. Nothing else is
 * touched: timers, `requestAnimationFrame` and `performance` stay the browser's own.
 * @param {number} offset
 */
function shiftDate(offset) {
  const NativeDate = Date;
  if (NativeDate.smecShifted) return;
  const now = () => NativeDate.now() + offset;
  function ShiftedDate(...args) {
    if (!new.target) return new NativeDate(now()).toString();
    return Reflect.construct(NativeDate, args.length === 0 ? [now()] : args, new.target);
  }
  Object.defineProperties(ShiftedDate, {
    length: { value: NativeDate.length },
    name: { value: NativeDate.name },
    prototype: { value: NativeDate.prototype },
    now: { value: now, writable: true, configurable: true },
    parse: { value: NativeDate.parse, writable: true, configurable: true },
    UTC: { value: NativeDate.UTC, writable: true, configurable: true },
    toString: { value: () => NativeDate.toString(), writable: true, configurable: true },
    smecShifted: { value: true },
  });
  Object.defineProperty(NativeDate.prototype, 'constructor', {
    value: ShiftedDate,
    writable: true,
    configurable: true,
  });
  globalThis.Date = ShiftedDate;
}

/**
 * When env `SMEC_NOW` is set (the instant the server's clock is pinned to), starts the clock of the context's pages
 * there (or, with `SMEC_TEST_CLOCK_OFFSET_MS`, moves it by that many ms, as the test servers' clock): `Date` reads that instant and moves on in real time; timers, `requestAnimationFrame` and `performance` stay
 * real. (Playwright's own `clock.setSystemTime` replaces every timer with an emulated one, and `performance` with a
 * stub, even without `clock.install`, so it is not used.) Unset or empty, the real clock.
 * @param {{ addInitScript(script: (offset: number) => void, arg: number): Promise<unknown> }} context a Playwright
 *   browser context
 * @returns {Promise<void>}
 */
export async function pinClock(context) {
  const now = process.env.SMEC_NOW;
  if (now === undefined || now.trim() === '') {
    // The test servers' clock moved by SMEC_TEST_CLOCK_OFFSET_MS (test-support/server.ts): the pages' moves alike.
    const offset = Number(process.env.SMEC_TEST_CLOCK_OFFSET_MS?.trim() || '0');
    if (!Number.isFinite(offset)) throw new Error('SMEC_TEST_CLOCK_OFFSET_MS is not a number of ms');
    if (offset !== 0) await context.addInitScript(shiftDate, offset);
    return;
  }
  const time = new Date(now);
  if (Number.isNaN(time.getTime())) throw new Error(`SMEC_NOW is not an instant: ${now}`);
  await context.addInitScript(shiftDate, time.getTime() - Date.now());
}
