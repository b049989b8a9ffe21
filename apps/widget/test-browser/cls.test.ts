// No layout shift on the embed pages themselves (issue 11, point 2): the page's own layout-shift entries
// from first paint through hydration, at Lighthouse's phone viewport (412 × 823) and on a desktop column.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.js';
import { type Kit, startKit } from './servers.js';

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
          const page = await (ctx[width] as BrowserContext).newPage();
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
          await page.goto(`${kit.origin}/embed/${view}?lang=${lang}&theme=${theme}`);
          await page.waitForLoadState('networkidle');
          // Hydrated (the island's script ran), then a little longer for any late layout.
          await page.waitForFunction(() => document.documentElement.classList.contains('not-embedded'));
          await page.waitForTimeout(300);
          const r = await page.evaluate(() => {
            const w = window as unknown as { cls: number; shifts: string[] };
            return { cls: w.cls, shifts: w.shifts };
          });
          expect(r.cls, r.shifts.join('; ')).toBeLessThanOrEqual(0.01);
          await page.close();
        }, 30000);
      }
    }
  }
});
