// Print (issue 11, point 5): Chromium's print media on a dark embed page and a dark script embed — light
// colours whatever the theme, no controls, the sources' addresses written out — and a real PDF.
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESULTS, settled, useKit } from './browser.js';

const env = useKit({ width: 720, height: 900, dark: true });

/** What print shows of the widget whose `.mt0` box `root` finds (the page, or the element's shadow root). */
const printed = (page: Page, inShadow: boolean) =>
  page.evaluate((shadow) => {
    const root: ParentNode = shadow
      ? (document.querySelector('mt0-widget')?.shadowRoot as ShadowRoot)
      : document;
    const box = root.querySelector('.mt0') as HTMLElement;
    const shown = (sel: string) =>
      [...root.querySelectorAll(sel)].filter((e) => getComputedStyle(e).display !== 'none').length;
    const link = root.querySelector('.src a') as HTMLElement;
    return {
      background: getComputedStyle(box).backgroundColor,
      text: getComputedStyle(box).color,
      controls: shown('.actions') + shown('.toggle') + shown('details.twin'),
      after: getComputedStyle(link, '::after').content,
      href: link.getAttribute('href'),
    };
  }, inShadow);

describe('print', () => {
  it('an embed page in the dark theme prints light, without controls, with its sources’ addresses', async () => {
    const page = await env.ctx.newPage();
    await page.goto(`${env.kit.origin}/embed/series?lang=en&theme=dark`);
    await page.waitForLoadState('networkidle');
    const screen = await printed(page, false);
    expect(screen.background).toBe('rgb(21, 23, 27)');
    expect(screen.controls).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    const print = await printed(page, false);
    expect(print.background).toBe('rgb(255, 255, 255)');
    expect(print.text).toBe('rgb(27, 29, 33)');
    expect(print.controls).toBe(0);
    expect(print.after).toBe(`" (${print.href})"`);
    await page.screenshot({ path: `${RESULTS}/print-series-en-dark.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(`${RESULTS}/print-series-en-dark.pdf`, pdf);
    await page.close();
  }, 30000);

  it('a script embed in the dark theme prints light too', async () => {
    const page = await env.ctx.newPage();
    await page.goto(
      env.host.page(
        '/print.html',
        `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Nota</title><link rel="icon" href="data:,">
<script type="module" src="${env.kit.origin}/widget/mt0.js"></script></head>
<body><main><h1>Nota</h1><mt0-widget view="compare" lang="es" theme="dark"></mt0-widget></main></body></html>`,
      ),
    );
    await settled(page);
    await page.waitForFunction(() =>
      /v\d/.test(document.querySelector('mt0-widget')?.shadowRoot?.querySelector('.ver')?.textContent ?? ''),
    );
    await page.emulateMedia({ media: 'print' });
    const print = await printed(page, true);
    expect(print.background).toBe('rgb(255, 255, 255)');
    expect(print.text).toBe('rgb(27, 29, 33)');
    expect(print.controls).toBe(0);
    expect(print.after).toBe(`" (${print.href})"`);
    await page.close();
  }, 30000);
});
