// Issue 8 in a real browser: embeds inside cross-origin-isolated host pages (COEP require-corp and
// credentialless), the embed codes' SRI pins (and a tampered hash refused), and resize.js acting only
// for the kit's own iframes. Each positive check sits beside a control that shows the browser enforces
// what is tested.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { embedCodes } from '../src/lib/embedCodes.js';
import { parseParams } from '../src/lib/params.js';
import { VIEWS } from '../src/lib/views.js';
import type { AssetManifest } from '../src/server/assets.js';
import { RESULTS, settled, shadowText, useKit, watch } from './browser.js';
import { SEIZURES } from './data.js';
import { DIST } from './servers.js';

const env = useKit({ width: 900, height: 900 });
const manifest = JSON.parse(readFileSync(join(DIST, 'assets.json'), 'utf8')) as AssetManifest;
const pinned = () => ({
  element: manifest.names['mt0.js'] as { path: string; integrity: string },
  resize: manifest.names['resize.js'] as { path: string; integrity: string },
});
const STAT = { view: 'stat', geo: 'CL', lang: 'es', theme: 'light' } as const;

/** The frame of `iframe#id` once it has loaded (an error page if the browser blocked it). */
async function frame(page: Page, id: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe#${id}`);
  const f = await handle.contentFrame();
  if (!f) throw new Error(`no frame ${id}`);
  await f.waitForLoadState('load');
  return f;
}

const shell = (title: string, body: string, head = '') => `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">${head}</head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

describe('cross-origin isolated hosts (COEP)', () => {
  for (const coep of ['require-corp', 'credentialless']) {
    it(`an embed page loads in a host page with COEP ${coep}; a page without COEP does not`, async () => {
      const page = await env.ctx.newPage();
      const url = env.host.page(
        `/coep-${coep}.html`,
        shell(
          'Aislada',
          `<iframe id="ours" src="${env.kit.origin}/embed/stat?lang=es" title="MT-0" width="100%" height="300"></iframe>
<iframe id="control" src="${env.kit.origin}/docs" title="control" width="100%" height="100"></iframe>`,
        ),
        { 'cross-origin-embedder-policy': coep, 'cross-origin-opener-policy': 'same-origin' },
      );
      await page.goto(url);
      expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
      const ours = await frame(page, 'ours');
      expect(ours.url()).toBe(`${env.kit.origin}/embed/stat?lang=es`);
      // Server-rendered and hydrated: the page's own script ran inside the isolated host.
      await ours.waitForSelector('#mt0-root .big');
      expect(await ours.locator('.big').first().textContent()).toContain(`+${SEIZURES}%`);
      await ours.waitForFunction(() => document.documentElement.classList.contains('not-embedded'));
      // Control: the docs page sends no COEP, so the browser refuses to show it here.
      const control = await frame(page, 'control');
      expect(control.url()).toMatch(/^chrome-error:/);
      await page.screenshot({ path: `${RESULTS}/coep-${coep}.png`, fullPage: true });
      await page.close();
    }, 30000);
  }

  for (const coep of ['require-corp', 'credentialless']) {
    it(`the script embed works in a COEP ${coep} host, with its SRI pin`, async () => {
      const page = await env.ctx.newPage();
      const seen = watch(page);
      const code = embedCodes(env.kit.origin, STAT, 'MT-0', pinned()).script;
      await page.goto(
        env.host.page(`/coep-script-${coep}.html`, shell('Aislada', code), {
          'cross-origin-embedder-policy': coep,
          'cross-origin-opener-policy': 'same-origin',
        }),
      );
      expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
      await settled(page);
      expect(await shadowText(page)).toContain(`+${SEIZURES}%`);
      // Live data, not the bundled snapshot (whose footer adds "(copia incluida; la API no respondió)").
      expect(await shadowText(page)).not.toContain('copia incluida');
      expect(seen.errors).toEqual([]);
      await page.close();
    }, 30000);
  }
});

describe("each view's code, loaded lazily from the kit", () => {
  for (const coep of ['require-corp', 'credentialless']) {
    it(`draws every view in a COEP ${coep} host whose CSP allows scripts from the kit only`, async () => {
      const page = await env.ctx.newPage();
      const seen = watch(page);
      const chunks: string[] = [];
      page.on('requestfinished', (r) => {
        if (r.url().includes('/widget/mt0-view-')) chunks.push(r.url());
      });
      const codes = VIEWS.map((view) => {
        const parsed = parseParams({ view, lang: 'es', theme: 'light' }, view);
        if (!parsed.ok) throw new Error(parsed.errors.join('; '));
        return embedCodes(env.kit.origin, parsed.params, 'MT-0', pinned()).script;
      });
      // Scripts and data from the kit only; style attributes allowed (the embed code's inline min-height).
      const csp = `default-src 'self'; script-src ${env.kit.origin}; connect-src ${env.kit.origin}; style-src 'self' 'unsafe-inline'; img-src 'self' data:`;
      await page.goto(
        env.host.page(`/lazy-${coep}.html`, shell('Vistas', codes.join('\n')), {
          'cross-origin-embedder-policy': coep,
          'cross-origin-opener-policy': 'same-origin',
          'content-security-policy': csp,
        }),
      );
      expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
      for (const view of VIEWS) {
        await settled(page, `mt0-widget[view=${view}]`);
        // Drawn by the view's own island: its frame carries the view's class, and no error is shown.
        const drawn = await page.evaluate(
          (v) =>
            !!document
              .querySelector(`mt0-widget[view=${v}]`)
              ?.shadowRoot?.querySelector(`.view-${v}:not(:has(.problem))`),
          view,
        );
        expect(drawn, view).toBe(true);
      }
      // One chunk per view, each from the kit's origin (relative to mt0.js, not to the host page).
      expect(chunks.map((u) => /mt0-view-(\w+)-/.exec(u)?.[1]).sort()).toEqual([...VIEWS].sort());
      for (const u of chunks) expect(new URL(u).origin).toBe(env.kit.origin);
      expect(seen.errors).toEqual([]);
      await page.close();
    }, 30000);
  }

  it('a host CSP that allows mt0.js but not its chunks: the browser blocks them, the reader gets the small error, not a blank', async () => {
    // Control for the test above: the browser does enforce the page's CSP on the chunks mt0.js imports.
    const page = await env.ctx.newPage();
    const seen = watch(page);
    const code = embedCodes(env.kit.origin, STAT, 'MT-0', pinned()).script;
    const only = `${env.kit.origin}${pinned().element.path}`;
    await page.goto(
      env.host.page('/lazy-csp-chunks.html', shell('Nota', code), {
        'content-security-policy': `default-src 'self'; script-src ${only}; connect-src ${env.kit.origin}`,
      }),
    );
    await settled(page);
    expect(await shadowText(page)).toBe('No se pudo mostrar este gráfico.');
    expect(seen.errors.some((e) => /Content Security Policy/i.test(e))).toBe(true);
    expect(seen.warnings.some((w) => w.includes("the stat view's code could not be loaded"))).toBe(true);
    await page.close();
  }, 30000);
});

describe('SRI', () => {
  it('the gallery publishes the pinned mt0.js with its integrity, and that code works on a host page', async () => {
    const gallery = await (await fetch(`${env.kit.origin}/`)).text();
    const mt0 = pinned().element;
    expect(gallery).toContain(`integrity=&quot;${mt0.integrity}&quot;`);
    const page = await env.ctx.newPage();
    const seen = watch(page);
    await page.goto(
      env.host.page('/sri.html', shell('Nota', embedCodes(env.kit.origin, STAT, 'MT-0', pinned()).script)),
    );
    await settled(page);
    expect(await shadowText(page)).toContain(`+${SEIZURES}%`);
    expect(seen.errors).toEqual([]);
    await page.close();
  }, 30000);

  it('a script whose bytes do not match the published hash is refused by the browser', async () => {
    const page = await env.ctx.newPage();
    const seen = watch(page);
    const wrong = { ...pinned().element, integrity: `sha384-${'A'.repeat(64)}` };
    const code = embedCodes(env.kit.origin, STAT, 'MT-0', { ...pinned(), element: wrong }).script;
    await page.goto(env.host.page('/sri-bad.html', shell('Nota', code)));
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => customElements.get('mt0-widget') === undefined)).toBe(true);
    expect(seen.errors.some((e) => /integrity/i.test(e))).toBe(true);
    await page.close();
  }, 30000);
});

describe('resize.js', () => {
  it("resizes the kit's own iframe and ignores other iframes posting its message about themselves", async () => {
    const page = await env.ctx.newPage();
    // The forgers keep posting, so that their messages reach resize.js after it is listening.
    const forge =
      "<script>setInterval(() => parent.postMessage({ mt0: 'resize', height: 19999 }, '*'), 50)</script>";
    env.host.page('/third-party.html', `<!doctype html><title>3p</title>${forge}`);
    const iframe = embedCodes(
      env.kit.origin,
      { ...STAT, view: 'statement' },
      'MT-0',
      pinned(),
    ).iframe.replace('<iframe ', '<iframe id="ours" ');
    await page.goto(
      env.host.page(
        '/resize-guard.html',
        shell(
          'Nota',
          `<iframe id="third" src="/third-party.html" title="3p" height="100"></iframe>
<iframe id="data" src="data:text/html,${encodeURIComponent(forge)}" title="data" height="100"></iframe>
<iframe id="srcdoc" srcdoc="${forge.replace(/"/g, '&quot;')}" title="srcdoc" height="100"></iframe>
${iframe.replace('height="560"', 'height="150"')}`,
        ),
      ),
    );
    const ours = await frame(page, 'ours');
    await ours.waitForSelector('#mt0-root');
    const height = (id: string) =>
      page.evaluate((i) => document.getElementById(i)?.getBoundingClientRect().height ?? 0, id);
    // Ours follows its content (taller than the 150 px it started with).
    await page.waitForFunction(
      () => (document.getElementById('ours')?.getBoundingClientRect().height ?? 0) > 150,
    );
    const content = await ours.evaluate(() => document.body.getBoundingClientRect().height);
    // resize.js is listening now (it sized ours); give the forgers a few more rounds.
    await page.waitForTimeout(300);
    expect(Math.abs((await height('ours')) - content)).toBeLessThanOrEqual(2);
    // The others asked for 19,999 px about themselves (once loaded) and kept their height attribute.
    for (const id of ['third', 'data', 'srcdoc']) {
      await frame(page, id);
      const style = await page.evaluate((i) => (document.getElementById(i) as HTMLElement).style.height, id);
      expect([style, await height(id)], id).toEqual(['', await height('third')]);
    }
    expect(await height('third')).toBeLessThan(200);
    await page.close();
  }, 30000);
});
