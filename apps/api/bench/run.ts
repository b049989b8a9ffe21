// `pnpm bench` (after `pnpm build`): issue 8's measurements, printed, not asserted.
// 1. Speed: the API's hot cached endpoint against a bare node:http server and Fastify sending the very
//    same response (bytes and headers; node:http with one writeHead), interleaved rounds, medians, from a
//    load generator in its own process (bench/lib/client.ts says why that matters).
// 2. A metric endpoint against node:http sending the same bytes; the cost of the largest page uncached; the issue's memory attack on Node.
// 3. The Worker bundle size and the property test at 10,000 cases.
// 4. Load: 60 s (BENCH_LOAD_SECONDS) at 256 connections on the mix of bench/lib/mix.ts: errors, p99, RSS
//    growth after warm-up, /healthz p99 during the flood; then the same mix under workerd (the Worker
//    bundle run by Miniflare, as `wrangler dev --local` runs it minus the dev proxy, which serialises
//    requests) with the isolate's JS heap against the 128 MB a Worker has. Beside the mix, a few
//    connections download the whole comuna × month table as streamed CSV, again and again.
// 5. Issue 9: one comuna's 16-year monthly series over HTTP against a 10-row indicator query (cached
//    and uncached), the whole table as one CSV (Node: from the build's files; and the same rows written
//    row by row, as any other filter and the Worker's whole table are) against bare node:http sending the same bytes,
//    and the Worker bundle's size and its ready time in workerd against a Worker that does nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { assetManifest } from '@mt0/widget/server';
import { provideStoreFromDisk } from '../src/store-node.js';
import { runProperty } from '../test-support/property.js';
import { serverFetch } from '../test-support/server-fetch.js';
import { clientName, fivexx, inProcess, load, type Request, type Run } from './lib/client.js';
import {
  HOT,
  hostileRequests,
  LARGEST,
  loadMix,
  streamedTable,
  variedAccepts,
  WHOLE_TABLE,
  WHOLE_TABLE_WRITTEN,
} from './lib/mix.js';
import { probeHealth } from './lib/probe.js';
import { BENCH_ENV, cpuSeconds, pinning, rssMiB, type Started, sleep, startNode, stop } from './lib/procs.js';
import { startWorkerd } from './lib/workerd.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const METRIC = '/v1/metrics/annualized?change=fiscalia.street_sales';
const CONNECTIONS = 64;
const DURATION = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
/** Fresh processes of each server in the speed rounds. */
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 5);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const LOAD_CONNECTIONS = 256;
/** Long enough for every key of the mix, in every coding, to be cached and the heap to settle. */
const WARMUP_SECONDS = Number(process.env.BENCH_LOAD_WARMUP ?? 10);

const fmt = (x: number, d = 0) =>
  x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One GET with exactly the given headers (fetch would add Accept and Accept-Encoding of its own). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((ok, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h: Record<string, string> = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          h[(res.rawHeaders[i] as string).toLowerCase()] = res.rawHeaders[i + 1] as string;
        ok({ status: res.statusCode ?? 0, headers: h, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

/** Headers that are the response's own (not the connection's, not the clock's). */
const own = (h: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(h)
      .filter(([k]) => !['date', 'connection', 'keep-alive'].includes(k))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

const runLine = (r: Run) =>
  `${fmt(r.requests)} requests, ${fmt(r.rps)} req/s, p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms, errors ${r.errors + r.timeouts} (socket ${r.errors}, timeouts ${r.timeouts}), ${r.failed} of status 400 or more`;

async function speed(): Promise<number> {
  const cpu = pinning?.server;
  const ours = await startNode(root, ['dist/node.js'], { PORT: '0' }, cpu);
  const first = await get(ours.port, HOT);
  const dir = mkdtempSync(join(tmpdir(), 'mt0-bench-'));
  writeFileSync(join(dir, 'body.json'), first.body);
  const headers = own(first.headers);
  const extra = Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'content-length'));
  writeFileSync(join(dir, 'headers.json'), JSON.stringify(extra));
  const files = [join(dir, 'body.json'), join(dir, 'headers.json')];
  const kinds = [
    ['api/observations', () => startNode(root, ['dist/node.js'], { PORT: '0' }, cpu)],
    ['node:http', () => startNode(root, ['bench/servers/node-http.mjs', ...files], {}, cpu)],
    ['fastify', () => startNode(root, ['bench/servers/fastify.mjs', ...files], {}, cpu)],
    [
      'node:http, app loaded',
      () => startNode(root, ['bench/servers/node-http-loaded.mjs', ...files, HOT], {}, cpu),
    ],
  ] as const;
  // Several fresh processes of each server: how fast one process runs the same code depends on what
  // its JIT happened to optimise, and when (one process of the same server differed from the next by
  // up to a tenth here). Instance i of each kind is compared with instance i of the others.
  const servers: { name: string; instance: number; s: Started }[] = [];
  for (let i = 0; i < INSTANCES; i++)
    for (const [name, start] of kinds)
      servers.push({ name, instance: i, s: i === 0 && name === 'api/observations' ? ours : await start() });
  for (const { name, s } of servers) {
    const r = await get(s.port, HOT);
    if (!r.body.equals(first.body)) throw new Error(`${name} does not send identical bytes`);
    if (JSON.stringify(own(r.headers)) !== JSON.stringify(headers))
      throw new Error(`${name} does not send identical headers: ${JSON.stringify(own(r.headers))}`);
  }
  console.log(
    `response: ${fmt(first.body.length)} bytes and the same ${Object.keys(headers).length} headers from every server (${Object.keys(headers).join(', ')})`,
  );
  console.log(
    `client: ${clientName}, ${CONNECTIONS} connections; ${INSTANCES} processes of each server, ${ROUNDS} interleaved rounds of ${DURATION} s on each; ${pinning ? `servers on CPU ${pinning.server}, the client on CPU ${pinning.client} (taskset)` : 'not pinned (one core, or no taskset)'}`,
  );

  const client = { cpu: pinning?.client };
  for (const { s } of servers)
    await load(`http://127.0.0.1:${s.port}`, [{ path: HOT }], CONNECTIONS, 2, client);
  /** Per server kind, per instance: req/s of each round, and CPU microseconds per request. */
  const rounds = new Map(kinds.map(([name]) => [name as string, [] as number[][]]));
  const cpuPer = new Map(kinds.map(([name]) => [name as string, [] as number[]]));
  const busy = new Map(kinds.map(([name]) => [name as string, [] as number[]]));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order too, so that no server always runs first (or last) in a round.
    const order = servers.map((_, i) => servers[(i + round) % servers.length] as (typeof servers)[number]);
    for (const { name, instance, s } of order) {
      const c0 = cpuSeconds(s.child.pid as number);
      const r = await load(`http://127.0.0.1:${s.port}`, [{ path: HOT }], CONNECTIONS, DURATION, client);
      const c1 = cpuSeconds(s.child.pid as number);
      if (r.errors + r.timeouts + r.failed > 0) throw new Error(`${name}: ${runLine(r)}`);
      const rs = rounds.get(name) as number[][];
      rs[instance] ??= [];
      (rs[instance] as number[]).push(r.rps);
      cpuPer.get(name)?.push(((c1 - c0) * 1e6) / r.requests);
      busy.get(name)?.push((c1 - c0) / DURATION);
    }
  }
  const all = (name: string) => (rounds.get(name) as number[][]).flat();
  for (const [name] of kinds) {
    const perProcess = (rounds.get(name) as number[][]).map((xs) => fmt(median(xs)));
    console.log(
      `${name} req/s: ${fmt(median(all(name)))} (median of ${ROUNDS * INSTANCES} rounds; per process ${perProcess.join(', ')}); CPU per request ${fmt(median(cpuPer.get(name) as number[]), 1)} µs; server busy ${fmt(median(busy.get(name) as number[]) * 100)} % of a core`,
    );
  }
  // Each ratio compares two servers measured back to back in one round; the median of those is robust
  // to a neighbour's load coming and going between rounds. The quartiles show how far it can be trusted.
  const ratios = (a: string, b: string) => {
    const xs = rounds.get(a) as number[][];
    const ys = rounds.get(b) as number[][];
    return xs
      .flatMap((x, i) => x.map((v, r) => v / ((ys[i] as number[])[r] as number)))
      .sort((p, q) => p - q);
  };
  const ratio = (other: string, a = 'api/observations') => median(ratios(a, other));
  const spread = (other: string, a = 'api/observations') => {
    const xs = ratios(a, other);
    const q = (f: number) => xs[Math.floor(f * (xs.length - 1))] as number;
    return `quartiles ${fmt(q(0.25), 2)}–${fmt(q(0.75), 2)}, per process ${(rounds.get(a) as number[][]).map((x, i) => fmt(median(x) / median((rounds.get(other) as number[][])[i] as number[]), 2)).join(', ')}`;
  };
  console.log(
    `api/observations req/s vs node:http (same response): ${fmt(ratio('node:http'), 2)}x (${spread('node:http')})`,
  );
  console.log(
    `api/observations req/s vs fastify (same response): ${fmt(ratio('fastify'), 2)}x (${spread('fastify')})`,
  );
  // On a shared machine req/s moves with what the neighbours take; CPU time per request does not:
  // requests per CPU-second is each server's capacity, whatever share of the cores it was given.
  const per = (name: string) => 1 / median(cpuPer.get(name) as number[]);
  console.log(
    `api/observations requests per CPU-second vs node:http: ${fmt(per('api/observations') / per('node:http'), 2)}x, vs fastify: ${fmt(per('api/observations') / per('fastify'), 2)}x`,
  );
  // The same bare server in a process that started the API first: what the API's own per-request code
  // costs, apart from what being a loaded process costs every server in it.
  console.log(
    `split: api/observations vs node:http in a process that started the API first (bench/servers/node-http-loaded.mjs): req/s ${fmt(ratio('node:http, app loaded'), 2)}x, requests per CPU-second ${fmt(per('api/observations') / per('node:http, app loaded'), 2)}x; that node:http vs the plain one, req/s ${fmt(ratio('node:http', 'node:http, app loaded'), 2)}x, requests per CPU-second ${fmt(per('node:http, app loaded') / per('node:http'), 2)}x`,
  );
  const bare = servers.find((x) => x.name === 'node:http')?.s as Started;

  // Why the old bench's "node:http (same headers)" read 1.00x: its client ran in this process.
  const inBare = await inProcess(`http://127.0.0.1:${bare.port}${HOT}`, CONNECTIONS, 3);
  const inOurs = await inProcess(`http://127.0.0.1:${ours.port}${HOT}`, CONNECTIONS, 3);
  console.log(
    `autocannon inside the bench's event loop (the old client): node:http ${fmt(inBare)} req/s, api ${fmt(inOurs)} req/s, ratio ${fmt(inOurs / inBare, 2)}x, both at that client's ceiling (node:http serves ${fmt(median(all('node:http')))} to ${clientName.split(' ')[0]})`,
  );
  for (const { s } of servers) if (s !== ours) await stop(s.child);

  await uncachedPage(ours.port);
  await metricSpeed(ours.port, dir);

  // The issue's memory attack: the largest page with a different Accept each time, then as many
  // distinct page sizes and filters (each a miss that must be built and may be kept).
  const before = rssMiB(ours.child.pid as number);
  const { json, csv } = variedAccepts(1000);
  const attack: { path: string; headers?: Record<string, string> }[] = [
    ...[...json, ...csv].map((accept) => ({ path: LARGEST, headers: { accept } })),
    ...Array.from({ length: 2000 }, (_, i) => ({
      path: `/v1/observations?confidence=A,B,C&limit=${(i % 500) + 1}&from=${2010 + Math.floor(i / 500)}`,
    })),
  ];
  let misses = 0;
  for (let i = 0; i < attack.length; i += 16) {
    const batch = attack.slice(i, i + 16);
    const rs = await Promise.all(batch.map((r) => get(ours.port, r.path, r.headers ?? {})));
    misses += rs.filter((r) => r.status !== 200).length;
  }
  const after = rssMiB(ours.child.pid as number);
  await sleep(5000);
  const settled = rssMiB(ours.child.pid as number);
  console.log(
    `memory attack: 2,000 × the largest page (500 observations) with 2,000 different Accept headers, then 2,000 distinct limit=/from= pages: RSS ${fmt(before, 1)} → ${fmt(after, 1)} MiB, ${fmt(settled, 1)} MiB 5 s later (cache bound 64 MiB; non-200: ${misses})`,
  );
  await stop(ours.child);
  return first.body.length;
}

/**
 * A metric endpoint (core's registry unit: selection, guards, formula) against bare node:http writing
 * the same bytes and headers, in interleaved rounds.
 */
async function metricSpeed(port: number, dir: string): Promise<void> {
  const first = await get(port, METRIC);
  writeFileSync(join(dir, 'metric.json'), first.body);
  const headers = Object.fromEntries(
    Object.entries(own(first.headers)).filter(([k]) => k !== 'content-length'),
  );
  writeFileSync(join(dir, 'metric-headers.json'), JSON.stringify(headers));
  const bare = await startNode(
    root,
    ['bench/servers/node-http.mjs', join(dir, 'metric.json'), join(dir, 'metric-headers.json')],
    {},
    pinning?.server,
  );
  const client = { cpu: pinning?.client };
  const rounds: Record<'api' | 'bare', number[]> = { api: [], bare: [] };
  const targets = [
    ['api', port],
    ['bare', bare.port],
  ] as const;
  for (const [, p] of targets)
    await load(`http://127.0.0.1:${p}`, [{ path: METRIC }], CONNECTIONS, 2, client);
  let last: Run | undefined;
  for (let round = 0; round < ROUNDS * INSTANCES; round++)
    for (const [name, p] of round % 2 ? [...targets].reverse() : targets) {
      const r = await load(`http://127.0.0.1:${p}`, [{ path: METRIC }], CONNECTIONS, DURATION, client);
      if (r.errors + r.timeouts + r.failed > 0) throw new Error(`metric ${name}: ${runLine(r)}`);
      rounds[name].push(r.rps);
      if (name === 'api') last = r;
    }
  await stop(bare.child);
  console.log(
    `api/metrics/annualized req/s: ${fmt(median(rounds.api))} (median of ${rounds.api.length} rounds: ${rounds.api.map((x) => fmt(x)).join(', ')}; last round p50 ${fmt(last?.p50 ?? 0, 1)} ms, p99 ${fmt(last?.p99 ?? 0, 1)} ms)`,
  );
  console.log(
    `api/metrics/annualized req/s vs node:http sending the same ${first.body.length} bytes and headers: ${fmt(median(rounds.api.map((x, i) => x / (rounds.bare[i] as number))), 2)}x`,
  );
}

/**
 * The largest page, uncached, through the server: 100 distinct requests for the same 500 observations
 * (`from=1900…1999` all start before the data), each a miss: built, serialised, kept.
 */
async function uncachedPage(port: number): Promise<void> {
  const times: number[] = [];
  let bytes = 0;
  for (let y = 1900; y < 2000; y++) {
    const t = performance.now();
    const r = await get(port, `${LARGEST}&from=${y}`);
    times.push(performance.now() - t);
    bytes = r.body.length;
  }
  times.sort((a, b) => a - b);
  console.log(
    `uncached largest page (500 observations, ${fmt(bytes / 1024)} KiB JSON) through the server, 100 misses: p50 ${fmt(times[50] as number, 1)} ms, p99 ${fmt(times[98] as number, 1)} ms (request to last byte)`,
  );
}

/** Cloudflare's Workers Free plan: the whole upload (code and every module) at most 3 MB compressed. */
const WORKER_BUDGET = 3_000_000;
/** Issue 9: the Worker's code and data, without the PNG rasteriser and its fonts, at most 1 MiB gzip. */
const WORKER_APP_BUDGET = 1024 * 1024;

/** What a module of the bundle is, by its name (wrangler writes `{hash}-{name}` beside worker.js). */
const moduleKind = (f: string) =>
  f.endsWith('.js')
    ? 'code (JS)'
    : f.endsWith('.wasm')
      ? 'PNG rasteriser (resvg WASM)'
      : f.endsWith('.ttf')
        ? `font ${f.replace(/^[0-9a-f]+-/, '')}`
        : `data ${f.replace(/^[0-9a-f]+-/, '')}`;

/**
 * Builds the Worker bundle as `wrangler deploy` would (no upload), prints each module's size and the
 * total against the budget (exact bytes, gzip -9), and returns worker.js's path; over budget, it throws.
 */
function workerBundle(): string {
  const out = mkdtempSync(join(tmpdir(), 'mt0-worker-'));
  execFileSync(join(root, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', out], {
    cwd: root,
    env: BENCH_ENV,
    stdio: 'pipe',
  });
  const modules = readdirSync(out).filter((f) => /\.(js|wasm|ttf|arrow)$/.test(f));
  let [bytes, gz, rasterGz] = [0, 0, 0];
  for (const f of modules.sort()) {
    const b = readFileSync(join(out, f));
    const z = gzipSync(b, { level: 9 }).length;
    bytes += b.length;
    gz += z;
    if (/\.(wasm|ttf)$/.test(f)) rasterGz += z;
    console.log(`worker module ${moduleKind(f)}: ${fmt(b.length)} B, gzip -9 ${fmt(z)} B`);
  }
  console.log(
    `worker bundle: ${fmt(bytes / 1024, 1)} KiB, gzip -9 ${fmt(gz)} B (${fmt(gz / 1024, 1)} KiB) of ${fmt(WORKER_BUDGET)} B budget (${fmt((100 * gz) / WORKER_BUDGET, 1)} %); without the rasteriser and its fonts ${fmt((gz - rasterGz) / 1024, 1)} KiB`,
  );
  const app = gz - rasterGz;
  console.log(
    `worker bundle without the rasteriser and its fonts (code and data): gzip -9 ${fmt(app)} B; budget ≤ 1 MiB gzip (${fmt(WORKER_APP_BUDGET)} B): ${app <= WORKER_APP_BUDGET ? 'met' : 'MISSED'}, ${fmt(WORKER_APP_BUDGET - app)} B to spare`,
  );
  if (gz > WORKER_BUDGET) throw new Error(`worker bundle over budget: ${gz} > ${WORKER_BUDGET} B gzip -9`);
  return join(out, 'worker.js');
}

/**
 * The Worker ready in workerd: from Miniflare's construction to the first answer of /healthz, then the
 * first comuna query (the store opened on first use). Against three baselines started the same way, in
 * interleaved rounds (medians): a Worker that does nothing (Node, Miniflare and workerd's own start);
 * the same carrying the bundle's binary modules unimported (WASM, fonts, store); and the same carrying
 * every module of the bundle, its JS too, unimported (workerd compiles every module at start, so this
 * pays all but our code's run). What is left (ours minus that) is the kit's own start: the bundle's
 * top-level evaluation and its first /healthz. Most of what carrying costs under Miniflare is
 * Miniflare's: it copies every module's bytes into workerd's Cap'n Proto config in its own Node
 * process (the CPU it spends is printed), which `wrangler dev` pays too and a deployed Worker never
 * does. The same bundle's own start is also timed in Node's V8 without workerd (bench/worker-toplevel.mjs).
 */
async function workerReady(bundle: string): Promise<void> {
  const rounds = Number(process.env.BENCH_READY_ROUNDS ?? 5);
  const variants = ['ours', 'carrying', 'binary', 'empty'] as const;
  type Variant = (typeof variants)[number];
  const times = Object.fromEntries(variants.map((v) => [v, [] as number[]])) as Record<Variant, number[]>;
  const cpu = Object.fromEntries(variants.map((v) => [v, [] as number[]])) as Record<Variant, number[]>;
  /** CPU workerd itself spent from its start to the first /healthz answered (all its threads). */
  const workerdCpu = Object.fromEntries(variants.map((v) => [v, [] as number[]])) as Record<
    Variant,
    number[]
  >;
  const own: number[] = [];
  const ownCpu: number[] = [];
  const first: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const order = variants.map((_, i) => variants[(i + r) % variants.length] as Variant);
    for (const which of order) {
      const port = 20000 + Math.floor(Math.random() * 2000);
      const w = await startWorkerd(root, bundle, port, port + 1, which);
      try {
        const t0 = performance.now();
        const h = await get(port, '/healthz');
        times[which].push(w.start.ms + performance.now() - t0);
        cpu[which].push(w.start.cpu);
        workerdCpu[which].push(w.cpu());
        if (h.status !== 200) throw new Error(`${which}: /healthz ${h.status}`);
        if (which === 'ours') {
          const t1 = performance.now();
          const c = await get(port, COMUNA);
          first.push(performance.now() - t1);
          if (c.status !== 200) throw new Error(`first comuna query: ${c.status}`);
        }
      } finally {
        await w.close();
      }
    }
    // Each round's difference compares Workers started back to back.
    own.push((times.ours[r] as number) - (times.carrying[r] as number));
    ownCpu.push((workerdCpu.ours[r] as number) - (workerdCpu.carrying[r] as number));
  }
  const node: { import: number; cpu: number; healthz: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    const out = execFileSync(process.execPath, ['bench/worker-toplevel.mjs', bundle], {
      cwd: root,
      env: BENCH_ENV,
      encoding: 'utf8',
    });
    const m = /import ([\d.]+) cpu ([\d.]+) healthz ([\d.]+)/.exec(out);
    node.push({ import: Number(m?.[1]), cpu: Number(m?.[2]), healthz: Number(m?.[3]) });
  }
  const m = (v: Variant) => median(times[v]);
  const kit = median(own);
  const sizes = readdirSync(dirname(bundle)).reduce(
    (acc, f) => {
      const n = statSync(join(dirname(bundle), f)).size;
      if (f.endsWith('.wasm')) acc.wasm += n;
      else if (f.endsWith('.ttf')) acc.fonts += n;
      else if (f.endsWith('.arrow')) acc.store += n;
      else if (f === 'worker.js') acc.js += n;
      return acc;
    },
    { wasm: 0, fonts: 0, store: 0, js: 0 },
  );
  const mb = (n: number) => `${fmt(n / 1e6, 1)} MB`;
  console.log(
    `worker ready in workerd (Miniflare start to the first /healthz answer, median of ${rounds} interleaved rounds): ours ${fmt(m('ours'))} ms; a Worker that does nothing ${fmt(m('empty'))} ms; the same carrying the bundle's WASM ${mb(sizes.wasm)}, fonts ${mb(sizes.fonts)} and store ${mb(sizes.store)} unimported ${fmt(m('binary'))} ms, and its JS ${mb(sizes.js)} too (compiled by workerd, never run) ${fmt(m('carrying'))} ms`,
  );
  console.log(
    `worker ready, split: Miniflare and workerd's own start ${fmt(m('empty'))} ms; carrying the modules ${fmt(m('carrying') - m('empty'))} ms, mostly Miniflare copying their bytes into workerd's config in its Node process (CPU ${fmt(median(cpu.carrying))} ms vs ${fmt(median(cpu.empty))} ms for the do-nothing Worker; \`wrangler dev\` pays it, a deployed Worker never does); the kit's own part (ours minus the same modules carried: top-level evaluation and the first /healthz) ${fmt(kit)} ms (goal ≤ 500 ms: ${kit <= 500 ? 'met' : 'MISSED'}); then the first comuna query (opens the store) ${fmt(median(first), 1)} ms`,
  );
  // On a shared machine a start's wall time is mostly waiting for a core; the CPU workerd spends is not.
  const cpuOwn = median(ownCpu);
  console.log(
    `worker ready by workerd's own CPU (clock ticks of its process from its start to the first /healthz answered, robust to neighbours' load), median of ${rounds}: ours ${fmt(median(workerdCpu.ours))} ms; a Worker that does nothing ${fmt(median(workerdCpu.empty))} ms; carrying the binary modules ${fmt(median(workerdCpu.binary))} ms, and the JS too ${fmt(median(workerdCpu.carrying))} ms; the kit's own part (ours minus carrying) ${fmt(cpuOwn)} ms of CPU (goal ≤ 500 ms: ${cpuOwn <= 500 ? 'met' : 'MISSED'})`,
  );
  console.log(
    `worker bundle's own start in Node's V8 (no workerd, no Miniflare; its binary modules loaded first), median of ${rounds} fresh processes: compile and top-level evaluation ${fmt(median(node.map((x) => x.import)))} ms (CPU ${fmt(median(node.map((x) => x.cpu)))} ms), first /healthz ${fmt(median(node.map((x) => x.healthz)))} ms`,
  );
}

/** Issue 9: one comuna's 16-year monthly series, 192 rows from the store's index. */
const COMUNA = '/v1/observations?indicator=cead.cases.drugs&geo=CL-02201&resolution=month&limit=500';
/** A 10-row query of the core dataset's index (CEAD's national yearly drug cases, 2015–2024). */
const TEN_ROWS = '/v1/observations?indicator=cead.cases.drugs&geo=CL&from=2015&to=2024';

/**
 * One comuna's series against the 10-row query over HTTP at 64 connections, interleaved rounds, with
 * the response cache (what clients get) and without it (MT0_CACHE_MB=0: every request read and
 * serialised), and at one connection (latency without queueing). Cached, twice: as curl and scripts
 * ask (no Accept-Encoding: the JSON as is, 85 KiB for the series) and as browsers and the widget ask
 * (`Accept-Encoding: gzip`: the compressed copy the cache keeps beside the entry).
 */
async function comunaSeries(): Promise<void> {
  const rounds = Number(process.env.BENCH_COMUNA_ROUNDS ?? 5);
  const seconds = Number(process.env.BENCH_COMUNA_SECONDS ?? 3);
  const gzip = { 'accept-encoding': 'gzip' };
  for (const [label, env, headers] of [
    ['cached, no Accept-Encoding', {}, {}],
    ['cached, Accept-Encoding: gzip', {}, gzip],
    ['uncached (MT0_CACHE_MB=0), no Accept-Encoding', { MT0_CACHE_MB: '0' }, {}],
  ] as const) {
    const s = await startNode(root, ['dist/node.js'], { PORT: '0', ...env });
    const ask = (path: string) => (Object.keys(headers).length ? [{ path, headers }] : [{ path }]);
    try {
      const sizes: Record<string, string> = {};
      for (const [path, rows] of [
        [COMUNA, 192],
        [TEN_ROWS, 10],
      ] as const) {
        const r = await get(s.port, path);
        const n = (JSON.parse(r.body.toString()) as { data: unknown[] }).data.length;
        if (r.status !== 200 || n !== rows) throw new Error(`${path}: ${r.status}, ${n} rows, not ${rows}`);
        const sent = Object.keys(headers).length ? await get(s.port, path, headers) : r;
        if (Object.keys(headers).length && sent.headers['content-encoding'] !== 'gzip')
          throw new Error(`${path}: not gzip with Accept-Encoding: gzip`);
        sizes[path] =
          `${rows} rows, ${fmt(r.body.length / 1024, 1)} KiB JSON${sent === r ? '' : `, ${fmt(sent.body.length / 1024, 1)} KiB gzip sent`}`;
        await load(`http://127.0.0.1:${s.port}`, ask(path), CONNECTIONS, 1);
      }
      const p99: Record<string, number[]> = { [COMUNA]: [], [TEN_ROWS]: [] };
      const rps: Record<string, number[]> = { [COMUNA]: [], [TEN_ROWS]: [] };
      const ratios: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const pair = r % 2 ? [TEN_ROWS, COMUNA] : [COMUNA, TEN_ROWS];
        for (const path of pair) {
          const run = await load(`http://127.0.0.1:${s.port}`, ask(path), CONNECTIONS, seconds);
          if (run.errors + run.timeouts + run.failed > 0) throw new Error(`${path}: ${runLine(run)}`);
          p99[path]?.push(run.p99);
          rps[path]?.push(run.rps);
        }
        ratios.push((p99[COMUNA]?.[r] as number) / (p99[TEN_ROWS]?.[r] as number));
      }
      const one: Record<string, Run> = {};
      for (const path of [COMUNA, TEN_ROWS])
        one[path] = await load(`http://127.0.0.1:${s.port}`, ask(path), 1, seconds);
      const c = median(p99[COMUNA] as number[]);
      const t = median(p99[TEN_ROWS] as number[]);
      const ratio = median(ratios);
      console.log(
        `comuna series over HTTP, ${label}, ${CONNECTIONS} connections, ${rounds} interleaved rounds of ${seconds} s: one comuna's 16-year monthly series (${sizes[COMUNA]}) p99 ${fmt(c, 2)} ms, ${fmt(median(rps[COMUNA] as number[]))} req/s; a 10-row indicator query (${sizes[TEN_ROWS]}) p99 ${fmt(t, 2)} ms, ${fmt(median(rps[TEN_ROWS] as number[]))} req/s`,
      );
      console.log(
        `comuna series p99 vs 10-row query p99, ${label}: ${fmt(ratio, 2)}x (goal ≤ 1.5x: ${ratio <= 1.5 ? 'met' : 'MISSED'}); goal p99 ≤ 5 ms at ${CONNECTIONS} connections: ${c <= 5 ? 'met' : 'MISSED'}; at 1 connection p99 ${fmt(one[COMUNA]?.p99 ?? 0, 2)} ms vs ${fmt(one[TEN_ROWS]?.p99 ?? 0, 2)} ms (${fmt((one[COMUNA]?.p99 ?? 0) / (one[TEN_ROWS]?.p99 ?? 1), 2)}x)`,
      );
    } finally {
      await stop(s.child);
    }
  }
}

/**
 * The whole comuna × month table as one CSV (70 MB), to the last byte, as curl, curl --compressed and
 * a browser ask for it (Node sends it from the build's files), and the same rows written row by row
 * (a query no file holds); against bare node:http sending the very same bytes from memory (the cost of
 * moving them alone), interleaved, medians; with the server's CPU per download.
 */
async function wholeTableSpeed(): Promise<void> {
  const rounds = Number(process.env.BENCH_TABLE_ROUNDS ?? 5);
  const ours = await startNode(root, ['dist/node.js'], { PORT: '0' });
  // A fresh connection per download: a kept-alive socket idle while the other server streamed for
  // seconds may be closed by its server (keepAliveTimeout) just as it is reused.
  const close = { connection: 'close' };
  const first = await get(ours.port, WHOLE_TABLE, close);
  const dir = mkdtempSync(join(tmpdir(), 'mt0-table-'));
  writeFileSync(join(dir, 'table.csv'), first.body);
  writeFileSync(join(dir, 'headers.json'), JSON.stringify({ 'content-type': first.headers['content-type'] }));
  const bare = await startNode(root, [
    'bench/servers/node-http.mjs',
    join(dir, 'table.csv'),
    join(dir, 'headers.json'),
  ]);
  const codings = [
    ['identity', close, WHOLE_TABLE],
    ['br', { ...close, 'accept-encoding': 'gzip, deflate, br' }, WHOLE_TABLE],
    ['gzip', { ...close, 'accept-encoding': 'gzip' }, WHOLE_TABLE],
    // The same rows asked for with a bound before the first month: no file holds that query, so it
    // is written row by row, as every other filter is and as a Worker writes the whole table.
    ['written', close, WHOLE_TABLE_WRITTEN],
  ] as const;
  const times: Record<string, number[]> = { identity: [], br: [], gzip: [], written: [], bare: [] };
  const cpu: Record<string, number[]> = { identity: [], br: [], gzip: [], written: [] };
  const bytes: Record<string, number> = {};
  try {
    for (let r = 0; r < rounds; r++) {
      for (const [name, headers, path] of codings) {
        const c0 = cpuSeconds(ours.child.pid as number);
        const t = performance.now();
        const res = await get(ours.port, path, headers);
        times[name]?.push(performance.now() - t);
        cpu[name]?.push((cpuSeconds(ours.child.pid as number) - c0) * 1000);
        bytes[name] = res.body.length;
        if (res.status !== 200) throw new Error(`whole table ${name}: ${res.status}`);
        if (name === 'written' && !res.body.equals(first.body))
          throw new Error(`${WHOLE_TABLE_WRITTEN} is not the whole table`);
      }
      const t = performance.now();
      const res = await get(bare.port, '/', close);
      times.bare?.push(performance.now() - t);
      if (!res.body.equals(first.body)) throw new Error('bare node:http sent other bytes');
    }
  } finally {
    await stop(bare.child);
    await stop(ours.child);
  }
  const m = (k: string) => median(times[k] as number[]);
  console.log(
    `whole table (${WHOLE_TABLE}: ${fmt(first.body.length)} bytes, ${fmt(first.body.toString().split('\r\n').length - 2)} rows; Node sends it from the build's files), to the last byte, median of ${rounds}: ` +
      codings
        .map(
          ([name]) =>
            `${name === 'written' ? `the same rows written row by row (${WHOLE_TABLE_WRITTEN})` : name} ${fmt(m(name))} ms (${fmt((bytes[name] ?? 0) / 1e6, 1)} MB, server CPU ${fmt(median(cpu[name] as number[]))} ms)`,
        )
        .join(', ') +
      `; bare node:http sending the same bytes ${fmt(m('bare'))} ms; ours/bare ${fmt(m('identity') / m('bare'), 2)}x; goal ≤ 800 ms ("well under a second"): ${m('identity') <= 800 ? 'met' : 'MISSED'} (identity)`,
  );
}

async function mixFor(port: number, origin: string) {
  const hot = await get(port, HOT);
  const cursors: string[] = [];
  let next: string | null = LARGEST;
  while (next && cursors.length < 2) {
    const page = JSON.parse((await get(port, next)).body.toString()) as { links: { next: string | null } };
    next = page.links.next;
    const c = next && new URL(next, 'http://x').searchParams.get('cursor');
    if (c) cursors.push(c);
  }
  return loadMix({
    etag: hot.headers.etag ?? '',
    cursors,
    mt0: assetManifest.names['mt0.js']?.path ?? '/widget/mt0.js',
    origin,
  });
}

const HOSTILE_CONNECTIONS = 4;
/** Connections that download the whole comuna × month table (streamed CSV, 70 MB) over and over. */
const STREAM_CONNECTIONS = 4;
/** wrk's timeout for one whole-table download (70 MB): its default 10 s is a page's, not a file's. */
const STREAM_TIMEOUT_SECONDS = 60;
const MIX_CONNECTIONS = LOAD_CONNECTIONS - HOSTILE_CONNECTIONS - STREAM_CONNECTIONS;

/** The flood: the mix on most connections, the hostile requests and the streamed table on the rest, at once. */
async function flood(origin: string, mix: Request[], seconds: number) {
  const [r, bad, streams] = await Promise.all([
    load(origin, mix, MIX_CONNECTIONS, seconds, { niced: true }),
    load(origin, hostileRequests(origin), HOSTILE_CONNECTIONS, seconds, { statuses: true, niced: true }),
    load(origin, streamedTable(), STREAM_CONNECTIONS, seconds, {
      niced: true,
      timeoutSeconds: STREAM_TIMEOUT_SECONDS,
    }),
  ]);
  const streamLine = `streamed whole table (${WHOLE_TABLE}: identity, br, gzip) on ${STREAM_CONNECTIONS} connections, wrk timeout ${STREAM_TIMEOUT_SECONDS} s: ${fmt(streams.requests)} downloads completed, p50 ${fmt(streams.p50)} ms, p99 ${fmt(streams.p99)} ms, errors ${streams.errors + streams.timeouts + streams.failed} (socket ${streams.errors}, timeouts ${streams.timeouts}, non-2xx/3xx ${streams.failed})`;
  const errors =
    r.errors + r.timeouts + bad.errors + bad.timeouts + streams.errors + streams.timeouts + streams.failed;
  // Every answer of the mix is 2xx or 3xx; every hostile one a 4xx.
  const unexpected = r.failed + (bad.requests - bad.failed);
  return {
    r,
    bad,
    streamLine,
    errors: errors + unexpected + fivexx(bad),
    line: `${fmt(r.requests + bad.requests)} requests, ${fmt(r.rps + bad.rps)} req/s, mix p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms; errors ${fmt(errors + unexpected + fivexx(bad))} (socket ${r.errors + bad.errors}, timeouts ${r.timeouts + bad.timeouts}, mix non-2xx/3xx ${r.failed}, hostile not 4xx ${bad.requests - bad.failed}, 5xx ${fivexx(bad)}); hostile ${fmt(bad.requests)}: ${Object.entries(
      bad.status,
    )
      .map(([k, v]) => `${k}:${fmt(v)}`)
      .join(' ')}`,
  };
}

async function loadNode(): Promise<void> {
  const server = await startNode(root, ['dist/node.js'], { PORT: '0' });
  const pid = server.child.pid as number;
  const origin = `http://127.0.0.1:${server.port}`;
  const mix = await mixFor(server.port, origin);
  const warm = await flood(origin, mix, WARMUP_SECONDS);
  await sleep(1000);
  const warmRss = rssMiB(pid);
  let maxRss = warmRss;
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rssMiB(pid));
  }, 1000);
  const probe = probeHealth(server.port);
  const f = await flood(origin, mix, LOAD_SECONDS);
  const health = await probe.stop();
  clearInterval(sampler);
  const [la] = readFileSync('/proc/loadavg', 'utf8').split(' ');
  const endRss = rssMiB(pid);
  console.log(
    `load mix: ${mix.length} requests cycled on ${MIX_CONNECTIONS} connections, ${hostileRequests(origin).length} hostile ones on ${HOSTILE_CONNECTIONS}, the whole table streamed on ${STREAM_CONNECTIONS} (warm-up ${WARMUP_SECONDS} s: ${fmt(warm.r.requests + warm.bad.requests)} requests, errors ${warm.errors})`,
  );
  console.log(`load ${LOAD_SECONDS} s @ ${LOAD_CONNECTIONS} connections: ${f.line}`);
  console.log(`load ${f.streamLine}`);
  console.log(
    `load RSS growth after warm-up: ${fmt(endRss - warmRss, 1)} MiB (${fmt(warmRss, 1)} → ${fmt(endRss, 1)} MiB, max ${fmt(maxRss, 1)} MiB)`,
  );
  console.log(
    `load /healthz during the flood: p99 ${fmt(health.p99, 1)} ms (p50 ${fmt(health.p50, 1)} ms, max ${fmt(health.max, 1)} ms, ${fmt(health.n)} probes, ${health.failed} failed; load average ${la})`,
  );
  await stop(server.child);
}

async function loadWorkerd(bundle: string): Promise<void> {
  const port = 18000 + Math.floor(Math.random() * 2000);
  const w = await startWorkerd(root, bundle, port, port + 1);
  let body: Buffer = Buffer.alloc(0);
  try {
    const origin = `http://127.0.0.1:${port}`;
    const rssStart = w.rss();
    // The issue's workerd case: 600 of the largest pages with a different Accept each.
    const { json } = variedAccepts(600);
    for (let i = 0; i < json.length; i += 8)
      await Promise.all(json.slice(i, i + 8).map((accept) => get(port, LARGEST, { accept })));
    await sleep(1500);
    const rssAttack = w.rss();
    console.log(
      `workerd memory attack: 600 × the largest page with different Accept headers: workerd process RSS ${fmt(rssStart, 1)} → ${fmt(rssAttack, 1)} MiB`,
    );
    const mix = await mixFor(port, origin);
    await flood(origin, mix, WARMUP_SECONDS);
    const rssWarm = w.rss();
    const f = await flood(origin, mix, LOAD_SECONDS);
    const rssEnd = w.rss();
    await sleep(5000);
    const rssIdle = w.rss();
    const heap = await w.heap();
    body = (await get(port, LARGEST)).body;
    console.log(
      `workerd load ${LOAD_SECONDS} s @ ${LOAD_CONNECTIONS} connections (same mix, Miniflare): ${f.line}`,
    );
    console.log(`workerd load ${f.streamLine}`);
    console.log(
      `workerd process RSS: ${fmt(rssWarm, 1)} MiB after warm-up, ${fmt(rssEnd, 1)} MiB at the end of the flood (${LOAD_CONNECTIONS} responses in flight), ${fmt(rssIdle, 1)} MiB 5 s later; the isolate then: JS heap ${fmt(heap.used, 1)} MiB + ArrayBuffers ${fmt(heap.backing, 1)} MiB (a Worker isolate has 128 MB)`,
    );
  } finally {
    await w.close();
  }
  // Control: a Worker that only returns the same largest page, under the same connections. What its
  // process grows by is workerd's (and Miniflare's) buffering of large responses, not the kit's.
  const dir = mkdtempSync(join(tmpdir(), 'mt0-control-'));
  const control = join(dir, 'control.js');
  writeFileSync(
    control,
    `const BODY = new TextEncoder().encode(${JSON.stringify(body.toString())});\nexport default { fetch: () => new Response(BODY, { headers: { 'content-type': 'application/json' } }) };\n`,
  );
  const c = await startWorkerd(root, control, port + 2, port + 3);
  try {
    const before = c.rss();
    const r = await load(
      `http://127.0.0.1:${port + 2}`,
      [{ path: LARGEST, headers: { accept: 'application/json' } }],
      LOAD_CONNECTIONS,
      15,
      { niced: true },
    );
    console.log(
      `control: a Worker returning only the same ${fmt(body.length / 1024)} KiB page, 15 s @ ${LOAD_CONNECTIONS} connections (${fmt(r.rps)} req/s): workerd process RSS ${fmt(before, 1)} → ${fmt(c.rss(), 1)} MiB`,
    );
  } finally {
    await c.close();
  }
}

/**
 * `BENCH_ONLY=speed,load` runs some sections (speed, comuna, table, bundle, ready, property, load,
 * workerd); all by default.
 */
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? 'speed,comuna,table,bundle,ready,property,load,workerd').split(','),
);

async function main() {
  const [l1, l5] = readFileSync('/proc/loadavg', 'utf8').split(' ');
  console.log(
    `# MT-0 API bench — Node ${process.version}, 2 cores shared (load average ${l1} / ${l5} at start)`,
  );
  if (ONLY.has('speed')) await speed();
  if (ONLY.has('comuna')) await comunaSeries();
  if (ONLY.has('table')) await wholeTableSpeed();
  const bundle = ONLY.has('bundle') || ONLY.has('ready') || ONLY.has('workerd') ? workerBundle() : '';
  if (ONLY.has('ready')) await workerReady(bundle);
  if (ONLY.has('property')) {
    // In process, as the tests run the app: the store comes from the built file, as src/node.ts reads it.
    provideStoreFromDisk();
    const t0 = performance.now();
    const cases = await runProperty(serverFetch(), 10_000);
    console.log(
      `property test: ${fmt(cases)} cases (queries and paths, kit and API) passed in ${fmt((performance.now() - t0) / 1000, 1)} s`,
    );
  }
  if (ONLY.has('load')) await loadNode();
  if (ONLY.has('workerd')) await loadWorkerd(bundle);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
