// Types of test-support/browser.mjs for the TypeScript that imports it.

/** The flags every browser run gets: no sandbox (root), no GPU, no traffic of the browser's own. */
export declare const CHROMIUM_ARGS: readonly string[];

export interface FoundChromium {
  /** The binary to launch. */
  executablePath: string;
  /** Where it came from: `CHROMIUM_PATH`, `Debian` or `@sparticuz/chromium <version>`. */
  source: string;
  /** The flags to launch it with. */
  args: string[];
  /** What to add to the environment it is launched with. */
  env: Record<string, string>;
}

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium (unless SMEC_NO_SYSTEM_BROWSER=1), else @sparticuz/chromium's. */
export declare function findChromium(): Promise<FoundChromium>;

/** With env SMEC_NOW set, the context's pages' `Date` starts at that instant and flows on; timers stay real. */
export declare function pinClock(context: {
  addInitScript(script: (offset: number) => void, arg: number): Promise<unknown>;
}): Promise<void>;
