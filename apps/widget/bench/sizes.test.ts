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

  it('keeps the offline snapshot out of mt0.js (a lazily imported chunk beside it)', () => {
    const dir = fileURLToPath(new URL('../dist/public/widget/', import.meta.url));
    const code = readFileSync(`${dir}mt0.js`, 'utf8');
    const chunk = readdirSync(dir).find((f) => f.startsWith('mt0-snapshot-'));
    expect(chunk).toBeDefined();
    expect(code).toMatch(new RegExp(`import\\(["'\`]\\./${chunk?.replace('.', '\\.')}["'\`]\\)`));
    expect(code).not.toContain('"ui":{"es"');
  });

  it('uses the budgets of the issue', () => {
    expect(BUDGETS).toEqual({ element: 24 * 1024, resize: 1024, embedPage: 18 * 1024 });
  });
});
