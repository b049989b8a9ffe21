// The responsive iframe: pym.js's own Parent sizing /embed/compare and following a width change, and
// resize.js sizing an iframe from our message (and ignoring forged ones).
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESULTS, useKit, watch } from './browser.js';

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
