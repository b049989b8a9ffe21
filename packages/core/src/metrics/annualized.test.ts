import { describe, expect, it } from 'vitest';
import { yearsBetween } from '../periods/index.js';
import { intervalFor } from '../qualifiers/policy.js';
import { annualized } from './annualized.js';

describe('annualized', () => {
  it('annualized() turns +62 % in street-level sales 2015→2019 into about +12.82 % a year', () => {
    // years = 2019 − 2015 = 4; (1.62)^(1/4) = √√1.62 = √1.2727922 = 1.1281809… → +12.81809 %
    const years = yearsBetween('2015', '2019') ?? Number.NaN;
    expect(years).toBe(4);
    const r = annualized(62, years);
    expect(r?.value).toBeCloseTo(12.8181, 4);
    expect(r?.low).toBe(r?.value);
    expect(r?.high).toBe(r?.value);
  });

  it('annualized() turns +18 % in convictions 2015→2019 into about +4.22 % a year', () => {
    // (1.18)^(1/4) = √√1.18 = √1.0862780 = 1.0422466… → +4.22466 %
    expect(annualized(18, 4)?.value).toBeCloseTo(4.2247, 4);
  });

  it('annualized() leaves a one-year change as it is: +150 % in seizures and +207 % in cannabis, 2020→2021', () => {
    // years = 1; (1 + p/100)^1 − 1 = p/100
    expect(annualized(150, 1)).toEqual({ value: 150, low: 150, high: 150 });
    expect(annualized(207, 1)?.value).toBeCloseTo(207, 9);
  });

  it('annualized() carries the interval of an approximate change', () => {
    // "about 62 %" → [55.8, 68.2]; (1.558)^(1/4) − 1 = 0.117228…; (1.682)^(1/4) − 1 = 0.138824…
    const r = annualized(intervalFor(62, 'approximately'), 4);
    expect(r).toEqual({
      value: expect.closeTo(12.8181, 4),
      low: expect.closeTo(11.7228, 4),
      high: expect.closeTo(13.8824, 4),
    });
  });

  it('annualized() keeps a fall a fall', () => {
    // −19 % over 2 years: (0.81)^(1/2) − 1 = 0.9 − 1 = −0.1 → −10 % a year
    expect(annualized(-19, 2)?.value).toBeCloseTo(-10, 9);
    // −100 % over any span is −100 % a year: 0^(1/y) − 1 = −1
    expect(annualized(-100, 3)?.value).toBe(-100);
  });

  it.each([
    ['zero years', 62, 0],
    ['negative years', 62, -4],
    ['non-finite years', 62, Number.POSITIVE_INFINITY],
    ['a fall beyond −100 %', -150, 2],
    ['an interval reaching below −100 %', { value: -95, low: -104.5, high: -85.5 }, 2],
    ['a non-finite change', Number.NaN, 2],
  ])('annualized() returns undefined for %s', (_name, p, years) => {
    expect(annualized(p, years)).toBeUndefined();
  });
});
