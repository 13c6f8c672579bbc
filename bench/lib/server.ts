import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface BenchServer {
  readonly apiUrl: string;
  /** CPU seconds the server process has used so far (user and system), or NaN where /proc is missing. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/**
 * Starts the reference server on `location` (a data folder or a postgres:// URL) in its own process, so that the
 * load generator and the server do not share an event loop (this machine has two cores: one each).
 */
export async function startBenchServer(location: string, env: Record<string, string> = {}): Promise<BenchServer> {
  // BENCH_SERVER_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env['BENCH_SERVER_PROFILE'];
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(
    process.execPath,
    [...flags, '--conditions=source', '--import', 'tsx', 'bench/lib/serve.ts', location],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    },
  );
  const exited = once(child, 'exit');
  const [line] = (await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    exited.then(([code]) => {
      throw new Error(`The server exited with ${String(code)} before it listened`);
    }),
  ])) as [string];
  const { apiUrl } = JSON.parse(line) as { apiUrl: string };
  return {
    apiUrl,
    cpuSeconds: () => processCpuSeconds(child.pid),
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}

/** utime + stime of a process, from Linux's /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s). */
function processCpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
