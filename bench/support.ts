import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface ServerProcess {
  url: string;
  apiUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the reference server in its own process, so that the load generator and the server do not share an
 * event loop (this machine has two cores: one each).
 */
export async function startServerProcess(extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'test-support/serve.ts'],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, ...extraEnv },
    },
  );
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const { url, apiUrl } = JSON.parse(line) as { url: string; apiUrl: string };
  return {
    url,
    apiUrl,
    async stop() {
      child.stdin!.end();
      await once(child, 'exit');
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Prints a benchmark's figures and writes them to bench/results/<name>.json. */
export function report(name: string, figures: Record<string, unknown>): void {
  mkdirSync('bench/results', { recursive: true });
  const result = { benchmark: name, measuredAt: new Date().toISOString(), node: process.version, ...figures };
  writeFileSync(`bench/results/${name}.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${name}`);
  for (const [key, value] of Object.entries(figures)) {
    console.log(`  ${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  }
}
