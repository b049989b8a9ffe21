import { describe, expect, it } from 'vitest';
import { poissonHalfWidth, SMALL_COUNT, smallCountWarning } from './small.js';

describe('small counts', () => {
  it('flag a count below 20 and not one of 20 or more', () => {
    expect(SMALL_COUNT).toBe(20);
    expect(smallCountWarning(19, 'count')?.code).toBe('small_count');
    expect(smallCountWarning(20, 'count')).toBeUndefined();
    expect(smallCountWarning(1200, 'count')).toBeUndefined();
  });

  it('say how wide the chance interval of the count is', () => {
    // 1.96 / √4 = 0.98 → ±98 %
    expect(smallCountWarning(4, 'from')?.message).toContain('about ±98 %: 1.96/√4');
    // 1.96 / √20 = 0.438 → just under ±44 %, the threshold's own width
    expect(poissonHalfWidth(20)).toBeCloseTo(0.4383, 4);
    expect(smallCountWarning(0, 'to')?.message).toContain('unbounded');
  });
});
