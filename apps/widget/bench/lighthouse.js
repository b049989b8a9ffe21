// `pnpm bench`: Lighthouse 12 on every embed page at its default mobile settings (phone emulation,
// simulated throttling: 150 ms RTT, 1.6 Mbps, CPU ×4), beside the browser test's settings (the same with
// CPU ×1: test-browser/lighthouse.test.ts), interleaved page by page in one run. Prints what Lighthouse
// reports, never a verdict: on this shared 2-core machine the ×4 run multiplies the neighbours' load too.
// Needs the built API (apps/api/dist/node.js, which mounts the kit) and Debian's Chromium.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const API = fileURLToPath(new URL('../../api/dist/node.js', import.meta.url));
const VIEWS = ['stat', 'series', 'compare', 'statement', 'table'];
const PAGES = VIEWS.flatMap((v) => [`/embed/${v}?lang=es`, `/embed/${v}?lang=en&theme=dark`]);
/** Lighthouse's mobile defaults with the CPU multiplier given (its default is 4). */
const throttling = (cpu) => ({
  rttMs: 150,
  throughputKbps: 1638.4,
  cpuSlowdownMultiplier: cpu,
  requestLatencyMs: 562.5,
  downloadThroughputKbps: 1474.56,
  uploadThroughputKbps: 675,
});

function startApi() {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [API], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
      stdio: 'pipe',
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) ok({ origin: m[1], child });
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => fail(new Error(`the API exited (${code}): ${out}`)));
  });
}

const api = await startApi();
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--no-first-run',
  ],
});
try {
  for (const path of PAGES) {
    const runs = [];
    for (const cpu of [4, 1]) {
      const r = await lighthouse(`${api.origin}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['accessibility', 'best-practices', 'performance'],
        ...(cpu === 4 ? {} : { throttling: throttling(cpu) }),
      });
      const lhr = r?.lhr;
      if (!lhr) throw new Error(`no Lighthouse result for ${path}`);
      const ms = (id) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
      runs.push(
        `CPU ×${lhr.configSettings.throttling.cpuSlowdownMultiplier}: performance ${lhr.categories.performance.score}, accessibility ${lhr.categories.accessibility.score}, best practices ${lhr.categories['best-practices'].score}, CLS ${(lhr.audits['cumulative-layout-shift']?.numericValue ?? 1).toFixed(3)}, FCP ${ms('first-contentful-paint')} ms, LCP ${ms('largest-contentful-paint')} ms, TBT ${ms('total-blocking-time')} ms`,
      );
    }
    console.log(`lighthouse ${path}: ${runs.join(' | ')}`);
  }
} finally {
  await chrome.kill();
  api.child.kill('SIGTERM');
}
