// The responsive iframe: pym.js's own Parent sizing /embed/compare and following a width change, and
// resize.js sizing an iframe from our message (and ignoring forged ones).
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, launch, RESULTS, useKit, watch } from './browser.js';

const env = useKit({ width: 900, height: 800 });

async function frameOf(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForLoadState('load');
  return frame;
}

/** Waits until the iframe's height is within 2 px of its content's height; returns both. */
async function fits(page: Page, frame: Frame) {
  let last = { iframe: 0, content: -100 };
  for (let i = 0; i < 50; i++) {
    const content = await frame.evaluate(() => document.body.getBoundingClientRect().height);
    const iframe = await page.evaluate(
      () => document.querySelector('iframe')?.getBoundingClientRect().height ?? 0,
    );
    last = { iframe, content };
    if (Math.abs(iframe - content) <= 2) return last;
    await page.waitForTimeout(100);
  }
  return last;
}

describe('pym.js parent', () => {
  it('sizes /embed/compare to its content and follows a width change', async () => {
    const page = await env.ctx.newPage();
    const seen = watch(page);
    const url = env.host.page(
      '/pym.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pym host</title><link rel="icon" href="data:,">
<style>#box{width:760px}</style></head><body><main><h1>Story</h1><div id="box"><div id="chart"></div></div></main>
<script src="/pym.v1.min.js"></script>
<script>window.pymParent = new pym.Parent('chart', ${JSON.stringify(`${env.kit.origin}/embed/compare?lang=en`)}, { title: 'Outputs against outcomes' });</script>
</body></html>`,
    );
    await page.goto(url);
    const frame = await frameOf(page);
    // pym appended its parameters, and the page accepted them.
    expect(frame.url()).toMatch(/initialWidth=760&childId=chart&parentTitle=pym%20host&parentUrl=/);
    const wide = await fits(page, frame);
    expect(Math.abs(wide.iframe - wide.content)).toBeLessThanOrEqual(2);
    await page.screenshot({ path: `${RESULTS}/pym-wide.png`, fullPage: true });
    // Narrower container: pym sends `width` on resize; the child answers with its (taller) height.
    await page.evaluate(() => {
      (document.getElementById('box') as HTMLElement).style.width = '340px';
      window.dispatchEvent(new Event('resize'));
    });
    await page.waitForTimeout(300);
    const narrow = await fits(page, frame);
    expect(Math.abs(narrow.iframe - narrow.content)).toBeLessThanOrEqual(2);
    expect(narrow.content).toBeGreaterThan(wide.content);
    await page.screenshot({ path: `${RESULTS}/pym-narrow.png`, fullPage: true });
    expect(seen.errors).toEqual([]);
    await page.close();
  }, 30000);
});

describe('resize.js', () => {
  it('sizes our iframe from our message and ignores a forged one', async () => {
    const page = await env.ctx.newPage();
    const url = env.host.page(
      '/resize.html',
      `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>resize host</title><link rel="icon" href="data:,"></head>
<body><main><h1>Nota</h1>
<iframe src="${env.kit.origin}/embed/statement?lang=es" title="Declaración" width="100%" height="150" frameborder="0" scrolling="no"></iframe>
<script async src="${env.kit.origin}/widget/resize.js"></script></main></body></html>`,
    );
    await page.goto(url);
    const frame = await frameOf(page);
    const ok = await fits(page, frame);
    expect(ok.iframe).toBeGreaterThan(150);
    expect(Math.abs(ok.iframe - ok.content)).toBeLessThanOrEqual(2);
    // A message from the host window itself (not the iframe) must not resize it.
    await page.evaluate(() => window.postMessage({ mt0: 'resize', height: 40 }, '*'));
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => document.querySelector('iframe')?.getBoundingClientRect().height)).toBe(
      ok.iframe,
    );
    await page.close();
  }, 30000);

  it('answers AMP and WordPress hosts in their formats', async () => {
    const page = await env.ctx.newPage();
    const url = env.host.page(
      '/listen.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>listener</title><link rel="icon" href="data:,"></head>
<body><main><h1>Listener</h1><iframe src="${env.kit.origin}/embed/stat?lang=en#?secret=Ab12Cd34Ef" title="Stat" width="100%" height="200"></iframe></main>
<script>window.got = []; addEventListener('message', (e) => window.got.push(e.data));</script></body></html>`,
    );
    await page.goto(url);
    await frameOf(page);
    await page.waitForFunction(() => (window as unknown as { got: unknown[] }).got.length >= 3);
    const got = await page.evaluate(() => (window as unknown as { got: unknown[] }).got);
    expect(got).toContainEqual(expect.objectContaining({ sentinel: 'amp', type: 'embed-size' }));
    expect(got).toContainEqual(expect.objectContaining({ secret: 'Ab12Cd34Ef', message: 'height' }));
    expect(got).toContainEqual(expect.objectContaining({ mt0: 'resize' }));
    await page.close();
  }, 30000);
});

describe('the iframe error page', () => {
  it('follows lang and theme, is visible on a dark host, compact once resize.js hears it, details in the console', async () => {
    const page = await env.ctx.newPage();
    const bad = `${env.kit.origin}/embed/series?lang=en&theme=dark&from=soon`;
    await page.goto(
      env.host.page(
        '/error-frame.html',
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>dark story</title><link rel="icon" href="data:,"></head>
<body style="background:#000;color:#fff"><main><h1>Story</h1>
<iframe src="${bad}" title="Chart" width="100%" height="560" frameborder="0"></iframe>
<script async src="${env.kit.origin}/widget/resize.js"></script></main></body></html>`,
      ),
    );
    const frame = await frameOf(page);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en');
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what a reader sees
    expect((await frame.evaluate(() => document.body.innerText)).trim()).toBe(
      'This chart could not be shown.',
    );
    const card = await frame.evaluate(
      () => getComputedStyle(document.querySelector('.mt0') as Element).backgroundColor,
    );
    expect(card).toBe('rgb(21, 23, 27)');
    // The reserved 560 px is released: the iframe fits the one-line card.
    const fit = await fits(page, frame);
    expect(fit.iframe).toBeLessThan(120);
    await page.screenshot({ path: `${RESULTS}/error-frame-dark.png` });
    await page.close();
    // The page itself: axe (WCAG 2.2 AA) and the details in the console.
    const direct = await env.ctx.newPage();
    const seen = watch(direct);
    await direct.goto(bad);
    await direct.waitForLoadState('networkidle');
    expect(await axe(direct)).toEqual([]);
    expect(seen.warnings.some((w) => w.includes('from: "soon" is not a year'))).toBe(true);
    await direct.close();
  }, 60000);
});

describe('oEmbed html', () => {
  for (const width of [375, 1200]) {
    it(`is fluid and follows its content at ${width} px (no overflow, no band, nothing cut)`, async () => {
      const ctx = await launch({ width, height: 900 });
      try {
        const url = encodeURIComponent(`${env.kit.origin}/embed/compare?lang=es`);
        const o = await (await fetch(`${env.kit.origin}/oembed?url=${url}&maxheight=300`)).json();
        const page = await ctx.newPage();
        await page.goto(
          env.host.page(
            `/oembed-${width}.html`,
            `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>oEmbed</title><link rel="icon" href="data:,"></head>
<body><main><h1>Nota</h1>${o.html}<p>Después.</p></main></body></html>`,
          ),
        );
        const frame = await frameOf(page);
        const fit = await fits(page, frame);
        expect(Math.abs(fit.iframe - fit.content)).toBeLessThanOrEqual(2);
        const box = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
          iframe: document.querySelector('iframe')?.getBoundingClientRect().width ?? 0,
        }));
        expect(box.scroll).toBeLessThanOrEqual(box.client);
        expect(box.iframe).toBeLessThanOrEqual(Math.min(600, box.client));
        // Nothing inside the frame scrolls or is cut: the whole page is shown.
        expect(
          await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight),
        ).toBeLessThanOrEqual(2);
        await page.screenshot({ path: `${RESULTS}/oembed-${width}.png`, fullPage: true });
      } finally {
        await ctx.close();
      }
    }, 60000);
  }
});
