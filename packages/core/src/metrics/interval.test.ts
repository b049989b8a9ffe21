import { describe, expect, it } from 'vitest';
import { lift, toInterval } from './interval.js';

describe('toInterval', () => {
  it('toInterval() reads an exact number as a zero-width interval', () => {
    expect(toInterval(2681)).toEqual({ value: 2681, low: 2681, high: 2681 });
  });

  it('toInterval() copies a valid interval without keeping a reference to it', () => {
    const input = { value: 2681, low: 2412.9, high: 2681 };
    const out = toInterval(input);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['low above value', { value: 1, low: 2, high: 3 }],
    ['value above high', { value: 4, low: 2, high: 3 }],
    ['a NaN bound', { value: 1, low: Number.NaN, high: 3 }],
  ])('toInterval() returns undefined for %s', (_name, input) => {
    expect(toInterval(input)).toBeUndefined();
  });
});

describe('lift', () => {
  it('lift() takes min and max over the corners, so division by an interval base is bounded correctly', () => {
    // x / y with x ∈ [1, 2], y ∈ [4, 8]: corners 1/4, 1/8, 2/4, 2/8 → [0.125, 0.5]; value 1.5 / 6 = 0.25
    expect(lift((x, y) => x / y, { value: 1.5, low: 1, high: 2 }, { value: 6, low: 4, high: 8 })).toEqual({
      value: 0.25,
      low: 0.125,
      high: 0.5,
    });
  });

  it('lift() finds bounds where the direction flips with the sign of another input', () => {
    // x · y with x ∈ [−1, 2], y ∈ [3, 4]: corners −3, −4, 6, 8 → [−4, 8]; value 0.5 · 3.5 = 1.75
    expect(lift((x, y) => x * y, { value: 0.5, low: -1, high: 2 }, { value: 3.5, low: 3, high: 4 })).toEqual({
      value: 1.75,
      low: -4,
      high: 8,
    });
  });

  it('lift() gives an open end where a corner is infinite: 1/x over [0, 2] is [0.5, ∞)', () => {
    // 1/0 = Infinity (the quotient grows without bound as x falls to 0); 1/2 = 0.5.
    expect(lift((x) => 1 / x, { value: 1, low: 0, high: 2 })).toEqual({ value: 1, low: 0.5, high: Infinity });
  });

  it('lift() carries an open input end through monotone arithmetic: [40, ∞) × 2 is [80, ∞)', () => {
    expect(lift((x) => x * 2, { value: 40, low: 40, high: Infinity })).toEqual({
      value: 80,
      low: 80,
      high: Infinity,
    });
  });

  it('lift() returns undefined where the arithmetic has no answer: [40, ∞) − [50, ∞) meets ∞ − ∞', () => {
    const open = (x: number) => ({ value: x, low: x, high: Infinity });
    expect(lift((x, y) => y - x, open(40), open(50))).toBeUndefined();
  });

  it('lift() returns undefined when the value itself is not finite', () => {
    expect(lift((x) => 1 / x, { value: 0, low: 0, high: 2 })).toBeUndefined();
  });

  it("toInterval() reads a record's null end as open and refuses an infinite bound on the wrong side", () => {
    expect(toInterval({ value: 40, low: 40, high: null })).toEqual({ value: 40, low: 40, high: Infinity });
    expect(toInterval({ value: -10, low: null, high: -10 })?.low).toBe(-Infinity);
    expect(toInterval({ value: 40, low: Infinity, high: Infinity })).toBeUndefined();
    expect(toInterval({ value: Infinity, low: 40, high: Infinity })).toBeUndefined();
  });
});
