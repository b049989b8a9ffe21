// The gallery (GET /) as a graphics editor meets it: axe-core with 0 violations, no horizontal overflow
// on a 375 px phone, a copy button that copies its snippet (or selects it where the clipboard is not
// available), light and dark screenshots. axe checks the gallery's own document: the embed pages in its
// preview iframes are documents of their own, each with its <h1> and <main>, checked by views.test.ts
// (inside the gallery, axe would read their headings and landmarks as the gallery's).
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launch, RESULTS, watch } from './browser.js';
import { type Kit, startKit } from './servers.js';

let kit: Kit;
let phone: BrowserContext;
let desk: BrowserContext;

beforeAll(async () => {
  kit = await startKit();
  phone = await launch({ width: 375, height: 800 });
  desk = await launch({ width: 1280, height: 900, dark: true });
  await phone.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: kit.origin });
}, 30000);
afterAll(async () => {
  await phone?.close();
  await desk?.close();
  await kit?.stop();
});

describe('gallery', () => {
  it('is styled, passes axe and does not overflow a 375 px phone', async () => {
    const p = await phone.newPage();
    const seen = watch(p);
    await p.goto(`${kit.origin}/`);
    await p.waitForLoadState('networkidle');
    // Styled by its stylesheet (system font stack, not the browser's default serif).
    expect(await p.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('system-ui');
    const overflow = await p.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      wide: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .filter((e) => !e.closest('pre'))
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
        .slice(0, 5),
    }));
    expect(overflow.wide).toEqual([]);
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
    expect(await axe(p, '.preview iframe')).toEqual([]);
    await p.screenshot({ path: `${RESULTS}/gallery-375.png` });
    await p.locator('#compare-es').screenshot({ path: `${RESULTS}/gallery-375-card.png` });
    expect(seen.errors).toEqual([]);
    await p.close();
  }, 60000);

  it('copies a snippet with its button (or selects it where the clipboard is unavailable)', async () => {
    const p = await phone.newPage();
    await p.goto(`${kit.origin}/`);
    const id = 'series-en-script';
    const snippet = await p.locator(`#${id}`).textContent();
    expect(snippet).toContain('<mt0-widget view="series" lang="en"');
    await p.locator(`button[data-copy="${id}"]`).click();
    await expect.poll(() => p.locator(`button[data-copy="${id}"]`).textContent()).not.toBe('Copy');
    const got = await p.evaluate(async () => {
      const selected = getSelection()?.toString() ?? '';
      try {
        return { clip: await navigator.clipboard.readText(), selected };
      } catch {
        return { clip: '', selected };
      }
    });
    expect([got.clip, got.selected]).toContain(snippet);
    await p.close();
  }, 30000);

  it('follows prefers-color-scheme: dark, two columns on a desktop', async () => {
    const p = await desk.newPage();
    const seen = watch(p);
    await p.goto(`${kit.origin}/`);
    await p.waitForLoadState('networkidle');
    const bg = await p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(15, 17, 20)');
    expect(await axe(p, '.preview iframe')).toEqual([]);
    await p.screenshot({ path: `${RESULTS}/gallery-desktop-dark.png` });
    expect(seen.errors).toEqual([]);
    await p.close();
  }, 60000);
});
