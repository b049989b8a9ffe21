// The script embed in hostile and unlucky hosts: aggressive global CSS and a strict page CSP, the API
// down, bad attributes, two widgets on one page, and no layout shift while loading.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedCodes } from '../src/lib/embedCodes.js';
import type { ViewName } from '../src/lib/types.js';
import { axe, launch, RESULTS, settled, shadowText, useKit, watch } from './browser.js';
import { CEAD_2025, fmt, RELEASED, SEIZURES, VERSION } from './data.js';

const env = useKit();

/** A port nothing listens on (and that Chromium does not refuse as unsafe). */
async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const srv = createServer();
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
  const port = (srv.address() as { port: number }).port;
  await new Promise((ok) => srv.close(ok));
  return port;
}

const shell = (body: string, head = '') => `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">${head}
<script type="module" src="${env.kit?.origin}/widget/mt0.js"></script></head>
<body><main><h1>Nota</h1><p>Antes.</p>${body}<p id="after">Después.</p></main></body></html>`;

/** Computed styles of every element inside the widget: what "unchanged rendering" means, exactly. */
const innerStyles = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('mt0-widget')?.shadowRoot;
    const props = [
      'color',
      'font-family',
      'font-size',
      'line-height',
      'letter-spacing',
      'text-transform',
      'margin',
      'padding',
      'border',
      'background-color',
      'width',
      'height',
    ];
    return [...(root?.querySelectorAll('*') ?? [])].map((el) => {
      const cs = getComputedStyle(el);
      return props.map((p) => cs.getPropertyValue(p)).join('|');
    });
  });

/** The host element's own box, which page CSS targets directly. */
const hostBox = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('mt0-widget') as HTMLElement;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return [cs.display, cs.margin, cs.padding, cs.border, cs.opacity, cs.backgroundColor, r.width, r.height];
  });

describe('a hostile host page', () => {
  it('leaves the widget exactly as on a plain page', async () => {
    const widget = '<mt0-widget view="stat" lang="es" theme="light"></mt0-widget>';
    // The widget first in the page, so that it sits at the same place on both pages and pixels compare.
    const first = (head = '') => shell('', head).replace('<body>', `<body>${widget}`);
    const plain = await env.ctx.newPage();
    // The same URL for both (the widget's "Cite" text quotes the page's address).
    await plain.goto(env.host.page('/story.html', first()));
    await settled(plain);
    const clean = await plain.locator('mt0-widget').screenshot({ path: `${RESULTS}/hostile-before.png` });
    const cleanStyles = await innerStyles(plain);
    const cleanBox = await hostBox(plain);
    await plain.close();

    env.host.page(
      '/hostile.css',
      // Inherited properties on everything; box properties aimed at the element itself (so that the page's
      // own containers keep their width and the comparison is fair); hiding rules that must not reach in.
      `* { color: red !important; font: italic 30px/3 serif !important; letter-spacing: 5px !important; text-transform: uppercase !important;
  word-spacing: 8px !important; text-align: right !important; cursor: crosshair !important; text-decoration: line-through !important; }
mt0-widget { margin: 17px !important; padding: 13px !important; border: 3px dashed lime !important; background: yellow !important;
  box-sizing: content-box !important; width: 300px !important; min-height: 900px !important; display: inline !important; opacity: 0.5 !important; }
svg, figure, table, div, p.big, details { display: none !important; }`,
    );
    const page = await env.ctx.newPage();
    const seen = watch(page);
    // A page-level CSP: our script is allowed (the newsroom added it), nothing inline is.
    const csp = `default-src 'self'; script-src ${env.kit.origin}; connect-src ${env.kit.origin}; style-src 'self'; img-src 'self' data:`;
    await page.goto(
      env.host.page('/story.html', first('<link rel="stylesheet" href="/hostile.css">'), {
        'content-security-policy': csp,
      }),
    );
    await settled(page);
    expect(await innerStyles(page)).toEqual(cleanStyles);
    expect(await hostBox(page)).toEqual(cleanBox);
    expect(cleanBox.slice(0, 6)).toEqual([
      'block',
      '0px',
      '0px',
      '0px none rgb(0, 0, 0)',
      '1',
      'rgba(0, 0, 0, 0)',
    ]);
    const shot = await page.locator('mt0-widget').screenshot({ path: `${RESULTS}/hostile-after.png` });
    expect(shot.equals(clean)).toBe(true);
    expect(await shadowText(page)).toContain(`+${SEIZURES}%`);
    expect(seen.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
    await page.close();
  }, 30000);
});

describe('an unreachable API', () => {
  it('shows the bundled snapshot with a "data as of" note', async () => {
    const page = await env.ctx.newPage();
    const seen = watch(page);
    const port = await closedPort();
    await page.goto(
      env.host.page(
        '/down.html',
        shell(`<mt0-widget view="series" api="http://127.0.0.1:${port}"></mt0-widget>`),
      ),
    );
    await settled(page);
    await page.waitForFunction(() =>
      /Datos al/.test(document.querySelector('mt0-widget')?.shadowRoot?.textContent ?? ''),
    );
    const text = await shadowText(page);
    expect(text).toContain(`Datos al ${RELEASED.es} · v${VERSION} (copia incluida`);
    const desc = await page.evaluate(
      () => document.querySelector('mt0-widget')?.shadowRoot?.querySelector('desc')?.textContent,
    );
    // 2025 national cases from the snapshot, es-CL grouping.
    expect(desc).toContain(`2025: ${fmt(CEAD_2025, 'es')}`);
    expect(seen.warnings.some((w) => w.includes('showing the bundled snapshot'))).toBe(true);
    expect(seen.errors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
    await page.screenshot({ path: `${RESULTS}/api-down.png` });
    await page.close();
  }, 30000);

  it('shows a small error, not a blank, when the snapshot does not cover the request', async () => {
    const page = await env.ctx.newPage();
    const port = await closedPort();
    await page.goto(
      env.host.page(
        '/down2.html',
        shell(`<mt0-widget view="series" geo="CL-RM" api="http://127.0.0.1:${port}"></mt0-widget>`),
      ),
    );
    await settled(page);
    expect((await shadowText(page)).trim()).toBe('No se pudo mostrar este gráfico.');
    await page.close();
  }, 30000);
});

describe('errors a reader understands', () => {
  it('bad attributes: a short sentence in the page language, the details in a console warning, nothing thrown', async () => {
    const page = await env.ctx.newPage();
    const seen = watch(page);
    await page.goto(
      env.host.page('/bad.html', shell('<mt0-widget view="pie" lang="fr" geo="Chile"></mt0-widget>')),
    );
    await settled(page);
    const text = await shadowText(page);
    expect(text.trim()).toBe('No se pudo mostrar este gráfico.');
    expect(seen.warnings.some((w) => w.includes('<mt0-widget>: view: "pie"'))).toBe(true);
    expect(seen.errors).toEqual([]);
    // Fixing the attribute brings the widget back.
    await page.evaluate(() => {
      const el = document.querySelector('mt0-widget') as HTMLElement;
      el.setAttribute('view', 'stat');
      el.setAttribute('lang', 'en');
      el.setAttribute('geo', 'CL');
    });
    await page.waitForFunction(() => document.querySelector('mt0-widget')?.shadowRoot?.querySelector('.big'));
    expect(await shadowText(page)).toContain(`+${SEIZURES}%`);
    await page.close();
  }, 30000);

  it('an unknown attribute warns in the console naming the allowed ones', async () => {
    const page = await env.ctx.newPage();
    const seen = watch(page);
    await page.goto(
      env.host.page(
        '/typo.html',
        shell('<mt0-widget view="stat" region="CL-VS" data-story="x" class="w" lang="en"></mt0-widget>'),
      ),
    );
    await settled(page);
    expect(seen.warnings).toContainEqual(
      '<mt0-widget>: unknown attributes ignored: region; allowed: view,indicator,geo,from,to,resolution,rolling,per100k,lang,theme,release,api',
    );
    // data-*, class: the page's own, no warning about them.
    expect(seen.warnings.join('\n')).not.toMatch(/data-story|ignored: .*class/);
    await page.close();
  }, 30000);

  for (const theme of ['light', 'dark'] as const) {
    it(`a valid selection without data says so in words (en, ${theme}, on a ${theme === 'dark' ? 'dark' : 'patterned'} page), compactly and passing axe`, async () => {
      const page = await env.ctx.newPage();
      const seen = watch(page);
      const bg = theme === 'dark' ? '#000' : 'repeating-linear-gradient(45deg,#222 0 4px,#ddd 4px 8px)';
      env.host.page(`/bg-${theme}.css`, `body{background:${bg};color:${theme === 'dark' ? '#fff' : '#000'}}`);
      await page.goto(
        env.host.page(
          `/nodata-${theme}.html`,
          shell(
            `<mt0-widget view="stat" geo="CL-RM" lang="en" theme="${theme}" style="display:block;min-height:260px"></mt0-widget>`,
            `<link rel="stylesheet" href="/bg-${theme}.css">`,
          ).replace('lang="es"', 'lang="en"'),
        ),
      );
      await settled(page);
      const text = await shadowText(page);
      expect(text.trim()).toBe('No data for this selection.');
      expect(text).not.toMatch(/404|http|json/);
      // The details, for the newsroom: in the console.
      expect(seen.warnings.some((w) => w.includes('404 from') && w.includes('/embed/stat.json'))).toBe(true);
      // Compact: the reserved 260 px (the element's own and the snippet's inline style) is released.
      const h = await page.evaluate(
        () => document.querySelector('mt0-widget')?.getBoundingClientRect().height,
      );
      expect(h).toBeGreaterThan(20);
      expect(h).toBeLessThan(100);
      // Its own opaque background in the theme, whatever the page behind it.
      const look = await page.evaluate(() => {
        const box = document.querySelector('mt0-widget')?.shadowRoot?.querySelector('.mt0') as HTMLElement;
        const p = box.querySelector('.problem') as HTMLElement;
        return [getComputedStyle(box).backgroundColor, getComputedStyle(p).color];
      });
      expect(look).toEqual(
        theme === 'dark'
          ? ['rgb(21, 23, 27)', 'rgb(238, 240, 243)']
          : ['rgb(255, 255, 255)', 'rgb(27, 29, 33)'],
      );
      expect(await axe(page)).toEqual([]);
      await page.locator('mt0-widget').screenshot({ path: `${RESULTS}/nodata-${theme}.png` });
      expect(seen.errors.filter((e) => !e.includes('404'))).toEqual([]);
      await page.close();
    }, 30000);
  }
});

describe('sizing', () => {
  it('reserves the height the page sets with --mt0-min-height until drawn, then fits the content', async () => {
    // A server that accepts connections and never answers: the widget waits (4 s), then gives up.
    const { createServer } = await import('node:net');
    const held: import('node:net').Socket[] = [];
    const hang = createServer((s) => held.push(s));
    await new Promise<void>((ok) => hang.listen(0, '127.0.0.1', ok));
    const port = (hang.address() as { port: number }).port;
    const page = await env.ctx.newPage();
    await page.goto(
      env.host.page(
        '/reserve.html',
        shell(
          `<mt0-widget id="slow" view="series" geo="CL-RM" api="http://127.0.0.1:${port}" style="--mt0-min-height:123px"></mt0-widget>` +
            '<mt0-widget id="one" view="table" indicator="mt0.arrests" lang="es"></mt0-widget>',
        ),
      ),
    );
    await page.waitForFunction(
      () => !!document.querySelector('#slow')?.shadowRoot?.querySelector('[role=status]'),
    );
    const box = (sel: string) =>
      page.evaluate((s) => document.querySelector(s)?.getBoundingClientRect().height ?? 0, sel);
    expect(await box('#slow')).toBe(123);
    // The small table: the 560 px reserved for a table shrinks to its content once drawn.
    await settled(page, '#one');
    const content = await page.evaluate(() => {
      const box = document.querySelector('#one')?.shadowRoot?.querySelector('.mt0');
      return box?.getBoundingClientRect().height ?? 0;
    });
    expect(content).toBeLessThan(560);
    expect(await box('#one')).toBe(content);
    await settled(page, '#slow');
    expect(await box('#slow')).toBeLessThan(123);
    await page.close();
    for (const s of held) s.destroy();
    await new Promise((ok) => hang.close(ok));
  }, 30000);
});

describe('two widgets on one page', () => {
  it('do not interfere: each keeps its own view, language, theme and data', async () => {
    const page = await env.ctx.newPage();
    const seen = watch(page);
    await page.goto(
      env.host.page(
        '/two.html',
        shell(
          '<mt0-widget id="a" view="stat" lang="en" theme="dark"></mt0-widget><mt0-widget id="b" view="series" geo="CL-RM" lang="es"></mt0-widget>',
        ),
      ),
    );
    await settled(page, '#a');
    await settled(page, '#b');
    const a = await shadowText(page, '#a');
    const b = await shadowText(page, '#b');
    expect(a).toContain('MT-0 drug seizures');
    expect(b).toContain('Casos policiales por delitos asociados a drogas');
    expect(b).not.toContain('MT-0 drug seizures');
    // Changing one leaves the other as it was.
    await page.evaluate(() => document.querySelector('#a')?.setAttribute('lang', 'es'));
    await page.waitForFunction(() =>
      document.querySelector('#a')?.shadowRoot?.textContent?.includes('Incautaciones'),
    );
    expect(await shadowText(page, '#b')).toBe(b);
    expect(seen.errors).toEqual([]);
    await page.screenshot({ path: `${RESULTS}/two-widgets.png`, fullPage: true });
    await page.close();
  }, 30000);
});

describe('layout stability', () => {
  let phone: BrowserContext;
  beforeAll(async () => {
    phone = await launch({ width: 375, height: 800 });
  });
  afterAll(async () => {
    await phone?.close();
  });
  // The bound: CLS ≤ 0.01 from first paint through the data and the release of the reserved height.
  for (const width of [375, 720]) {
    for (const view of ['stat', 'series', 'compare', 'statement', 'table']) {
      it(`${view} at ${width} px: CLS ≤ 0.01 while it loads and draws`, async () => {
        const page = await (width === 375 ? phone : env.ctx).newPage();
        await page.addInitScript(() => {
          (window as unknown as { cls: number }).cls = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
              if (!e.hadRecentInput) (window as unknown as { cls: number }).cls += e.value;
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        // The script snippet as the gallery gives it (with its reserved height), content after it.
        const p = { view: view as ViewName, geo: 'CL', lang: 'es', theme: 'auto' } as const;
        const snippet = embedCodes(env.kit.origin, p, view).script.replace(/<script[^>]*><\/script>\n/, '');
        await page.goto(env.host.page(`/cls-${view}.html`, shell(snippet)));
        await settled(page);
        await page.waitForFunction(() =>
          /v\d/.test(
            document.querySelector('mt0-widget')?.shadowRoot?.querySelector('.ver')?.textContent ?? '',
          ),
        );
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThanOrEqual(
          0.01,
        );
        await page.close();
      }, 30000);
    }
  }
});
