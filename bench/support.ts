import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
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

export interface LoadOptions {
  readonly concurrency: number;
  readonly durationMs: number;
  readonly maxRequests: number;
}

export interface LoadRun {
  concurrency: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Runs `request` from `concurrency` loops until the time or the request count runs out, and summarises the
 * latencies. `request` resolves with its own latency in milliseconds and throws on a wrong answer.
 */
export async function runLoad(request: () => Promise<number>, options: LoadOptions): Promise<LoadRun> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + options.durationMs;
  const loop = async () => {
    while (performance.now() < deadline && latencies.length < options.maxRequests) latencies.push(await request());
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    concurrency: options.concurrency,
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / seconds, 1),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}
