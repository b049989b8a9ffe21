import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fractionWord,
  intervalFor,
  isApproximate,
  QUALIFIER_POLICY_VERSION,
  QUALIFIER_RULES,
  qualifierSchema,
  roundedPercent,
  roundingHalfUnit,
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

  it('reads "more than 40" and "at least 40" as [40, ∞): no invented ceiling; "less than 10" as [9, 10]', () => {
    expect(intervalFor(40, 'more_than')).toEqual({ value: 40, low: 40, high: Infinity });
    expect(intervalFor(156259, 'at_least')).toEqual({ value: 156259, low: 156259, high: Infinity });
    expect(intervalFor(10, 'less_than')).toEqual({ value: 10, low: 9, high: 10 });
    expect(intervalFor(10, 'at_most').high).toBe(10);
  });

  it('reads a fall of "more than 10 %" (−10) as open away from zero: (−∞, −10]', () => {
    expect(intervalFor(-10, 'more_than')).toEqual({ value: -10, low: -Infinity, high: -10 });
  });

  it('widens a rounded percent by half a unit of its last written digit: 62 → [61.5, 62.5]', () => {
    expect(roundedPercent({ value: 62, low: 62, high: 62 })).toEqual({ value: 62, low: 61.5, high: 62.5 });
    // 18.3 ± 0.05 = [18.25, 18.35], free of binary noise.
    expect(roundedPercent({ value: 18.3, low: 18.3, high: 18.3 })).toEqual({
      value: 18.3,
      low: 18.25,
      high: 18.35,
    });
    // "about 62 %" ([55.8, 68.2]) already covers the rounding; an open end stays open.
    expect(roundedPercent(intervalFor(62, 'approximately'))).toEqual(intervalFor(62, 'approximately'));
    expect(roundedPercent(intervalFor(62, 'more_than'))).toEqual({ value: 62, low: 61.5, high: Infinity });
  });

  it("keeps a rounded percent's interval around its value for any written percent", () => {
    fc.assert(
      fc.property(fc.integer({ min: -9999, max: 99999 }), fc.integer({ min: 0, max: 3 }), (n, d) => {
        const p = n / 10 ** d;
        const i = roundedPercent({ value: p, low: p, high: p });
        const half = roundingHalfUnit(p);
        return (
          i.low < p &&
          p < i.high &&
          Math.abs(p - i.low - half) < 1e-9 * Math.max(1, Math.abs(p)) &&
          Math.abs(i.high - p - half) < 1e-9 * Math.max(1, Math.abs(p))
        );
      }),
      { numRuns: 300 },
    );
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
