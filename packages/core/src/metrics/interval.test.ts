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

  it('lift() returns undefined when a corner is not finite', () => {
    expect(lift((x) => 1 / x, { value: 1, low: 0, high: 2 })).toBeUndefined();
  });
});
