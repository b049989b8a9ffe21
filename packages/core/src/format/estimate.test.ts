import { describe, expect, it } from 'vitest';
import { intervalFor } from '../qualifiers/policy.js';
import { formatEstimate, formatShare } from './estimate.js';

const nearly2681 = intervalFor(2681, 'nearly'); // [2412.9, 2681]
const hotline = { value: 2681 / 3, low: 804.3, high: 983.0333333333334 }; // ≈ ⅓ of 2,681

describe('formatEstimate', () => {
  it('formatEstimate() prints "nearly the same number" of 2021 arrests as "casi 2.681" / "nearly 2,681"', () => {
    expect(formatEstimate(nearly2681, 'nearly', 'es')).toBe('casi 2.681');
    expect(formatEstimate(nearly2681, 'nearly', 'en')).toBe('nearly 2,681');
  });

  it('formatEstimate() prints each qualifier with its words in both languages', () => {
    expect(formatEstimate(hotline, 'approximately', 'es')).toBe('cerca de 894');
    expect(formatEstimate(hotline, 'approximately', 'en')).toBe('about 894');
    expect(formatEstimate(40, 'more_than', 'es')).toBe('más de 40');
    expect(formatEstimate(40, 'more_than', 'en')).toBe('more than 40');
    expect(formatEstimate(40, 'at_least', 'es')).toBe('al menos 40');
    expect(formatEstimate(40, 'less_than', 'en')).toBe('less than 40');
    expect(formatEstimate(40, 'at_most', 'es')).toBe('a lo más 40');
    expect(formatEstimate(2681, 'exact', 'es')).toBe('2.681');
  });

  it('formatEstimate() prints a derived interval as a range with an en dash', () => {
    expect(formatEstimate(hotline, 'range', 'es')).toBe('804–983');
    expect(formatEstimate(nearly2681, 'range', 'es')).toBe('2.413–2.681');
    expect(formatEstimate(nearly2681, 'range', 'en')).toBe('2,413–2,681');
    expect(formatEstimate(2681, 'range', 'en')).toBe('2,681');
  });

  it('formatEstimate() spaces the dash out when a bound is negative', () => {
    // a change of −10 % to 0 %
    expect(formatEstimate({ value: 0, low: -10, high: 0 }, 'range', 'en', '%')).toBe('−10% – 0%');
  });

  it('formatEstimate() adds a unit, and prints "%" as a percent', () => {
    expect(formatEstimate(hotline, 'range', 'es', 'detenciones')).toBe('804–983 detenciones');
    expect(formatEstimate(nearly2681, 'nearly', 'en', 'arrests')).toBe('nearly 2,681 arrests');
    expect(formatEstimate(intervalFor(62, 'approximately'), 'approximately', 'es', '%')).toBe('cerca de 62%');
    expect(formatEstimate(intervalFor(62, 'approximately'), 'range', 'en', '%')).toBe('55.8%–68.2%');
  });

  it('formatEstimate() prints a dash for an invalid estimate', () => {
    expect(formatEstimate({ value: 1, low: 2, high: 3 }, 'exact', 'en')).toBe('—');
  });
});

describe('formatShare', () => {
  it('formatShare() prints the hotline\'s "roughly a third" as "≈ ⅓"', () => {
    const third = intervalFor(1 / 3, 'approximately');
    expect(formatShare(third, 'approximately', 'es')).toBe('≈ ⅓');
    expect(formatShare(third, 'approximately', 'en')).toBe('≈ ⅓');
  });

  it("formatShare() keeps other qualifiers' words in front of a named fraction", () => {
    expect(formatShare(0.5, 'nearly', 'es')).toBe('casi ½');
    expect(formatShare(0.25, 'more_than', 'en')).toBe('more than ¼');
  });

  it('formatShare() prints other shares, and exact fractions, as percents', () => {
    expect(formatShare(1 / 3, 'exact', 'es')).toBe('33,3%');
    expect(formatShare(0.4, 'more_than', 'en')).toBe('more than 40%');
    expect(formatShare(intervalFor(1 / 3, 'approximately'), 'range', 'es')).toBe('30%–36,7%');
  });
});
