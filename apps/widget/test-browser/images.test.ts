// Static images (issue 11, point 4) as browsers and social cards meet them: the og:image of an embed page
// loads as a 1200 px PNG, the SVG is a valid document, the script embed's <noscript> image and the footer's
// "Download image" point at a PNG that loads. Screenshots: the PNG for the README.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedCodes } from '../src/lib/embedCodes.js';
import { launch, RESULTS, useKit } from './browser.js';

const env = useKit({ width: 720, height: 900 });

describe('static images', () => {
  it('an embed page’s og:image is a PNG that loads, 1200 px wide, with its title and source drawn', async () => {
    const page = await env.ctx.newPage();
    await page.goto(`${env.kit.origin}/embed/series?lang=es`);
    const og = await page.locator('meta[property="og:image"]').getAttribute('content');
    const h = Number(await page.locator('meta[property="og:image:height"]').getAttribute('content'));
    expect(og).toBe(`${env.kit.origin}/embed/series.png?lang=es`);
    const res = await page.request.get(og as string);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
    const png = await res.body();
    writeFileSync(`${RESULTS}/series-es.png`, png);
    // Decoded by the browser, at the size the meta tags announce.
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, og as string);
    expect(size).toEqual([1200, h]);
    await page.close();
  }, 60000);

  it('the SVG is a well-formed SVG document in the browser', async () => {
    const page = await env.ctx.newPage();
    const res = await page.goto(`${env.kit.origin}/embed/compare.svg?lang=en&theme=dark&width=480`);
    expect(res?.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
    const root = await page.evaluate(() => [
      document.documentElement.namespaceURI,
      document.documentElement.getAttribute('width'),
      document.querySelector('parsererror') === null,
    ]);
    expect(root).toEqual(['http://www.w3.org/2000/svg', '480', true]);
    await page.screenshot({ path: `${RESULTS}/compare-en-dark.svg.png` });
    await page.close();
  }, 60000);

  it('the script embed’s <noscript> image shows where scripts do not run; the footer’s download link loads a PNG', async () => {
    const p = { view: 'stat', geo: 'CL', lang: 'en', theme: 'auto' } as const;
    const code = embedCodes(env.kit.origin, p, 'MT-0').script;
    const noJs = await launch({ width: 720, height: 900, javaScript: false });
    try {
      const page = await noJs.newPage();
      const seen: string[] = [];
      page.on('response', (r) => {
        if (r.url().includes('.png')) seen.push(`${r.status()} ${r.headers()['content-type']} ${r.url()}`);
      });
      await page.goto(
        env.host.page(
          '/noscript.html',
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>No JS</title><link rel="icon" href="data:,"></head><body><main><h1>Story</h1>${code}</main></body></html>`,
        ),
      );
      await page.waitForLoadState('networkidle');
      expect(seen).toEqual([`200 image/png ${env.kit.origin}/embed/stat.png?lang=en`]);
      const box = await page.locator('noscript img, img').first().boundingBox();
      expect(box?.width).toBeGreaterThan(100);
      await page.screenshot({ path: `${RESULTS}/noscript-stat.png` });
    } finally {
      await noJs.close();
    }
    const page = await env.ctx.newPage();
    await page.goto(`${env.kit.origin}/embed/stat?lang=en`);
    const href = await page.locator('.actions a', { hasText: 'Download image' }).getAttribute('href');
    const res = await page.request.get(href as string);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
    await page.close();
  }, 60000);
});
