import { describe, expect, it } from 'vitest';
import { parseWrkReport, wrkPercentileMs, wrkTimeMs } from './wrk-output.js';

// Reports as wrk 4.1 prints them (--latency), from runs on this machine. wrk pads a one-letter unit to
// two characters (`2.50s `): the old parser's `…(us|ms|s)$` missed every percentile of a second or more,
// which is how an uncached p99 under load printed NaN.
const SMALL = `Running 1s test @ http://127.0.0.1:18790/healthz
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    51.84ms   46.96ms 207.29ms   68.75%
    Req/Sec    56.12     43.84   148.00     75.00%
  Latency Distribution
     50%   42.76ms
     75%   77.19ms
     90%  120.56ms
     99%  207.29ms
  52 requests in 1.13s, 35.19KB read
Requests/sec:     46.12
Transfer/sec:     31.21KB
`;

// Mixed units: microseconds at the median, seconds at the tail, with socket errors and non-2xx.
const MIXED = `Running 3s test @ http://127.0.0.1:8787/v1/observations
  1 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   30.21ms  150.10ms    1.80s    97.50%
    Req/Sec     2.10k   300.00     2.50k    70.00%
  Latency Distribution
     50%  412.00us
     75%    1.20ms
     90%    5.00ms
     99%    1.02s 
  6300 requests in 3.00s, 50.00MB read
  Socket errors: connect 1, read 2, write 3, timeout 4
  Non-2xx or 3xx responses: 5
Requests/sec:   2100.00
Transfer/sec:     16.67MB
`;

// A 70 MB download on a saturated server: latencies past a minute print in minutes.
const MINUTES = `Running 2m test @ http://127.0.0.1:8787/v1/downloads/cead-comuna-month.csv
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   45.00s    20.00s     1.50m    60.00%
    Req/Sec     0.00      0.00     0.00    100.00%
  Latency Distribution
     50%   40.00s 
     75%    1.00m 
     90%    1.20m 
     99%    1.50m 
  8 requests in 2.00m, 560.00MB read
Requests/sec:      0.07
Transfer/sec:      4.67MB
`;

// Nothing completed: wrk prints nan for the percentiles.
const NOTHING = `Running 1s test @ http://127.0.0.1:9/
  1 threads and 1 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     0.00us    0.00us   0.00us    -nan%
    Req/Sec     0.00      0.00     0.00      -nan%
  Latency Distribution
     50%    0.00us
     75%    0.00us
     90%    0.00us
     99%    0.00us
  0 requests in 1.00s, 0.00B read
  Socket errors: connect 1, read 0, write 0, timeout 0
Requests/sec:      0.00
Transfer/sec:       0.00B
`;

describe('wrk times', () => {
  it('reads every unit wrk prints, in milliseconds', () => {
    expect(wrkTimeMs('412.00us')).toBeCloseTo(0.412, 9); // 412 µs = 0.412 ms
    expect(wrkTimeMs('7.23ms')).toBe(7.23);
    expect(wrkTimeMs('1.80s')).toBe(1800); // 1.8 × 1000
    expect(wrkTimeMs('1.02m')).toBeCloseTo(61_200, 6); // 1.02 × 60,000
    expect(wrkTimeMs('1.00h')).toBe(3_600_000);
  });

  it('gives NaN for what is not a time, never a wrong number', () => {
    expect(wrkTimeMs('-nan%')).toBeNaN();
    expect(wrkTimeMs('nan')).toBeNaN();
    expect(wrkTimeMs('12KB')).toBeNaN();
  });
});

describe('wrk reports', () => {
  it('reads a report in milliseconds', () => {
    const r = parseWrkReport(SMALL);
    expect(r.requests).toBe(52);
    expect(r.rps).toBeCloseTo(52 / 1.13, 9);
    expect(r.p50).toBe(42.76);
    expect(r.p99).toBe(207.29);
    expect(r.max).toBe(207.29);
    expect([r.errors, r.timeouts, r.failed]).toEqual([0, 0, 0]);
  });

  it('reads percentiles in microseconds and seconds, and the errors', () => {
    const r = parseWrkReport(MIXED);
    expect(r.p50).toBeCloseTo(0.412, 9);
    expect(r.p99).toBe(1020); // 1.02 s
    expect(r.max).toBe(1800); // 1.80 s
    expect(r.rps).toBe(2100); // 6,300 / 3.00 s
    expect(r.errors).toBe(6); // connect 1 + read 2 + write 3
    expect(r.timeouts).toBe(4);
    expect(r.failed).toBe(5);
  });

  it('reads a run measured in minutes', () => {
    const r = parseWrkReport(MINUTES);
    expect(r.requests).toBe(8);
    expect(r.rps).toBeCloseTo(8 / 120, 9); // 2.00 m = 120 s
    expect(r.p50).toBe(40_000);
    expect(r.p99).toBe(90_000); // 1.50 m
    expect(r.max).toBe(90_000);
  });

  it('reads a report with Windows line ends the same', () => {
    expect(parseWrkReport(MIXED.replace(/\n/g, '\r\n'))).toEqual(parseWrkReport(MIXED));
  });

  it('reads a run that completed nothing without inventing a rate', () => {
    const r = parseWrkReport(NOTHING);
    expect(r.requests).toBe(0);
    expect(r.rps).toBe(0);
    expect(r.errors).toBe(1);
  });

  it('finds one percentile among the others', () => {
    expect(wrkPercentileMs(MIXED, 75)).toBe(1.2);
    expect(wrkPercentileMs(MIXED, 90)).toBe(5);
    expect(wrkPercentileMs(MIXED, 95)).toBeNaN(); // not printed
  });

  it('refuses output that is not a wrk report', () => {
    expect(() => parseWrkReport('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(/wrk/);
  });
});
