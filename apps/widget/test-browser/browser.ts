// A persistent Chromium context (axe needs a context page, TOOLCHAIN §6) and helpers that look inside
// <mt0-widget>'s shadow root.

import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ensureChromium } from './chromium.js';
import { type Host, type Kit, startHost, startKit } from './servers.js';

export const RESULTS = resolve(fileURLToPath(new URL('..', import.meta.url)), 'test-results');
mkdirSync(RESULTS, { recursive: true });

export async function launch(
  options: { width?: number; height?: number; dark?: boolean; touch?: boolean; javaScript?: boolean } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'mt0-chromium-')), {
    executablePath: ensureChromium(),
    headless: true,
    viewport: { width: options.width ?? 720, height: options.height ?? 900 },
    colorScheme: options.dark ? 'dark' : 'light',
    hasTouch: options.touch ?? false,
    javaScriptEnabled: options.javaScript ?? true,
    locale: 'es-CL',
    timezoneId: 'UTC',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--font-render-hinting=none',
    ],
  });
}

/** Collects page errors and console warnings, so tests can assert that nothing escaped. */
export function watch(page: Page) {
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  return { errors, warnings };
}

/** Waits until the widget at `selector` shows a figure, a table or a problem (not the loading state). */
export async function settled(page: Page, selector = 'mt0-widget') {
  await page.waitForFunction(
    (sel) => {
      const root = document.querySelector(sel)?.shadowRoot;
      return (
        !!root?.querySelector('figure, .tableview, .problem') &&
        !root.querySelector('[role=status]:not(.problem):not(.tip)')
      );
    },
    selector,
    { timeout: 15000 },
  );
}

/** The widget's visible text (its shadow root's innerText: rendered text, not hidden nodes' text). */
export const shadowText = (page: Page, selector = 'mt0-widget') =>
  page.evaluate((sel) => {
    const root = document.querySelector(sel)?.shadowRoot?.querySelector('.mt0') as HTMLElement | null;
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what a reader sees
    return root?.innerText ?? '';
  }, selector);

/** The WCAG 2.2 AA rule sets (axe-core tags); Lighthouse 12 also runs the experimental 2.5.3 rule. */
export const WCAG22AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's violations on the page under WCAG 2.2 AA (`target-size` among them), plus
 * `label-content-name-mismatch` (WCAG 2.5.3, experimental: it runs only when named); `exclude` leaves
 * out elements (and the documents inside them).
 */
export async function axe(page: Page, exclude?: string) {
  const run = async (b: AxeBuilder) => (await (exclude ? b.exclude(exclude) : b).analyze()).violations;
  const tagged = await run(new AxeBuilder({ page }).withTags(WCAG22AA));
  const named = await run(new AxeBuilder({ page }).withRules(['label-content-name-mismatch']));
  return [...tagged, ...named].map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Presses Tab until the deep active element matches `match` (in the shadow root or the page); the count, or -1. */
export async function tabTo(page: Page, match: string, max = 40): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((m) => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return !!el?.matches(m);
    }, match);
    if (hit) return i;
  }
  return -1;
}

/**
 * The kit server, a host-page server and a browser for one test file, started before its tests and
 * stopped after them. The fields are set once `beforeAll` has run.
 */
export function useKit(options: Parameters<typeof launch>[0] = {}): {
  kit: Kit;
  host: Host;
  ctx: BrowserContext;
} {
  const env = {} as { kit: Kit; host: Host; ctx: BrowserContext };
  beforeAll(async () => {
    env.kit = await startKit();
    env.host = await startHost();
    env.ctx = await launch(options);
  }, 30000);
  afterAll(async () => {
    await env.ctx?.close();
    await env.host?.stop();
    await env.kit?.stop();
  });
  return env;
}
