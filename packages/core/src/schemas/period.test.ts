import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod, periodWithin, yearsBetween } from './period.js';

describe('periods', () => {
  it('parse years, months and spans, and nothing else', () => {
    expect(parsePeriod('2020')).toEqual({ kind: 'year', year: 2020 });
    expect(parsePeriod('2020-03')).toEqual({ kind: 'month', year: 2020, month: 3 });
    expect(parsePeriod('2015/2019')?.kind).toBe('span');
    for (const bad of ['20', '2020-13', '2020/2020-03', '2019/2015', '2020-1', 'abcd', ''])
      expect(parsePeriod(bad), bad).toBeUndefined();
  });

  it('measure a change "from 2015 to 2019" as four years, and months as fractions of a year', () => {
    expect(yearsBetween('2015', '2019')).toBe(4);
    expect(yearsBetween('2020', '2021')).toBe(1);
    expect(yearsBetween('2020-01', '2020-07')).toBe(0.5);
  });

  it('sort earlier first, then shorter first', () => {
    expect(['2021', '2020-06', '2020', '2019/2021'].sort(comparePeriods)).toEqual([
      '2019/2021',
      '2020',
      '2020-06',
      '2021',
    ]);
  });

  it('test whether a period lies within bounds', () => {
    expect(periodWithin('2018', '2015', '2019')).toBe(true);
    expect(periodWithin('2020', '2015', '2019')).toBe(false);
    expect(periodWithin('2015/2019', '2015', '2019')).toBe(true);
    expect(periodWithin('2014', '2015')).toBe(false);
  });
});
