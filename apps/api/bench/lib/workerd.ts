// The Worker under workerd: the bundle `wrangler deploy --dry-run` makes, run by Miniflare in a child
// process (bench/miniflare.mjs) with the static-assets binding and the vars of wrangler.jsonc. The
// workerd process's RSS comes from /proc; the isolate's JS heap from the V8 inspector (bench/inspector.mjs).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BENCH_ENV, commandOf, cpuSeconds, descendants, rssMiB, sleep, stop } from './procs.js';

/** What the Worker carries: the bundle, or a do-nothing Worker with some of its modules (bench/miniflare.mjs). */
export type WorkerVariant = 'ours' | 'carrying' | 'binary' | 'empty';

export interface Workerd {
  port: number;
  /** Miniflare's construction to workerd's readiness (ms), and the CPU Miniflare's Node process spent in it. */
  start: { ms: number; cpu: number };
  /** RSS of the workerd process (MiB). */
  rss(): number;
  /** CPU the workerd process has spent since it started (ms, all its threads). */
  cpu(): number;
  /** The isolate's memory, read over the inspector (after the RSS readings: a session costs memory). */
  heap(): Promise<{ used: number; backing: number }>;
  close(): Promise<void>;
}

const MiB = 1024 * 1024;

export async function startWorkerd(
  cwd: string,
  bundle: string,
  port: number,
  inspectorPort: number,
  variant: WorkerVariant = 'ours',
): Promise<Workerd> {
  const script = fileURLToPath(new URL('../miniflare.mjs', import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    [script, bundle, 'dist/assets', String(port), String(inspectorPort), variant],
    { cwd, env: BENCH_ENV, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  // Up to two minutes: on a loaded machine Miniflare alone takes tens of seconds to copy 8.6 MB of modules.
  for (let i = 0; i < 4800 && !/listening.*\n/.test(out); i++) await sleep(25);
  if (!/listening.*\n/.test(out)) {
    child.kill('SIGTERM');
    throw new Error(`miniflare did not start: ${out}`);
  }
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const ws = targets.find((t) => /mt0-api/.test(t.webSocketDebuggerUrl))?.webSocketDebuggerUrl;
  if (!ws) throw new Error('no inspector target for the Worker');
  const inspector = fileURLToPath(new URL('../inspector.mjs', import.meta.url));
  /** The isolate's JS heap and ArrayBuffer backing stores, in MiB (one inspector session, then closed). */
  const heap = async (): Promise<{ used: number; backing: number }> => {
    const out = execFileSync(process.execPath, ['--experimental-websocket', '--no-warnings', inspector, ws], {
      encoding: 'utf8',
    });
    const h = JSON.parse(out) as { used: number; backing: number };
    return { used: h.used / MiB, backing: h.backing / MiB };
  };
  const workerd = () => descendants(child.pid as number).filter((p) => /workerd/.test(commandOf(p)));
  const rss = () =>
    workerd().reduce((sum, p) => {
      try {
        return sum + rssMiB(p);
      } catch {
        return sum; // exited between listing and reading
      }
    }, 0);
  const cpu = () =>
    workerd().reduce((sum, p) => {
      try {
        return sum + cpuSeconds(p) * 1000;
      } catch {
        return sum;
      }
    }, 0);
  const started = /start ([\d.]+) cpu ([\d.]+)/.exec(out);
  return {
    port,
    start: { ms: Number(started?.[1]), cpu: Number(started?.[2]) },
    rss,
    cpu,
    heap,
    async close() {
      await stop(child);
    },
  };
}
