import { describe, expect, it } from 'vitest';
import { endsAfterPublication, qualifierDisagreement } from './wording.js';

describe('qualifierDisagreement()', () => {
  it('names the words and the qualifier when they disagree: "casi 312" recorded as exact', () => {
    expect(
      qualifierDisagreement({
        number: 312,
        qualifier: 'exact',
        quote: 'detuvieron a casi 312 personas',
        lang: 'es',
      }),
    ).toBe('the quote says "casi 312" (nearly), but the qualifier is exact');
    expect(
      qualifierDisagreement({
        number: 85000,
        qualifier: 'exact',
        quote: 'police arrest about 85,000 people',
        lang: 'en',
      }),
    ).toBe('the quote says "about 85,000" (approximately), but the qualifier is exact');
  });

  it('accepts the policy words with articles and listed numbers between them and the number', () => {
    // "cerca de" qualifies both figures of "cerca de un 94% y 50%".
    const quote = 'cuya incautación aumentó cerca de un 94% y 50%, respectivamente.';
    expect(
      qualifierDisagreement({ number: 94, qualifier: 'approximately', quote, lang: 'es' }),
    ).toBeUndefined();
    expect(
      qualifierDisagreement({ number: 50, qualifier: 'approximately', quote, lang: 'es' }),
    ).toBeUndefined();
    expect(
      qualifierDisagreement({
        number: 1 / 3,
        qualifier: 'approximately',
        quote: 'roughly a third of all arrests',
        lang: 'en',
      }),
    ).toBeUndefined();
  });

  it('keeps accents: "bajó a 23.481" (fell to) is not "bajo" (under)', () => {
    expect(
      qualifierDisagreement({
        number: 23481,
        qualifier: 'exact',
        quote: 'la cifra bajó a 23.481',
        lang: 'es',
      }),
    ).toBeUndefined();
  });

  it('accepts an approximate qualifier whose words stand elsewhere in the quote, and refuses one with none', () => {
    const quote = 'reportedly delivering 2,681 arrests in 2020 and nearly the same number in 2021.';
    expect(qualifierDisagreement({ number: 2681, qualifier: 'nearly', quote, lang: 'en' })).toBeUndefined();
    expect(qualifierDisagreement({ number: 2681, qualifier: 'more_than', quote, lang: 'en' })).toBe(
      'the qualifier is more_than, but the quote has none of its words (more than, over, above, exceeding)',
    );
  });

  it('judges a number the quote does not show as written by the words anywhere in it', () => {
    // "10 mil" is 10,000 written in words; "unas" is approximately.
    expect(
      qualifierDisagreement({
        number: 10000,
        qualifier: 'approximately',
        quote: 'unas 10 mil plantas',
        lang: 'es',
      }),
    ).toBeUndefined();
    expect(
      qualifierDisagreement({ number: 10000, qualifier: 'exact', quote: 'unas 10 mil plantas', lang: 'es' }),
    ).toBeUndefined();
  });
});

describe('endsAfterPublication()', () => {
  it.each([
    ['2020', '2020-07', true], // the year was not over in July
    ['2020', '2020', false], // it may have been published on 31 December
    ['2020', '2021-01-05', false],
    ['2016', '2016-12-15', true],
    ['2020-01/2020-11', '2020-11-24', false], // the year so far: as fine as a period can be written
    ['2014-07', '2014-07-09', false],
    ['2026-06', '2026-01-28', true], // a projection
    ['2015/2019', '2022-07', false],
  ])('%s against a source of %s: %s', (period, published, expected) => {
    expect(endsAfterPublication(period, published)).toBe(expected);
  });
});
