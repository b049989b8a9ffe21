import { describe, expect, it } from 'vitest';
import { compound } from './compound.js';

describe('compound', () => {
  it('compound() keeps an annual rate up for a number of years', () => {
    // 1.1² − 1 = 1.21 − 1 = 0.21 → +21 %
    expect(compound(10, 2)?.value).toBeCloseTo(21, 9);
    // 0.9³ − 1 = 0.729 − 1 = −0.271 → −27.1 %
    expect(compound(-10, 3)?.value).toBeCloseTo(-27.1, 9);
  });

  it('compound() turns +12.818 % a year over four years back into the +62 % in street-level sales', () => {
    // 1.1281809⁴ = 1.62 → +62 %
    expect(compound(12.818092792591806, 4)?.value).toBeCloseTo(62, 9);
  });

  it('compound() carries the interval of an uncertain rate bound to bound', () => {
    // [10, 20] over 2 years: 1.1² − 1 = 0.21, 1.2² − 1 = 0.44; value 1.15² − 1 = 0.3225
    expect(compound({ value: 15, low: 10, high: 20 }, 2)).toEqual({
      value: expect.closeTo(32.25, 9),
      low: expect.closeTo(21, 9),
      high: expect.closeTo(44, 9),
    });
  });

  it('compound() over zero years is no change', () => {
    expect(compound(12.8, 0)).toEqual({ value: 0, low: 0, high: 0 });
  });

  it.each([
    ['negative years', 10, -1],
    ['non-finite years', 10, Number.NaN],
    ['a rate below −100 %', -120, 2],
  ])('compound() returns undefined for %s', (_name, r, years) => {
    expect(compound(r, years)).toBeUndefined();
  });
});
