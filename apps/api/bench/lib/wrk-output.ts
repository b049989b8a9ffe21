// wrk's own report (no Lua script), parsed: requests, duration, latency percentiles, socket errors and
// non-2xx/3xx answers. wrk prints times with a unit that grows with the value (units.c: `us`, `ms`, `s`,
// then `m` and `h` past a minute) and sizes the same way; a percentile of a run that completed nothing
// reads `nan`. Every unit is read, so a long streamed download (seconds, minutes) never reads as NaN.
import type { Run } from './client.js';

const TIME_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A wrk time (`412.00us`, `7.23ms`, `1.80s`, `1.02m`) in milliseconds; NaN for what is not one.
 * @example wrkTimeMs('1.80s') // 1800
 */
export function wrkTimeMs(text: string): number {
  const m = /^\s*([\d.]+)\s*(us|ms|s|m|h)\s*$/.exec(text);
  return m ? Number(m[1]) * (TIME_MS[m[2] as string] as number) : Number.NaN;
}

/** The value printed beside `p%` in wrk's latency distribution, in ms (NaN when absent or `nan`). */
export function wrkPercentileMs(out: string, p: number): number {
  const m = new RegExp(`^\\s*${p}(?:\\.0+)?%\\s+(\\S+)\\s*$`, 'm').exec(out.replace(/\r/g, ''));
  return m ? wrkTimeMs(m[1] as string) : Number.NaN;
}

/** wrk's report without a script, as a Run (`--latency` for the percentiles). */
export function parseWrkReport(out: string): Run {
  const text = out.replace(/\r/g, '');
  const total = /(\d+) requests in ([\d.]+\s*(?:us|ms|s|m|h))/.exec(text);
  if (!total) throw new Error(`wrk: ${out}`);
  const seconds = wrkTimeMs(total[2] as string) / 1000;
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  // `Latency   avg   stdev   max   +/- stdev`
  const max = /^\s*Latency\s+\S+\s+\S+\s+(\S+)/m.exec(text);
  const requests = Number(total[1]);
  return {
    requests,
    rps: requests / seconds,
    p50: wrkPercentileMs(text, 50),
    p99: wrkPercentileMs(text, 99),
    max: max ? wrkTimeMs(max[1] as string) : Number.NaN,
    errors: sock ? Number(sock[1]) + Number(sock[2]) + Number(sock[3]) : 0,
    timeouts: sock ? Number(sock[4]) : 0,
    failed: Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0),
    status: {},
  };
}
