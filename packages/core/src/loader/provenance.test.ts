import { describe, expect, it } from 'vitest';
import { quoteHasNumber } from './provenance.js';

describe('quoteHasNumber()', () => {
  it('finds a number as written in English and in Spanish', () => {
    expect(quoteHasNumber('reportedly delivering 2,681 arrests in 2020', 2681, 'en')).toBe(true);
    expect(quoteHasNumber('una población base de 18.419.192 habitantes', 18419192, 'es')).toBe(true);
    expect(quoteHasNumber('pasando de un 12,7% en 2018 a un 11,4% en 2020.', 12.7, 'es')).toBe(true);
  });

  it('finds a change written as "150 percent" or "62%"', () => {
    expect(quoteHasNumber('led to a 150 percent increase in narcotics seizures', 150, 'en')).toBe(true);
    expect(quoteHasNumber('incautaciones de drogas aumentaron un 62%', 62, 'es')).toBe(true);
  });

  it('finds a fraction written in words', () => {
    expect(quoteHasNumber('accounts for roughly a third of all MT-0 arrests', 1 / 3, 'en')).toBe(true);
  });

  it('does not take part of a longer number for the number', () => {
    expect(quoteHasNumber('delivering 2,6810 arrests', 2681, 'en')).toBe(false);
    expect(quoteHasNumber('a 1500 percent increase', 150, 'en')).toBe(false);
    expect(quoteHasNumber('12.7%', 12.7, 'es')).toBe(false); // Spanish writes 12,7
  });

  it('accepts a sentence-ending full stop after the number', () => {
    expect(quoteHasNumber('en 2016 la cifra aumentó a 3.340.', 3340, 'es')).toBe(true);
  });

  it('reports a typo: the quote says 2,681 but the value is 2,618', () => {
    expect(quoteHasNumber('reportedly delivering 2,681 arrests in 2020', 2618, 'en')).toBe(false);
  });
});
