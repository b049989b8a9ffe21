// Values on demand (issue 11, point 3) and provenance on the card (point 9): a series point's value,
// period and source on hover, on focus with the arrow keys, and on touch, on an embed page and in the
// script embed; the footer's release date and its notes panel.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, launch, RESULTS, settled, tabTo, useKit } from './browser.js';
import { CEAD_2010, CEAD_2025, fmt, RELEASED, VERSION } from './data.js';

const env = useKit({ width: 720, height: 900 });

/** The tooltip's text once it is shown ('' while hidden). */
const tipOf = (root: Page | Frame, shadow = false) =>
  root.evaluate((inShadow) => {
    const r: ParentNode = inShadow
      ? (document.querySelector('mt0-widget')?.shadowRoot as ShadowRoot)
      : document;
    const tip = r.querySelector('.tip') as HTMLElement | null;
    return tip && !tip.hidden ? (tip.textContent ?? '') : '';
  }, shadow);

/** The centre of the series' last (or first) dot, in page coordinates. */
const dotAt = (page: Page, which: 'first' | 'last', shadow = false) =>
  page.evaluate(
    ([w, inShadow]) => {
      const r: ParentNode = inShadow
        ? (document.querySelector('mt0-widget')?.shadowRoot as ShadowRoot)
        : document;
      const dots = [...r.querySelectorAll('circle[data-k]')];
      const b = (w === 'first' ? dots[0] : dots[dots.length - 1])?.getBoundingClientRect();
      return b ? { x: b.left + b.width / 2, y: b.top + b.height / 2 } : { x: 0, y: 0 };
    },
    [which, shadow] as const,
  );

// 2025 and 2010 national CEAD cases, as the tooltip reads them (period: value · source).
const last = (lang: 'es' | 'en') => `2025: ${fmt(CEAD_2025, lang)}`;
const first = (lang: 'es' | 'en') => `2010: ${fmt(CEAD_2010, lang)}`;

describe('values on demand', () => {
  it('an embed page: hovering a point shows its period, value and source; the arrow keys walk the points', async () => {
    const page = await env.ctx.newPage();
    await page.goto(`${env.kit.origin}/embed/series?lang=en`);
    await page.waitForLoadState('networkidle');
    expect(await tipOf(page)).toBe('');
    const p = await dotAt(page, 'last');
    await page.mouse.move(p.x - 40, p.y + 30);
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => tipOf(page)).toContain(last('en'));
    expect(await tipOf(page)).toMatch(/ · Source: .*CEAD/);
    await page.screenshot({ path: `${RESULTS}/values-hover.png` });
    // The pointer leaves: the tooltip goes.
    await page.mouse.move(1, 1);
    await expect.poll(() => tipOf(page)).toBe('');
    // Keyboard: the chart is a tab stop; focus shows the latest point, Home the first, ArrowRight the next.
    expect(await tabTo(page, '.chart')).toBeGreaterThan(0);
    await expect.poll(() => tipOf(page)).toContain(last('en'));
    await page.keyboard.press('Home');
    await expect.poll(() => tipOf(page)).toContain(first('en'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tipOf(page)).toMatch(/^2011: /);
    // Screen readers hear the same words: the tooltip is a polite live region.
    expect(await page.locator('.tip').getAttribute('role')).toBe('status');
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => tipOf(page)).toBe('');
    await page.close();
  }, 60000);

  it('touch: tapping a point on a phone shows it', async () => {
    const phone = await launch({ width: 375, height: 800, touch: true });
    try {
      const page = await phone.newPage();
      await page.goto(`${env.kit.origin}/embed/series?lang=es`);
      await page.waitForLoadState('networkidle');
      const p = await dotAt(page, 'first');
      await page.touchscreen.tap(p.x, p.y);
      await expect.poll(() => tipOf(page)).toContain(first('es'));
      await page.screenshot({ path: `${RESULTS}/values-touch.png` });
    } finally {
      await phone.close();
    }
  }, 60000);

  it('the script embed: the same in the shadow root', async () => {
    const page = await env.ctx.newPage();
    await page.goto(
      env.host.page(
        '/values.html',
        `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Nota</title><link rel="icon" href="data:,">
<script type="module" src="${env.kit.origin}/widget/mt0.js"></script></head>
<body><main><h1>Nota</h1><mt0-widget view="series" lang="es"></mt0-widget></main></body></html>`,
      ),
    );
    await settled(page);
    await page.waitForFunction(() =>
      /v\d/.test(document.querySelector('mt0-widget')?.shadowRoot?.querySelector('.ver')?.textContent ?? ''),
    );
    const p = await dotAt(page, 'last', true);
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => tipOf(page, true)).toContain(last('es'));
    expect(await tipOf(page, true)).toMatch(/ · Fuente: .*CEAD/);
    await page.close();
  }, 60000);
});

describe('provenance on the card', () => {
  it('shows the release date next to the version, and a notes panel on what each measure counts', async () => {
    const page = await env.ctx.newPage();
    await page.goto(`${env.kit.origin}/embed/series?lang=es`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.ver').textContent()).toBe(
      `MT-0 Data Kit · Datos al ${RELEASED.es} · v${VERSION}`,
    );
    await page.locator('details.notes > summary').click();
    const notes = (await page.locator('details.notes dl').textContent()) ?? '';
    // cead.cases.drugs's description and the reason for its role, from core's indicator record.
    expect(notes).toContain('Casos policiales por delitos asociados a drogas');
    expect(notes).toContain('denuncias más detenciones en flagrancia');
    expect(await axe(page)).toEqual([]);
    await page.locator('.foot').screenshot({ path: `${RESULTS}/notes-es.png` });
    await page.close();
  }, 60000);
});
