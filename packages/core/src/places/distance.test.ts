import { describe, expect, it } from 'vitest';
import { editDistance, prefixDistance } from './distance.js';

describe('editDistance()', () => {
  it.each([
    ['', '', 0],
    ['', 'lota', 4], // four insertions
    ['calama', 'calama', 0],
    ['calma', 'calama', 1], // insert "a"
    ['valparaizo', 'valparaiso', 1], // z → s
    ['vlaparaiso', 'valparaiso', 1], // swap "l" and "a"
    ['kitten', 'sitting', 3], // k → s, e → i, insert g
    ['ca', 'abc', 3], // optimal string alignment does not edit a swapped pair again
  ])('editDistance(%j, %j) is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('returns max + 1 as soon as the distance is known to exceed max', () => {
    expect(editDistance('arica', 'temuco', 2)).toBe(3); // 5 and 6 letters, nothing in common but "c"
    expect(editDistance('a', 'abcdef', 2)).toBe(3); // the lengths alone differ by 5
    expect(editDistance('calma', 'calama', 1)).toBe(1);
  });
});

describe('prefixDistance()', () => {
  it.each([
    ['valpo', 'valparaiso', 0, 1, 1], // "valpa": o → a
    ['valp', 'valparaiso', 0, 1, 0], // a prefix exactly
    ['mra', 'vina del mar', 9, 1, 1], // "mar" after "vina del ": swap
    ['calma', 'calama', 0, 1, 1], // "calam": swap "m" and "a"
    ['temu', 'valparaiso', 0, 1, 2], // nothing close: max + 1
    ['valparaisos', 'valparaiso', 0, 1, 1], // longer than the name: one insertion
  ])('prefixDistance(%j, %j, %d, %d) is %d', (a, b, from, max, d) => {
    expect(prefixDistance(a, b, from, max)).toBe(d);
  });

  it('gives the same distances however many calls share its scratch rows', () => {
    const long = 'a'.repeat(200);
    expect(editDistance(long, `${long}b`)).toBe(1);
    expect(editDistance('calma', 'calama')).toBe(1);
  });
});
