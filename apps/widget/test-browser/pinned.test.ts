// Pinned embeds as a newsroom uses them: a script embed and an iframe pinned to an older kept release
// show that release's data and version (the API's ?v=, served from @mt0/core's releases/); a release the
// server does not hold, or a malformed one, is a short error in the reader's language with the details
// in the console; the builder's codes carry the current release, or none when "always the latest" is chosen.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { reserve } from '../src/lib/embedCodes.js';
import { axe, settled, shadowText, useKit, watch } from './browser.js';
import { RELEASED, VERSION } from './data.js';

const env = useKit();
/** An older kept release (packages/core/releases/0.2.0.json); a later one corrected records it holds. */
const OLD = '0.2.0';

/**
 * The MT-0 seizures change the stat view shows: release 0.3.0 corrected its indicator's unit (kg →
 * unstated; data/corrections.yaml), after 0.2.0.
 */
const SEIZURES_ID = 'mt0.seizures:CL:2020/2021:pdi.via.insightcrime.2022';

const shell = (body: string, lang = 'es', head = '') => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">${head}
<script type="module" src="${env.kit?.origin}/widget/mt0.js"></script></head>
<body><main><h1>Nota</h1>${body}</main></body></html>`;

/** Opens a host page with the widget markup `body`; the page, once the widget has settled, and what it logged. */
async function host(name: string, body: string, lang = 'es') {
  const page = await env.ctx.newPage();
  const seen = watch(page);
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/embed/')) asked.push(r.url());
  });
  await page.goto(env.host.page(`/${name}.html`, shell(body, lang)));
  await settled(page);
  return { page, seen, asked };
}

const footer = (page: Page) =>
  page.evaluate(
    () => document.querySelector('mt0-widget')?.shadowRoot?.querySelector('.ver')?.textContent ?? '',
  );

describe('a script embed pinned with release=', () => {
  it('fetches that release (?v=) and names its version in the footer; its CSV follows it', async () => {
    const { page, seen, asked } = await host(
      'pin-old',
      `<mt0-widget view="stat" lang="en" release="${OLD}"></mt0-widget>`,
    );
    expect(asked.some((u) => u.includes('/embed/stat.json?') && u.includes(`v=${OLD}`))).toBe(true);
    expect(await footer(page)).toMatch(new RegExp(`· v${OLD.replaceAll('.', '\\.')}$`));
    const csv = await page.evaluate(
      () =>
        (document.querySelector('mt0-widget')?.shadowRoot?.querySelector('a[download]') as HTMLAnchorElement)
          ?.href,
    );
    expect(csv).toContain(`v=${OLD}`);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('pinned to the current release, shows it as an unpinned widget does', async () => {
    const { page, seen } = await host(
      'pin-now',
      `<mt0-widget view="stat" lang="en" release="${VERSION}"></mt0-widget>`,
    );
    expect(await footer(page)).toBe(`MT-0 Data Kit · Data as of ${RELEASED.en} · v${VERSION}`);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  for (const lang of ['es', 'en'] as const) {
    it(`says in ${lang} that a release is not available, the details in the console`, async () => {
      const { page, seen } = await host(
        `pin-none-${lang}`,
        `<mt0-widget view="series" lang="${lang}" release="9.9.9"></mt0-widget>`,
        lang,
      );
      const text = await shadowText(page);
      expect(text).toBe(
        lang === 'es'
          ? 'Esta versión de los datos no está disponible.'
          : 'This release of the data is not available.',
      );
      expect(text).not.toMatch(/404|http|9\.9\.9/);
      expect(seen.warnings.join('\n')).toContain('does not hold release "9.9.9"');
      expect(await axe(page)).toEqual([]);
      await page.close();
    });
  }

  it('names a malformed release in the console and shows the reader the short error', async () => {
    const { page, seen } = await host(
      'pin-bad',
      '<mt0-widget view="stat" lang="en" release="latest"></mt0-widget>',
    );
    expect(await shadowText(page)).toBe('This chart could not be shown.');
    expect(seen.warnings.join('\n')).toContain('release: "latest" is not a release version such as 0.4.0');
    await page.close();
  });
});

describe('an iframe embed page with ?v=', () => {
  it("renders and hydrates that release's figure, with its version in the footer", async () => {
    const page = await env.ctx.newPage();
    const seen = watch(page);
    await page.goto(`${env.kit.origin}/embed/series?lang=es&theme=dark&v=${OLD}`);
    await page.waitForLoadState('networkidle');
    const ver = await page.locator('.ver').textContent();
    expect(ver).toMatch(new RegExp(`· v${OLD.replaceAll('.', '\\.')}$`));
    expect(await page.locator('a[download]').first().getAttribute('href')).toContain(`v=${OLD}`);
    expect(await axe(page)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it("answers a release it does not hold with the reader's error page in es, status 404", async () => {
    const page = await env.ctx.newPage();
    const res = await page.goto(`${env.kit.origin}/embed/series?lang=es&v=9.9.9`);
    expect(res?.status()).toBe(404);
    expect(await page.locator('body').textContent()).toContain(
      'Esta versión de los datos no está disponible.',
    );
    await page.close();
  });
});

describe('the builder', () => {
  it('pins the current release in its codes by default, and drops it for "always the latest"', async () => {
    const page = await env.ctx.newPage();
    const seen = watch(page);
    await page.goto(`${env.kit.origin}/builder?view=stat&lang=en`);
    const code = (id: string) => page.locator(`#${id}`).textContent();
    expect(await code('code-script')).toContain(`release="${VERSION}"`);
    expect(await code('code-iframe')).toContain(`v=${VERSION}"`);
    expect(await page.locator('#preview mt0-widget').getAttribute('release')).toBe(VERSION);
    await page.getByLabel('Always the latest data (the chart may change)').check();
    await page.waitForFunction(
      () => !document.getElementById('code-script')?.textContent?.includes('release='),
    );
    expect(await code('code-iframe')).not.toContain('v=');
    expect(await code('code-builder')).toContain('v=latest');
    expect(page.url()).toContain('v=latest');
    expect(await page.locator('#preview mt0-widget').getAttribute('release')).toBeNull();
    // Reloading the builder's own link keeps the choice.
    await page.reload();
    expect(await page.getByLabel('Always the latest data (the chart may change)').isChecked()).toBe(true);
    expect(await code('code-script')).not.toContain('release=');
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

describe('a widget pinned to a release whose records were corrected later', () => {
  /** Layout shifts of the host page (not caused by input) from the first paint on. */
  const CLS = `window.__cls = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });`;

  for (const [lang, theme] of [
    ['es', 'light'],
    ['en', 'dark'],
  ] as const) {
    it(`shows the newer-data link and marks the corrected row (${lang}, ${theme}), with no layout shift`, async () => {
      const page = await env.ctx.newPage();
      const seen = watch(page);
      await page.goto(
        env.host.page(
          `/newer-${lang}.html`,
          shell(
            `<mt0-widget view="stat" lang="${lang}" theme="${theme}" release="${OLD}" style="display:block;min-height:${reserve('stat')}"></mt0-widget><p>${'Texto de la nota. '.repeat(80)}</p>`,
            lang,
            `<script>${CLS}</script>`,
          ),
        ),
      );
      await settled(page);
      const link = page.locator('mt0-widget .newer a');
      await link.waitFor({ timeout: 15000 });
      const words = lang === 'es' ? 'Hay datos más nuevos' : 'Newer data';
      expect(await link.textContent()).toMatch(new RegExp(`^${words}: `));
      // Its accessible name starts with its visible words, and says which release corrected how many.
      expect(await link.evaluate((a) => a.firstChild?.textContent)).toBe(words);
      const said0 =
        lang === 'es' ? ': la versión 0.3.0 corrigió un dato' : ': release 0.3.0 corrected a figure';
      // (An absolutely positioned span counts as a block in the name computation: a space may come between.)
      const name = await page.getByRole('link', { name: new RegExp(`^${words}\\s?${said0}`) }).count();
      expect(name).toBe(1);
      expect(await link.getAttribute('href')).toBe(
        `${env.kit.origin}/embed/stat?lang=${lang}&theme=${theme}`,
      );
      // The seizures' unit was corrected in 0.3.0: their row carries the mark and the words.
      const row = page.locator(`mt0-widget tr[data-key="${SEIZURES_ID}"]`);
      expect(await row.locator('.fix').textContent()).toBe('✱');
      expect(await row.locator('.fix').getAttribute('aria-hidden')).toBe('true');
      const said = await row.locator('.sr').textContent();
      expect(said).toContain(lang === 'es' ? 'Corregido en v0.3.0' : 'Corrected in v0.3.0');
      expect(said).toContain(`${lang === 'es' ? 'unidad' : 'unit'}: kg → unstated.`);
      expect(said).toContain('the unit kg was ours');
      // Rows nobody corrected carry no mark.
      expect(await page.locator('mt0-widget tr[data-key] .fix').count()).toBe(1);
      // Open the table: the mark is seen, and the page still passes WCAG 2.2 AA.
      await page
        .locator('mt0-widget summary', { hasText: lang === 'es' ? 'Ver tabla' : 'Show data table' })
        .click();
      expect(await axe(page)).toEqual([]);
      const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      expect(cls).toBeLessThanOrEqual(0.01);
      expect(seen.errors).toEqual([]);
      await page.close();
    });
  }
});

describe('the newer-data check elsewhere', () => {
  it('shows no link and reserves no line for a widget pinned to the current release', async () => {
    const { page, seen, asked } = await host(
      'newer-none',
      `<mt0-widget view="series" indicator="mt0.arrests" lang="en" release="${VERSION}"></mt0-widget>`,
      'en',
    );
    expect(await page.locator('mt0-widget .newer').count()).toBe(0);
    expect(await page.locator('mt0-widget .fix').count()).toBe(0);
    expect(asked.filter((u) => u.includes('/v1/corrections'))).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('marks the embed page (?v=) once hydrated: the link and the corrected row, with axe clean', async () => {
    const page = await env.ctx.newPage();
    const seen = watch(page);
    await page.goto(`${env.kit.origin}/embed/stat?lang=en&theme=dark&v=${OLD}`);
    const link = page.locator('.newer a');
    await link.waitFor({ timeout: 15000 });
    expect(await link.evaluate((a) => a.firstChild?.textContent)).toBe('Newer data');
    expect(await link.getAttribute('href')).toBe(`${env.kit.origin}/embed/stat?lang=en&theme=dark`);
    expect(await page.locator(`tr[data-key="${SEIZURES_ID}"] .fix`).count()).toBe(1);
    await page.locator('summary', { hasText: 'Show data table' }).click();
    expect(await axe(page)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
