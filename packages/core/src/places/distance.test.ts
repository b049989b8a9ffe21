import { describe, expect, it } from 'vitest';
import { editDistance } from './distance.js';

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
