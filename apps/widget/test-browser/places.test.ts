// A comuna in a reader's browser: the script embed given Calama by name and by CUT code, a monthly
// series as a 12-month rolling sum, and the stat view's latest full year, all served by the real API
// (which reads the place's static file of the store). Expected values are summed here from that file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, RESULTS, settled, shadowText, useKit, watch } from './browser.js';
import { fmt } from './data.js';

const env = useKit({ width: 720, height: 900 });

type Series = { start: string; values: (number | null)[] };
const calama = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@mt0/store/places/CL-02201.json'), 'utf8'),
) as { name: { es: string }; series: Record<string, Series> };
/** The sum of a series' twelve months of `year` (its values start at `start`, one a month). */
const yearSum = (indicator: string, year: number) => {
  const s = calama.series[indicator] as Series;
  const first = (year - Number(s.start.slice(0, 4))) * 12 - (Number(s.start.slice(5, 7)) - 1);
  const months = s.values.slice(first, first + 12);
  if (months.length !== 12 || months.some((v) => v === null))
    throw new Error(`${indicator} ${year} is not whole`);
  return (months as number[]).reduce((a, b) => a + b, 0);
};
const MICRO = 'cead.cases.microtrafficking';

const host = (name: string, lang: string, attrs: string) =>
  env.host.page(
    `/${name}.html`,
    `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Host ${name}</title><link rel="icon" href="data:,">
<script type="module" src="${env.kit.origin}/widget/mt0.js"></script></head>
<body><main><h1>Story</h1><mt0-widget ${attrs}></mt0-widget></main></body></html>`,
  );

/** Waits for the live (not the snapshot) drawing, then returns the visible text and the chart's description. */
async function liveText(p: Page) {
  await settled(p);
  await p.waitForFunction(() =>
    /v\d/.test(document.querySelector('mt0-widget')?.shadowRoot?.querySelector('.ver')?.textContent ?? ''),
  );
  const desc = await p.evaluate(
    () => document.querySelector('mt0-widget')?.shadowRoot?.querySelector('desc')?.textContent ?? '',
  );
  return { text: await shadowText(p), desc };
}

/** The widget's data-table twin, opened, as text. */
async function twinText(p: Page) {
  return p.evaluate(() => {
    const root = document.querySelector('mt0-widget')?.shadowRoot;
    const d = root?.querySelector('details.twin') as HTMLDetailsElement | null;
    if (d) d.open = true;
    return d?.querySelector('table')?.textContent ?? '';
  });
}

describe('a comuna in the script embed', () => {
  it("draws Calama's yearly microtrafficking cases given by name, in Spanish and dark", async () => {
    const p = await env.ctx.newPage();
    const seen = watch(p);
    await p.goto(
      host(
        'calama-name',
        'es',
        `view="series" indicator="${MICRO}" geo="Calama" from="2018" to="2025" resolution="year" lang="es" theme="dark"`,
      ),
    );
    const { text, desc } = await liveText(p);
    expect(text).toContain('Calama, 2018–2025');
    // Each year is the sum of its twelve months in the place file (2018: 8 + 4 + 12 + … ).
    const table = await twinText(p);
    for (const year of [2018, 2021, 2025])
      expect(table, String(year)).toContain(fmt(yearSum(MICRO, year), 'es'));
    expect(`${text}\n${desc}`).toContain(fmt(yearSum(MICRO, 2025), 'es'));
    expect(await axe(p)).toEqual([]);
    await p.locator('mt0-widget').screenshot({ path: `${RESULTS}/calama-series-es-dark.png` });
    expect(seen.errors).toEqual([]);
    await p.close();
  });

  it('draws the same chart given the CUT code 2201, in English', async () => {
    const p = await env.ctx.newPage();
    const seen = watch(p);
    await p.goto(
      host(
        'calama-cut',
        'en',
        `view="series" indicator="${MICRO}" geo="2201" from="2018" to="2025" resolution="year" lang="en" theme="light"`,
      ),
    );
    const { text } = await liveText(p);
    expect(text).toContain('Calama, 2018–2025');
    const table = await twinText(p);
    for (const year of [2018, 2025]) expect(table, String(year)).toContain(fmt(yearSum(MICRO, year), 'en'));
    expect(await axe(p)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await p.close();
  });

  it('draws months as a labelled 12-month rolling sum, the first point where twelve months exist', async () => {
    const p = await env.ctx.newPage();
    const seen = watch(p);
    await p.goto(
      host(
        'calama-rolling',
        'en',
        'view="series" indicator="cead.cases.drugs" geo="2201" from="2018-01" to="2019-12" resolution="month" rolling="12" lang="en"',
      ),
    );
    const { text } = await liveText(p);
    expect(text).toContain('sum of the last 12 months');
    // December's point is the sum of that year's twelve months; January–November 2018 have no point
    // (fewer than twelve months of the window before them).
    const table = await twinText(p);
    expect(table).toContain(fmt(yearSum('cead.cases.drugs', 2018), 'en'));
    expect(table).toContain(fmt(yearSum('cead.cases.drugs', 2019), 'en'));
    expect(table).not.toContain('November 2018');
    // Rows: December 2018 and the twelve months of 2019.
    const rows = await p.evaluate(
      () =>
        document.querySelector('mt0-widget')?.shadowRoot?.querySelectorAll('details.twin tbody tr').length,
    );
    expect(rows).toBe(13);
    expect(await axe(p)).toEqual([]);
    await p.locator('mt0-widget').screenshot({ path: `${RESULTS}/calama-rolling-en.png` });
    expect(seen.errors).toEqual([]);
    await p.close();
  });
});

describe("a comuna's stat view", () => {
  it('shows the latest full year and says in words why there is no change across the 2025 break', async () => {
    const p = await env.ctx.newPage();
    const seen = watch(p);
    await p.goto(host('calama-stat', 'es', `view="stat" indicator="${MICRO}" geo="calama" lang="es"`));
    const { text } = await liveText(p);
    expect(text).toContain(fmt(yearSum(MICRO, 2025), 'es'));
    expect(text).toContain('Sin comparación con 2024 (quiebre de serie 2025');
    expect(await axe(p)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await p.close();
  });

  it("shows 2024 with its change from 2023 in the iframe embed page, on the reader's side", async () => {
    const p = await env.ctx.newPage();
    const seen = watch(p);
    await p.goto(`${env.kit.origin}/embed/stat?indicator=${MICRO}&geo=2201&to=2024&lang=en`);
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what a reader sees
    const text = await p.evaluate(() => document.body.innerText);
    const [y24, y23] = [yearSum(MICRO, 2024), yearSum(MICRO, 2023)];
    expect(text).toContain(fmt(y24, 'en'));
    // The change as core's metric gives it: (2024 − 2023) / 2023 × 100, one decimal, with a true minus sign.
    const pct = ((y24 - y23) / y23) * 100;
    expect(text).toContain(`${pct < 0 ? '−' : '+'}${fmt(Math.abs(pct), 'en', 1)}% vs. 2023`);
    expect(await axe(p)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await p.close();
  });
});
