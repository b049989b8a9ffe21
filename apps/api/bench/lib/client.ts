// The load generator, in its own process so that it never shares the bench's event loop: wrk (native,
// one thread per core it is given) when it is on the PATH (`apt-get install wrk`), else autocannon in a
// worker thread. A client inside the bench's own event loop tops out below every server on two cores,
// and then every server reads the same: that is why the old "node:http (same headers)" baseline printed
// 1.00x while a bare server measured from outside beat the API.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { pinned } from './procs.js';
import { parseWrkReport } from './wrk-output.js';

export interface Request {
  path: string;
  headers?: Record<string, string>;
}

export interface Run {
  requests: number;
  rps: number;
  /** Latency percentiles, ms. */
  p50: number;
  p99: number;
  max: number;
  /** Socket errors and timeouts. */
  errors: number;
  timeouts: number;
  /** Responses with a status of 400 or more. */
  failed: number;
  /** Responses by status (only when asked for: reading every body costs the client). */
  status: Record<string, number>;
}

export const hasWrk = (() => {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'pipe' });
    return true;
  } catch (e) {
    // wrk prints its usage and exits 1 when asked its version: still there.
    return (e as { status?: number }).status === 1;
  }
})();

export const clientName = hasWrk
  ? 'wrk (native, 1 thread)'
  : 'autocannon in a worker thread (install wrk for a lighter client)';

const luaString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/**
 * A wrk script cycling through `requests` (each thread from its own start). With `statuses`, it also
 * counts responses by status, which makes wrk hand every body to Lua: slow for large bodies, so only
 * for the small answers of hostile requests.
 */
function mixScript(requests: readonly Request[], statuses: boolean): string {
  const rows = requests.map((r) => {
    const h = Object.entries(r.headers ?? {})
      .map(([k, v]) => `[${luaString(k)}]=${luaString(v)}`)
      .join(',');
    return `{${luaString(r.path)},{${h}}}`;
  });
  return `local reqs = {${rows.join(',\n')}}
local threads = {}
local n = 0
function setup(thread)
  n = n + 1
  thread:set("start", n * 7919)
  table.insert(threads, thread)
end
function init(args)
  i = start % #reqs
  status = {}
end
function request()
  i = i % #reqs + 1
  local r = reqs[i]
  return wrk.format("GET", r[1], r[2])
end
${
  statuses
    ? `function response(s, headers, body)
  status[s] = (status[s] or 0) + 1
end`
    : ''
}
function done(summary, latency, requests)
  local agg = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("status")) do agg[k] = (agg[k] or 0) + v end
  end
  io.write("STATUS")
  for k, v in pairs(agg) do io.write(string.format(" %d:%d", k, v)) end
  io.write("\\n")
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency.max, e.connect, e.read + e.write, e.timeout, e.status))
end
`;
}

function runWrk(
  origin: string,
  requests: readonly Request[],
  connections: number,
  seconds: number,
  statuses: boolean,
  niced: boolean,
  timeoutSeconds: number,
  cpu: string | undefined,
): Promise<Run> {
  // One plain request needs no script: wrk is then at its fastest (a Lua request() per request costs it
  // about a third of its rate, enough to make the client the bottleneck of a throughput round).
  const plain = requests.length === 1 && !requests[0]?.headers && !statuses;
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', `${timeoutSeconds}s`, '--latency'];
  if (plain) args.push(`${origin}${requests[0]?.path}`);
  else {
    const script = join(mkdtempSync(join(tmpdir(), 'mt0-wrk-')), 'mix.lua');
    writeFileSync(script, mixScript(requests, statuses));
    args.push('-s', script, origin);
  }
  return new Promise((resolve, reject) => {
    const [command, argv] = niced ? ['nice', ['-n', '10', 'wrk', ...args]] : pinned(cpu, 'wrk', args);
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', () => {
      if (plain) {
        try {
          return resolve(parseWrkReport(out));
        } catch (e) {
          return reject(e);
        }
      }
      const r = /RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(out);
      if (!r) return reject(new Error(`wrk: ${out}`));
      const [requests, duration, p50, p99, max, connect, rw, timeout, failed] = r
        .slice(1)
        .map(Number) as number[];
      const status: Record<string, number> = {};
      for (const m of (/STATUS(.*)/.exec(out)?.[1] ?? '').matchAll(/(\d+):(\d+)/g))
        status[m[1] as string] = Number(m[2]);
      resolve({
        requests: requests as number,
        rps: (requests as number) / ((duration as number) / 1e6),
        p50: (p50 as number) / 1000,
        p99: (p99 as number) / 1000,
        max: (max as number) / 1000,
        errors: (connect as number) + (rw as number),
        timeouts: timeout as number,
        failed: failed as number,
        status,
      });
    });
  });
}

async function runAutocannon(
  origin: string,
  requests: readonly Request[],
  connections: number,
  seconds: number,
): Promise<Run> {
  const r = (await autocannon({
    url: origin,
    connections,
    duration: seconds,
    requests: requests.map((x) => ({ path: x.path, headers: x.headers ?? {} })),
    workers: 1,
  })) as autocannon.Result;
  const status = Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count]));
  return {
    requests: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    failed: Object.entries(status)
      .filter(([code]) => Number(code) >= 400)
      .reduce((sum, [, n]) => sum + n, 0),
    status,
  };
}

export interface LoadOptions {
  /** Count every status (which reads every body). */
  statuses?: boolean;
  /**
   * Run the client at lower priority (nice 10): in a flood on two cores it would otherwise take the CPU
   * the server needs, which a client on another machine never does. Off for throughput rounds, where the
   * client must keep the server saturated.
   */
  niced?: boolean;
  /**
   * wrk's per-request timeout in seconds (default 10): a request still unanswered after it counts as a
   * timeout at each of wrk's two-second checks. A 70 MB download needs a longer one than a page.
   */
  timeoutSeconds?: number;
  /** Run wrk on this core only (taskset; see `pinning` in procs.ts). */
  cpu?: string;
}

/** Runs `requests` (cycled) against `origin` for `seconds` with `connections` keep-alive connections. */
export function load(
  origin: string,
  requests: readonly Request[],
  connections: number,
  seconds: number,
  o: LoadOptions = {},
): Promise<Run> {
  return hasWrk
    ? runWrk(
        origin,
        requests,
        connections,
        seconds,
        o.statuses ?? false,
        o.niced ?? false,
        o.timeoutSeconds ?? 10,
        o.cpu,
      )
    : runAutocannon(origin, requests, connections, seconds);
}

/** The old way: autocannon inside the bench's own event loop (to show its ceiling). */
export async function inProcess(url: string, connections: number, seconds: number): Promise<number> {
  const r = await autocannon({ url, connections, duration: seconds });
  return r.requests.average;
}

/** 5xx responses of a run (counted when `statuses` was asked for). */
export const fivexx = (r: Run) =>
  Object.entries(r.status)
    .filter(([code]) => code.startsWith('5'))
    .reduce((s, [, n]) => s + n, 0);
