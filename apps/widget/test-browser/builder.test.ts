// The builder (/builder) as a producer uses it, keyboard only: type "Calama" into the place combobox,
// choose microtrafficking, 2018–2025, yearly, Spanish, dark; the preview (the real widget) shows Calama's
// series, and the script code pasted into a page on another origin, the iframe code and the oEmbed URL
// all give the same chart. Also: 375 px, axe (WCAG 2.2 AA + label-content-name-mismatch), a bad URL.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, RESULTS, settled, shadowText, tabTo, useKit, watch } from './browser.js';
import { fmt, VERSION } from './data.js';

const env = useKit({ width: 1200, height: 1000 });

type Series = { start: string; values: (number | null)[] };
const calama = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@mt0/store/places/CL-02201.json'), 'utf8'),
) as { series: Record<string, Series> };
/** A year of Calama's microtrafficking cases: the sum of its twelve months in the place file. */
const year = (y: number) => {
  const s = calama.series['cead.cases.microtrafficking'] as Series;
  const first = (y - Number(s.start.slice(0, 4))) * 12;
  return (s.values.slice(first, first + 12) as number[]).reduce((a, b) => a + b, 0);
};
const TITLE = 'Casos policiales por microtráfico, Calama, 2018–2025';

const active = (p: Page) =>
  p.evaluate(() => {
    const input = document.getElementById('geo') as HTMLInputElement;
    const id = input.getAttribute('aria-activedescendant');
    return {
      expanded: input.getAttribute('aria-expanded'),
      id,
      text: id ? document.getElementById(id)?.textContent : null,
      selected: id ? document.getElementById(id)?.getAttribute('aria-selected') : null,
      count: document.getElementById('geo-count')?.textContent,
    };
  });

/** The builder's preview widget once its title starts with `title`: its text, description and table. */
async function preview(p: Page, title: string) {
  await p.waitForFunction(
    (t) =>
      !!document
        .querySelector('#preview mt0-widget')
        ?.shadowRoot?.querySelector('figcaption')
        ?.textContent?.startsWith(t),
    title,
    { timeout: 15000 },
  );
  await settled(p, '#preview mt0-widget');
  return allText(p, '#preview mt0-widget');
}

/** The widget's visible text, its chart's description and its data table (open or not). */
async function allText(p: Page, selector = 'mt0-widget') {
  const hidden = await p.evaluate((sel) => {
    const root = document.querySelector(sel)?.shadowRoot;
    return `${root?.querySelector('desc')?.textContent ?? ''}\n${root?.querySelector('details.twin table')?.textContent ?? ''}`;
  }, selector);
  return `${await shadowText(p, selector)}\n${hidden}`;
}

/** Waits for the place list to show options for what was typed last. */
const options = (p: Page) =>
  p.waitForFunction(() => {
    const list = document.getElementById('geo-list');
    return !!list && !list.hidden && list.querySelectorAll('[role=option]').length > 0;
  });

// These tests drive the builder and run axe over it and the widget it shows: work for a minute on the
// shared 2-core machine, not the 30 s of a single view.
describe('the builder, keyboard only', { timeout: 60_000 }, () => {
  let p: Page;
  let seen: ReturnType<typeof watch>;
  beforeAll(async () => {
    p = await env.ctx.newPage();
    seen = watch(p);
    await p.goto(`${env.kit.origin}/builder?lang=es`);
  });
  afterAll(async () => {
    await p.close();
  });

  it('finds Calama by name in the place combobox: arrow keys, the active option, a live count, Enter', async () => {
    expect(await tabTo(p, '#geo', 80)).toBeGreaterThan(0);
    await p.keyboard.press('Control+A');
    await p.keyboard.type('Calama');
    await options(p);
    expect((await active(p)).expanded).toBe('true');
    expect((await active(p)).count).toMatch(/^\d+ resultados?$/);
    await p.keyboard.press('ArrowDown');
    const first = await active(p);
    expect(first.id).toBe('geo-opt-0');
    expect(first.selected).toBe('true');
    expect(first.text).toContain('Calama');
    await p.keyboard.press('Enter');
    expect(await p.evaluate(() => (document.getElementById('geo') as HTMLInputElement).dataset.id)).toBe(
      'CL-02201',
    );
    expect((await active(p)).expanded).toBe('false');
  });

  it('finds the same comuna by its CUT code, and Escape closes the list, then clears the field', async () => {
    await p.focus('#geo');
    await p.keyboard.press('Control+A');
    await p.keyboard.type('2201');
    await p.waitForFunction(() =>
      document.querySelector('#geo-list [role=option]')?.textContent?.includes('Calama'),
    );
    await p.keyboard.press('Escape');
    expect((await active(p)).expanded).toBe('false');
    await p.keyboard.press('Escape');
    expect(await p.inputValue('#geo')).toBe('');
    await p.keyboard.type('calama');
    await options(p);
    // Enter without an active option takes the best match.
    await p.keyboard.press('Enter');
    expect(await p.inputValue('#geo')).toBe('Calama');
  });

  it('draws Calama’s yearly microtrafficking 2018–2025 in Spanish and dark, and keeps the state in the URL', async () => {
    await p.focus('#indicator');
    await p.selectOption('#indicator', 'cead.cases.microtrafficking');
    await p.focus('#from');
    await p.keyboard.press('Control+A');
    await p.keyboard.type('2018');
    await p.keyboard.press('Tab');
    await p.keyboard.press('Control+A');
    await p.keyboard.type('2025');
    await p.keyboard.press('Tab');
    await p.selectOption('#resolution', 'year');
    await p.focus('#theme-dark');
    await p.keyboard.press('Space');
    const text = await preview(p, TITLE);
    for (const y of [2018, 2025]) expect(text).toContain(fmt(year(y), 'es'));
    const url = new URL(p.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      view: 'series',
      indicator: 'cead.cases.microtrafficking',
      geo: 'CL-02201',
      from: '2018',
      to: '2025',
      resolution: 'year',
      lang: 'es',
      theme: 'dark',
      // The codes pin the current release (the builder's default).
      v: VERSION,
    });
    expect(await p.textContent('#code-builder')).toBe(url.href);
    expect(await p.textContent('#code-script')).toContain('geo="CL-02201"');
    await p.screenshot({ path: `${RESULTS}/builder-calama.png`, fullPage: true });
    expect(await axe(p)).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it('gives the same chart from the script code pasted into a page on another origin', async () => {
    const code = (await p.textContent('#code-script')) ?? '';
    const host = await env.ctx.newPage();
    const hostSeen = watch(host);
    await host.goto(
      env.host.page(
        '/builder-script.html',
        `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Nota</title><link rel="icon" href="data:,"></head><body><main><h1>Nota</h1>${code}</main></body></html>`,
      ),
    );
    await settled(host);
    const text = await allText(host);
    expect(text).toContain(TITLE);
    for (const y of [2018, 2025]) expect(text).toContain(fmt(year(y), 'es'));
    expect(hostSeen.errors).toEqual([]);
    await host.close();
  });

  it('gives it from the iframe code and from the oEmbed URL', async () => {
    const code = (await p.textContent('#code-iframe')) ?? '';
    const host = await env.ctx.newPage();
    await host.goto(
      env.host.page(
        '/builder-iframe.html',
        `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Nota</title><link rel="icon" href="data:,"></head><body><main><h1>Nota</h1>${code}</main></body></html>`,
      ),
    );
    const frame = await (await host.waitForSelector('iframe')).contentFrame();
    if (!frame) throw new Error('no frame');
    await frame.waitForSelector('figcaption');
    const framed = (await frame.textContent('body')) ?? '';
    expect(framed).toContain(TITLE);
    expect(framed).toContain(fmt(year(2025), 'es'));
    await host.close();
    const oembed = (await p.textContent('#code-oembed')) ?? '';
    const answer = (await (await fetch(oembed)).json()) as { html: string; title: string };
    expect(answer.title).toBe(TITLE);
    const src = /src="([^"]+)"/.exec(answer.html)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(src).toContain('geo=CL-02201');
    const page = await (await fetch(src)).text();
    expect(page).toContain(TITLE);
    expect(page).toContain(`>${fmt(year(2025), 'es')}<`);
  });
});

describe('the builder at 375 px', { timeout: 60_000 }, () => {
  it('fits the width, passes axe, and says what is wrong with a bad URL instead of a blank page', async () => {
    const p = await env.ctx.newPage();
    await p.setViewportSize({ width: 375, height: 800 });
    const seen = watch(p);
    const res = await p.goto(`${env.kit.origin}/builder?view=pie&geo=%3Cscript%3E&lang=en`);
    expect(res?.status()).toBe(400);
    const alert = (await p.textContent('[role=alert]')) ?? '';
    expect(alert).toContain('view: "pie" is not one of stat, series, compare, statement, table');
    expect(alert).toContain('geo: "<script>"');
    // The builder is there, with the defaults and its preview.
    await preview(p, 'Police cases for drug offences');
    const wide = await p.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(375);
    expect(await axe(p)).toEqual([]);
    await p.screenshot({ path: `${RESULTS}/builder-375.png`, fullPage: true });
    expect(seen.errors.filter((e) => !e.includes('400'))).toEqual([]);
    await p.close();
  });
});
