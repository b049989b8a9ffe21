// Child processes of the bench: started on a free loopback port, stopped by pid, measured by RSS.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export const BENCH_ENV = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  DO_NOT_TRACK: '1',
};

export interface Started {
  child: ChildProcess;
  port: number;
}

/**
 * CPU pinning for throughput rounds: servers on one core, the client on another (`taskset`, util-linux),
 * when the machine has two or more and taskset is there. Left to the scheduler, a server and the client
 * sometimes share a core and trade places mid-round, which moved a 5 s round's req/s by a third here.
 */
export const pinning: { server: string; client: string } | undefined = (() => {
  if (availableParallelism() < 2) return undefined;
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'pipe' });
    return { server: '1', client: '0' };
  } catch {
    return undefined;
  }
})();

/** `command args…`, run by taskset on `cpu` when given. */
export const pinned = (cpu: string | undefined, command: string, args: string[]): [string, string[]] =>
  cpu === undefined ? [command, args] : ['taskset', ['-c', cpu, command, ...args]];

/**
 * Starts `node args…` and resolves with the port it prints (`listening N` or `127.0.0.1:N`); with `cpu`,
 * pinned to that core (see `pinning`).
 */
export function startNode(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
  cpu?: string,
): Promise<Started> {
  return new Promise((resolve, reject) => {
    const [command, argv] = pinned(cpu, process.execPath, args);
    const child = spawn(command, argv, {
      cwd,
      env: { ...BENCH_ENV, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(?:listening |127\.0\.0\.1:)(\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${out}`)));
  });
}

/** Stops a child (SIGTERM, then SIGKILL after 3 s) and waits for it. */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.removeAllListeners('exit');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Resident set size of a process, in MiB. */
export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** Every descendant pid of `pid` (from /proc), deepest last. */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  const walk = (p: number) => {
    let children: string;
    try {
      children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8');
    } catch {
      return;
    }
    for (const c of children.trim().split(/\s+/).filter(Boolean).map(Number)) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

export const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
};

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** CPU time a process (all its threads) has used, in seconds: utime + stime from /proc (100 Hz ticks). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command (which may hold spaces) start after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
