import { describe, expect, it } from 'vitest';
import { intervalFor } from '../qualifiers/policy.js';
import { ratePer100k } from './ratePer100k.js';

describe('ratePer100k', () => {
  it('ratePer100k() gives 2,681 arrests in 2020 as about 13.78 per 100,000 inhabitants', () => {
    // INE projection 2020: 19,458,310. 2681 / 19458310 × 100000 = 13.77817…
    expect(ratePer100k(2681, 19_458_310)?.value).toBeCloseTo(13.77817, 5);
  });

  it('ratePer100k() carries the interval of "nearly the same number" of arrests in 2021', () => {
    // INE 2021: 19,678,363. 2412.9 / 19678363 × 1e5 = 12.26169…; 2681 / 19678363 × 1e5 = 13.62410…
    expect(ratePer100k(intervalFor(2681, 'nearly'), 19_678_363)).toEqual({
      value: expect.closeTo(13.6241, 4),
      low: expect.closeTo(12.26169, 5),
      high: expect.closeTo(13.6241, 4),
    });
  });

  it.each([
    ['a zero population', 0],
    ['a negative population', -1],
    ['a non-finite population', Number.NaN],
  ])('ratePer100k() returns undefined for %s', (_name, population) => {
    expect(ratePer100k(10, population)).toBeUndefined();
  });
});
