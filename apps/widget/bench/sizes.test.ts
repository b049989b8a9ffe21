// The size budgets of issue 4, checked on the built files (deterministic: gzip -9 of fixed bytes).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUDGETS, sizes } from './sizes-lib.js';

const all = sizes(fileURLToPath(new URL('../dist', import.meta.url)));

describe('size budgets (gzip -9)', () => {
  for (const s of all) {
    const budget = s.budget;
    if (budget === undefined) {
      it(`${s.name} is built, apart from mt0.js`, () => expect(s.bytes).toBeGreaterThan(0));
      continue;
    }
    it(`${s.name} ≤ ${budget} B`, () => {
      expect(s.bytes).toBeGreaterThan(0);
      expect(s.bytes).toBeLessThanOrEqual(budget);
    });
  }

  /** `code` imports `chunk` (a file beside it) dynamically, never statically. */
  const lazily = (code: string, chunk: string | undefined) => {
    expect(chunk).toBeDefined();
    const name = chunk?.replace('.', '\\.');
    expect(code).toMatch(new RegExp(`import\\(["'\`]\\./${name}["'\`]\\)`));
    expect(code).not.toMatch(new RegExp(`from\\s*["'\`]\\./${name}`));
  };

  it('keeps the offline snapshot, the data checker and values on demand out of mt0.js (lazy chunks beside it)', () => {
    const dir = fileURLToPath(new URL('../dist/public/widget/', import.meta.url));
    const code = readFileSync(`${dir}mt0.js`, 'utf8');
    for (const kind of ['snapshot', 'check', 'tip'])
      lazily(
        code,
        readdirSync(dir).find((f) => f.startsWith(`mt0-${kind}-`)),
      );
    expect(code).not.toContain('"ui":{"es"');
  });

  it('loads values on demand on the series embed page lazily too', () => {
    const dir = fileURLToPath(new URL('../dist/public/embed-assets/', import.meta.url));
    // The embed page's entry is content-hashed (series.<hash>.js); its lazy chunk keeps Vite's name.
    const entry = readdirSync(dir).find((f) => /^series\.[0-9a-f]+\.js$/.test(f));
    expect(entry).toBeDefined();
    lazily(
      readFileSync(`${dir}${entry}`, 'utf8'),
      readdirSync(dir).find((f) => f.startsWith('tip-') && f.endsWith('.js')),
    );
  });

  it('uses the budgets of the issue', () => {
    expect(BUDGETS).toEqual({
      element: 25 * 1024,
      resize: 1024,
      embedPage: 18 * 1024,
      builder: 16 * 1024,
      rasteriser: 1024 * 1024,
    });
  });
});
