// `pnpm bench`: the API on Node against bare node:http and Fastify serving identical bytes (interleaved
// rounds, medians), a metric
// endpoint, the Worker bundle size, the property test at 10,000 cases, and a 60 s load run with RSS.
// Numbers are printed, not asserted: this is a measurement, not a test. Run after `pnpm build`.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { runProperty } from '../test-support/property.js';
import { serverFetch } from '../test-support/server-fetch.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const PATH = '/v1/observations?indicator=cead.cases.drugs&geo=CL';
const METRIC = '/v1/metrics/annualized?change=fiscalia.street_sales';
const CONNECTIONS = 64;
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  DO_NOT_TRACK: '1',
};

function start(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...env, ...extraEnv },
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

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const rssMiB = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
};

async function load(
  port: number,
  path: string,
  seconds: number,
  requests?: { path: string; headers?: Record<string, string> }[],
) {
  const url = `http://127.0.0.1:${port}${path}`;
  await autocannon({ url, connections: CONNECTIONS, duration: 2 }); // warm-up
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, ...(requests ? { requests } : {}) });
}

const fmt = (x: number, d = 0) =>
  x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main() {
  console.log(
    `# MT-0 API bench — ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${DURATION} s per server, Node ${process.version}`,
  );

  // 1. Three servers, one URL, identical bytes.
  const ours = await start(['dist/node.js'], { PORT: '0' });
  const body = Buffer.from(await (await fetch(`http://127.0.0.1:${ours.port}${PATH}`)).arrayBuffer());
  const dir = mkdtempSync(join(tmpdir(), 'mt0-bench-'));
  const file = join(dir, 'body.json');
  writeFileSync(file, body);
  const bare = await start(['bench/servers/node-http.mjs', file]);
  // The same headers as ours (CORS, caching, security), minus those node:http writes itself.
  const ourHeaders: Record<string, string> = {};
  (await fetch(`http://127.0.0.1:${ours.port}${PATH}`)).headers.forEach((v, k) => {
    if (!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(k))
      ourHeaders[k] = v;
  });
  const headersFile = join(dir, 'headers.json');
  writeFileSync(headersFile, JSON.stringify(ourHeaders));
  const bareSame = await start(['bench/servers/node-http.mjs', file, headersFile]);
  const fast = await start(['bench/servers/fastify.mjs', file]);
  for (const [name, s] of [
    ['node:http', bare],
    ['node:http (same headers)', bareSame],
    ['fastify', fast],
  ] as const) {
    const b = Buffer.from(await (await fetch(`http://127.0.0.1:${s.port}${PATH}`)).arrayBuffer());
    if (!b.equals(body)) throw new Error(`${name} does not serve identical bytes`);
  }
  console.log(`body: ${body.length} bytes, identical on every server`);

  // Interleaved rounds (A B C, A B C, …) so that a noisy neighbour or a CPU clock change hits every
  // server alike; each server's figure is its median round (and the p50/p99 of that round).
  const servers = [
    ['api/observations', ours],
    ['node:http', bare],
    ['node:http (same headers)', bareSame],
    ['fastify', fast],
  ] as const;
  const rounds: Record<string, autocannon.Result[]> = Object.fromEntries(servers.map(([name]) => [name, []]));
  for (const [, s] of servers)
    await autocannon({ url: `http://127.0.0.1:${s.port}${PATH}`, connections: CONNECTIONS, duration: 2 });
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, s] of servers) {
      const r = await autocannon({
        url: `http://127.0.0.1:${s.port}${PATH}`,
        connections: CONNECTIONS,
        duration: DURATION,
      });
      rounds[name]?.push(r);
    }
  const median = (name: string) => {
    const rs = [...(rounds[name] ?? [])].sort((a, b) => a.requests.average - b.requests.average);
    return rs[Math.floor(rs.length / 2)] as autocannon.Result;
  };
  for (const [name] of servers) {
    const r = median(name);
    const all = (rounds[name] ?? []).map((x) => fmt(x.requests.average)).join(', ');
    console.log(
      `${name} req/s: ${fmt(r.requests.average)} (median of ${ROUNDS} rounds: ${all}; p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors + r.timeouts}, non-2xx ${r.non2xx})`,
    );
  }
  const api = median('api/observations');
  console.log(
    `api/observations req/s vs node:http: ${fmt(api.requests.average / median('node:http').requests.average, 2)}x`,
  );
  console.log(
    `api/observations req/s vs node:http sending our ${Object.keys(ourHeaders).length} headers: ${fmt(api.requests.average / median('node:http (same headers)').requests.average, 2)}x`,
  );
  console.log(
    `api/observations req/s vs fastify: ${fmt(api.requests.average / median('fastify').requests.average, 2)}x`,
  );
  await stop(bare.child);
  await stop(bareSame.child);
  await stop(fast.child);

  // 2. A metric endpoint.
  const m = await load(ours.port, METRIC, DURATION);
  console.log(
    `api/metrics/annualized req/s: ${fmt(m.requests.average)} (p50 ${m.latency.p50} ms, p99 ${m.latency.p99} ms)`,
  );
  await stop(ours.child);

  // 3. Worker bundle size.
  const out = mkdtempSync(join(tmpdir(), 'mt0-worker-'));
  execFileSync(join(root, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', out], {
    cwd: root,
    env,
    stdio: 'pipe',
  });
  const js = readdirSync(out).filter((f) => f.endsWith('.js'));
  const bytes = js.reduce((s, f) => s + statSync(join(out, f)).size, 0);
  const gz = js.reduce((s, f) => s + gzipSync(readFileSync(join(out, f)), { level: 9 }).length, 0);
  console.log(`worker bundle: ${fmt(bytes / 1024, 1)} KiB, gzip -9 ${fmt(gz / 1024, 1)} KiB`);

  // 4. The property test at 10,000 cases, in process.
  const t0 = performance.now();
  const cases = await runProperty(serverFetch(), 10_000);
  console.log(`property test: ${fmt(cases)} cases passed in ${fmt((performance.now() - t0) / 1000, 1)} s`);

  // 5. Load run: a mix of routes (data, CSV, metrics, 304s, errors) at 64 connections.
  const server = await start(['dist/node.js'], { PORT: '0' });
  const pid = server.child.pid as number;
  const before = rssMiB(pid);
  const etag = (await fetch(`http://127.0.0.1:${server.port}${PATH}`)).headers.get('etag') ?? '';
  const mix = [
    { path: PATH },
    { path: '/v1/observations.csv?indicator=cead.cases.drugs' },
    { path: '/v1/observations?indicator=cead.cases.drugs&geo=CL-RM&from=2015&to=2019' },
    { path: METRIC },
    { path: '/v1/metrics/compare?lang=es' },
    {
      path: '/v1/metrics/implied?share=mt0.arrests.hotline_share@2020/2021&total=mt0.arrests:CL:2020:pdi.via.insightcrime.2022',
    },
    { path: '/v1/statements' },
    { path: PATH, headers: { 'if-none-match': etag } },
    { path: '/v1/observations?indicatr=typo' },
    { path: '/v1/indicators/nope' },
  ];
  const r = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections: CONNECTIONS,
    duration: LOAD_SECONDS,
    requests: mix,
  });
  const after = rssMiB(pid);
  const codes = r.statusCodeStats;
  const fivexx = Object.entries(codes)
    .filter(([code]) => code.startsWith('5'))
    .reduce((s, [, v]) => s + v.count, 0);
  console.log(
    `load ${LOAD_SECONDS} s @ ${CONNECTIONS} connections: ${fmt(r.requests.total)} requests, ${fmt(r.requests.average)} req/s, p99 ${r.latency.p99} ms, errors ${r.errors + r.timeouts}, 5xx ${fivexx}, status ${Object.entries(
      codes,
    )
      .map(([k, v]) => `${k}:${v.count}`)
      .join(' ')}`,
  );
  console.log(`load RSS: before ${fmt(before, 1)} MiB, after ${fmt(after, 1)} MiB`);
  await stop(server.child);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
