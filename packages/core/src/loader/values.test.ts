import { describe, expect, it } from 'vitest';
import { parseValue } from './values.js';

describe('parseValue()', () => {
  it.each([
    ['2681', 2681],
    ['12.7', 12.7],
    ['-7.0', -7],
    [' 150 ', 150],
    ['0', 0],
  ])('reads %s as %d', (text, value) => {
    expect(parseValue(text)).toEqual({ ok: true, value });
  });

  it('keeps a fraction exact: 1/3 is a third, not 0.333', () => {
    expect(parseValue('1/3', 'share')).toEqual({ ok: true, value: 1 / 3 });
  });

  it('catches "2.681" typed for 2,681 in a whole-number unit and says how to write it', () => {
    expect(parseValue('2.681', 'persons')).toEqual({
      ok: false,
      message: 'expected a whole number for unit "persons", got "2.681"',
      hint: 'use 2681 without separators if you meant thousands',
    });
  });

  it('accepts 2.681 in a unit that has decimals (tonnes)', () => {
    expect(parseValue('2.681', 'tonnes')).toEqual({ ok: true, value: 2.681 });
  });

  it.each([
    ['2,681', 'use 2681 without thousands separators, and "." for decimals'],
    ['18.419.192', 'use 18419192 without thousands separators, and "." for decimals'],
    ['12,7', 'use "." for decimals: 12.7'],
    ['62%', 'write 62; the unit says it is a percent'],
    ['about 40', 'digits only, "." for decimals, or a fraction such as 1/3'],
  ])('rejects %s with the hint: %s', (text, hint) => {
    const r = parseValue(text);
    expect(r).toMatchObject({ ok: false, message: `expected a number, got "${text}"`, hint });
  });

  it('rejects an empty cell, a zero denominator, a share above 1 and a negative percent', () => {
    expect(parseValue('')).toMatchObject({ ok: false, message: 'expected a number, got nothing' });
    expect(parseValue('1/0')).toMatchObject({ ok: false });
    expect(parseValue('1.5', 'share')).toMatchObject({
      ok: false,
      message: 'expected a share between 0 and 1, got "1.5"',
    });
    expect(parseValue('-3', 'percent')).toMatchObject({ ok: false });
  });
});
