import { describe, expect, it } from 'vitest';
import { numberSpellings } from './words.js';

describe('numberSpellings', () => {
  it('numberSpellings() spells 2,681 arrests grouped and plain in each language', () => {
    expect(numberSpellings(2681, 'en')).toEqual(['2,681', '2681']);
    expect(numberSpellings(2681, 'es')).toEqual(['2.681', '2681']);
  });

  it('numberSpellings() gives a number below a thousand once', () => {
    expect(numberSpellings(150, 'en')).toEqual(['150']);
  });

  it('numberSpellings() adds the percent forms of a percentage', () => {
    expect(numberSpellings(150, 'en', { percent: true })).toEqual([
      '150',
      '150%',
      '150 %',
      '150 percent',
      '150 per cent',
    ]);
    expect(numberSpellings(62, 'es', { percent: true })).toEqual(['62', '62%', '62 %', '62 por ciento']);
  });

  it("numberSpellings() uses each language's decimal mark", () => {
    expect(numberSpellings(3851.2, 'en')).toEqual(['3,851.2', '3851.2']);
    expect(numberSpellings(3851.2, 'es')).toEqual(['3.851,2', '3851,2']);
    expect(numberSpellings(14.5, 'es', { percent: true })).toContain('14,5%');
  });

  it('numberSpellings() gives the words of a named fraction, without its endless decimals', () => {
    expect(numberSpellings(1 / 3, 'en')).toEqual(['a third', 'one third', 'one-third', '⅓']);
    expect(numberSpellings(1 / 3, 'es')).toEqual(['un tercio', 'una tercera parte', '⅓']);
  });

  it('numberSpellings() keeps the digits of a fraction that is also a plain number', () => {
    // SENDA's 0,5 % prevalence must still match "0,5%"
    expect(numberSpellings(0.5, 'es')).toEqual(['la mitad', 'un medio', '½', '0,5']);
  });

  it('numberSpellings() spells millions in words', () => {
    expect(numberSpellings(1_400_000, 'en')).toEqual(['1,400,000', '1400000', '1.4 million']);
    expect(numberSpellings(1_400_000, 'es')).toEqual(['1.400.000', '1400000', '1,4 millones']);
    expect(numberSpellings(1_000_000, 'es')).toContain('un millón');
  });

  it('numberSpellings() spells a negative number with and without its sign', () => {
    expect(numberSpellings(-7, 'en')).toEqual(['-7', '−7', '7']);
  });

  it('numberSpellings() returns nothing for a number that is not finite', () => {
    expect(numberSpellings(Number.NaN, 'en')).toEqual([]);
  });
});
