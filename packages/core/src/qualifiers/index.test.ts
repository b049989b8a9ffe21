import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fractionWord,
  intervalFor,
  isApproximate,
  QUALIFIER_POLICY_VERSION,
  QUALIFIER_RULES,
  qualifierSchema,
} from './index.js';

describe('the qualifier policy', () => {
  it('has a version and one documented rule per qualifier', () => {
    expect(QUALIFIER_POLICY_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(QUALIFIER_RULES.map((r) => r.qualifier).sort()).toEqual([...qualifierSchema.options].sort());
    for (const r of QUALIFIER_RULES) {
      expect(r.why.length).toBeGreaterThan(20);
      expect(r.interval).toMatch(/X/);
    }
  });

  it('keeps an exact value exact: 2,681 arrests → [2681, 2681]', () => {
    expect(intervalFor(2681, 'exact')).toEqual({ value: 2681, low: 2681, high: 2681 });
  });

  it('reads "nearly X" as [0.9·X, X]: nearly 2,681 → [2412.9, 2681]', () => {
    // 0.9 × 2681 = 2412.9
    const i = intervalFor(2681, 'nearly');
    expect(i.low).toBeCloseTo(2412.9, 9);
    expect(i.high).toBe(2681);
  });

  it('reads "roughly a third" as [0.3, 0.3667]', () => {
    // (1/3) × 0.9 = 0.3; (1/3) × 1.1 = 0.36666…
    const i = intervalFor(1 / 3, 'approximately');
    expect(i.low).toBeCloseTo(0.3, 12);
    expect(i.high).toBeCloseTo(0.366667, 6);
  });

  it('reads "more than 40" as [40, 44] and "less than 10" as [9, 10]', () => {
    const more = intervalFor(40, 'more_than'); // [40, 40 × 1.1 = 44]
    expect(more.low).toBe(40);
    expect(more.high).toBeCloseTo(44, 9);
    expect(intervalFor(40, 'at_least').low).toBe(40);
    expect(intervalFor(10, 'less_than')).toEqual({ value: 10, low: 9, high: 10 });
    expect(intervalFor(10, 'at_most').high).toBe(10);
  });

  it('keeps the bounds ordered for negative values (a fall of nearly 10 %)', () => {
    const i = intervalFor(-10, 'nearly');
    expect(i.low).toBeLessThanOrEqual(i.high);
    expect([i.low, i.high]).toEqual([-10, -9]);
  });

  it('always gives low ≤ value ≤ high', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.constantFrom(...qualifierSchema.options),
        (x, q) => {
          const i = intervalFor(x, q);
          return i.low <= i.value + 1e-9 * Math.abs(x) && i.value <= i.high + 1e-9 * Math.abs(x);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('marks every qualifier but exact as approximate', () => {
    expect(isApproximate('exact')).toBe(false);
    expect(isApproximate('nearly')).toBe(true);
  });

  it('names the fraction a third, and no fraction for 0.3', () => {
    expect(fractionWord(1 / 3)?.symbol).toBe('⅓');
    expect(fractionWord(0.3)).toBeUndefined();
  });
});
