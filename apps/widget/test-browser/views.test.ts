import { describe, expect, it } from 'vitest';
import { axe, RESULTS, settled, shadowText, tabTo, useKit, watch } from './browser.js';
import {
  ARRESTS_2020,
  annual,
  CEAD_2010,
  CEAD_2025,
  CONVICTIONS,
  fmt,
  RELEASED,
  SALES,
  SEIZURES,
  VERSION,
} from './data.js';

const env = useKit();

type Lang = 'es' | 'en';
/** What each view must show, computed here from the records (arithmetic in the comments). */
const expected: Record<string, (l: Lang) => string[]> = {
  // +150 % seizures 2020→2021.
  stat: () => [`+${SEIZURES}%`, '2020→2021'],
  // 2010 and 2025 national cases, grouped the language's way (14.798 / 14,798).
  series: (l) => [fmt(CEAD_2010, l), fmt(CEAD_2025, l)],
  // Annual rates: (1 + 62/100)^(1/4) − 1 = 12.8 %; (1 + 18/100)^(1/4) − 1 = 4.2 %; 150 % in one year.
  compare: (l) => [
    `+${fmt(annual(SALES, 4), l, 1)}%`,
    `+${fmt(annual(CONVICTIONS, 4), l, 1)}%`,
    `+${SEIZURES}%`,
  ],
  statement: () => [`+${SEIZURES}%`, `+${SALES}%`, 'Cristian Sepúlveda'],
  table: (l) => [`+${SEIZURES}%`, `+${SALES}%`, `+${CONVICTIONS}%`, fmt(ARRESTS_2020, l)],
};

const page = (view: string, lang: Lang, theme: string) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Host ${view}</title><link rel="icon" href="data:,">
<script type="module" src="${env.kit.origin}/widget/mt0.js"></script></head>
<body><main><h1>Story</h1><p>Text before.</p>
<mt0-widget view="${view}" lang="${lang}" theme="${theme}"></mt0-widget>
<p>Text after.</p></main></body></html>`;

describe('script embed, every view', () => {
  for (const view of Object.keys(expected)) {
    for (const lang of ['es', 'en'] as const) {
      for (const theme of ['light', 'dark']) {
        it(`${view} ${lang} ${theme}`, async () => {
          const p = await env.ctx.newPage();
          const seen = watch(p);
          await p.goto(env.host.page(`/${view}-${lang}-${theme}.html`, page(view, lang, theme)));
          await settled(p);
          // Drawn from the live API, not the snapshot.
          await p.waitForFunction(() =>
            /v\d/.test(
              document.querySelector('mt0-widget')?.shadowRoot?.querySelector('.ver')?.textContent ?? '',
            ),
          );
          const text = await shadowText(p);
          const all = `${text}\n${await p.evaluate(() => document.querySelector('mt0-widget')?.shadowRoot?.querySelector('desc')?.textContent ?? '')}`;
          for (const n of (expected[view] as (l: Lang) => string[])(lang)) expect(all, n).toContain(n);
          expect(text).toContain(lang === 'es' ? 'Descargar datos' : 'Get the data');
          expect(text).toContain(
            `MT-0 Data Kit · ${lang === 'es' ? 'Datos al' : 'Data as of'} ${RELEASED[lang]} · v${VERSION}`,
          );
          expect(await axe(p)).toEqual([]);
          const target = view === 'table' ? 'th button' : 'details.twin > summary';
          expect(await tabTo(p, target)).toBeGreaterThan(0);
          if (view !== 'table') {
            await p.keyboard.press('Enter');
            const open = await p.evaluate(() => {
              const t = document
                .querySelector('mt0-widget')
                ?.shadowRoot?.querySelector('details.twin table') as HTMLElement | null;
              return !!t && t.getBoundingClientRect().height > 0;
            });
            expect(open).toBe(true);
            await p.keyboard.press('Enter');
          }
          await p.locator('mt0-widget').screenshot({ path: `${RESULTS}/${view}-${lang}-${theme}.png` });
          expect(seen.errors).toEqual([]);
          await p.close();
        }, 30000);
      }
    }
  }
});

describe('embed pages, every view', () => {
  for (const view of Object.keys(expected)) {
    for (const lang of ['es', 'en'] as const) {
      it(`/embed/${view}?lang=${lang} hydrates, passes axe and shows the numbers`, async () => {
        const p = await env.ctx.newPage();
        const seen = watch(p);
        await p.goto(`${env.kit.origin}/embed/${view}?lang=${lang}&theme=dark`);
        await p.waitForLoadState('networkidle');
        const text = await p.evaluate(() => {
          // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what a reader sees
          const visible = document.body.innerText;
          return `${visible}\n${document.querySelector('desc')?.textContent ?? ''}`;
        });
        for (const n of (expected[view] as (l: Lang) => string[])(lang)) expect(text, n).toContain(n);
        expect(await axe(p)).toEqual([]);
        // Hydrated: the table sorts by value on click.
        if (view !== 'table') await p.locator('details.twin > summary').first().click();
        const values = () => p.locator('tbody tr td:nth-child(3)').allInnerTexts();
        const before = await values();
        await p.locator('thead th button').nth(2).click();
        expect(await p.locator('thead th').nth(2).getAttribute('aria-sort')).toBe('ascending');
        if (before.length > 1) expect(await values()).not.toEqual(before);
        await p.screenshot({ path: `${RESULTS}/embed-${view}-${lang}-dark.png`, fullPage: true });
        expect(seen.errors).toEqual([]);
        await p.close();
      }, 30000);
    }
  }
});
