import { describe, expect, it } from 'vitest';
import { formatChangeSpan, formatPeriod } from './period.js';

describe('formatPeriod', () => {
  it.each([
    ['2020', '2020', '2020'],
    ['2020-03', 'marzo de 2020', 'March 2020'],
    ['2015/2019', '2015–2019', '2015–2019'],
    ['2020-03/2020-06', 'marzo–junio de 2020', 'March–June 2020'],
    ['2020-11/2021-02', 'noviembre de 2020–febrero de 2021', 'November 2020–February 2021'],
  ])('formatPeriod(%s) prints "%s" in es-CL and "%s" in en', (period, es, en) => {
    expect(formatPeriod(period, 'es')).toBe(es);
    expect(formatPeriod(period, 'en')).toBe(en);
  });

  it('formatPeriod() returns a string that is not a period unchanged', () => {
    expect(formatPeriod('sometime', 'es')).toBe('sometime');
  });
});

describe('formatChangeSpan', () => {
  it('formatChangeSpan() joins the ends of a change with an arrow', () => {
    expect(formatChangeSpan('2020', '2021', 'es')).toBe('2020→2021');
    expect(formatChangeSpan('2015', '2019', 'en')).toBe('2015→2019');
    expect(formatChangeSpan('2020-03', '2021-03', 'es')).toBe('marzo de 2020→marzo de 2021');
    expect(formatChangeSpan('2020-03', '2021-03', 'en')).toBe('March 2020→March 2021');
  });
});
