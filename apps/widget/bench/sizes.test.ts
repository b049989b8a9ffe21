// The size budgets of issue 4, checked on the built files (deterministic: gzip -9 of fixed bytes).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUDGETS, sizes } from './sizes-lib.js';

const all = sizes(fileURLToPath(new URL('../dist', import.meta.url)));

describe('size budgets (gzip -9)', () => {
  for (const s of all) {
    it(`${s.name} ≤ ${s.budget} B`, () => {
      expect(s.bytes).toBeGreaterThan(0);
      expect(s.bytes).toBeLessThanOrEqual(s.budget);
    });
  }

  it('uses the budgets of the issue', () => {
    expect(BUDGETS).toEqual({ element: 24 * 1024, resize: 1024, embedPage: 18 * 1024 });
  });
});
