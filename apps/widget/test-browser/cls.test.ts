// No layout shift on the embed pages themselves (issue 11, point 2): the page's own layout-shift entries
// from first paint through hydration, at Lighthouse's phone viewport (412 × 823) and on a desktop column.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.js';
import { type Kit, startKit } from './servers.js';

/**
 * Loads `url` and expects CLS ≤ 0.01 from the page's own layout shifts (not those after input), from first
 * paint until it is hydrated (the island's script ran) and a little longer for any late layout.
 */
async function expectNoShift(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { cls: number; shifts: string[] };
    w.cls = 0;
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        sources: { node?: Node }[];
      }[]) {
        if (e.hadRecentInput) continue;
        w.cls += e.value;
        w.shifts.push(`${e.value.toFixed(4)} ${e.sources.map((s) => s.node?.nodeName).join(',')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.documentElement.classList.contains('not-embedded'));
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => {
    const w = window as unknown as { cls: number; shifts: string[] };
    return { cls: w.cls, shifts: w.shifts };
  });
  expect(r.cls, r.shifts.join('; ')).toBeLessThanOrEqual(0.01);
  await page.close();
}

let kit: Kit;
const ctx: Record<number, BrowserContext> = {};

beforeAll(async () => {
  kit = await startKit();
  ctx[412] = await launch({ width: 412, height: 823 });
  ctx[900] = await launch({ width: 900, height: 900, dark: true });
}, 30000);
afterAll(async () => {
  for (const c of Object.values(ctx)) await c.close();
  await kit?.stop();
});

describe('embed pages: CLS ≤ 0.01 from first paint through hydration', () => {
  for (const width of [412, 900]) {
    for (const view of ['stat', 'series', 'compare', 'statement', 'table']) {
      for (const [lang, theme] of [
        ['es', 'light'],
        ['en', 'dark'],
      ]) {
        it(`/embed/${view}?lang=${lang}&theme=${theme} at ${width} px`, async () => {
          await expectNoShift(
            ctx[width] as BrowserContext,
            `${kit.origin}/embed/${view}?lang=${lang}&theme=${theme}`,
          );
        }, 30000);
      }
    }
  }
});

// A loaded server or a slow network can hand the browser the page in pieces. Painted half-parsed, a
// table lays its columns out again when its other rows arrive (this moved every cell: CLS 0.10), so the
// page holds its first frame until the widget is parsed. A proxy here sends each embed page in two parts,
// cut after the first row of its table (or the middle of the page), 400 ms apart.
describe('embed pages: no layout shift when the page arrives in two parts', () => {
  let proxy: Server;
  let origin = '';
  beforeAll(async () => {
    proxy = createServer(async (req, res) => {
      const up = await fetch(`${kit.origin}${req.url}`);
      const body = Buffer.from(await up.arrayBuffer());
      const headers: Record<string, string> = {};
      up.headers.forEach((v, k) => {
        if (
          !['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(k)
        )
          headers[k] = v;
      });
      res.writeHead(up.status, headers);
      const html = body.toString();
      if (!(up.headers.get('content-type') ?? '').startsWith('text/html')) return res.end(body);
      const row = html.indexOf('</tr>', html.indexOf('<tbody'));
      const cut = row > 0 ? row + 5 : Math.floor(html.length / 2);
      res.write(html.slice(0, cut));
      setTimeout(() => res.end(html.slice(cut)), 400);
    });
    await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => (proxy ? proxy.close(() => ok()) : ok())));

  for (const view of ['table', 'series']) {
    it(`/embed/${view}?lang=en&theme=dark at 412 px, split after its first part`, async () => {
      await expectNoShift(ctx[412] as BrowserContext, `${origin}/embed/${view}?lang=en&theme=dark`);
    }, 30000);
  }
});
