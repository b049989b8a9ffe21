import { describe, expect, it } from 'vitest';
import { ByteLru } from './lru.js';

describe('ByteLru', () => {
  it('never holds more bytes than its bound: the oldest unread entries go first', () => {
    const c = new ByteLru<string>(10, 10);
    c.set('a', 'a', 4);
    c.set('b', 'b', 4);
    c.get('a'); // read since the last sweep: a survives one eviction
    c.set('c', 'c', 4); // 12 > 10: b (never read) goes
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual(['a', undefined, 'c']);
    expect(c.bytes).toBe(8);
  });

  it('holds a stream of distinct keys within the bound, however many there are', () => {
    const c = new ByteLru<number>(64 * 1024);
    for (let i = 0; i < 10_000; i++) {
      c.set(`k${i}`, i, 1000);
      if (i % 7 === 0) c.get(`k${i - 3}`);
      expect(c.bytes).toBeLessThanOrEqual(64 * 1024);
    }
    // 64 KiB / 1000 B = 65.5: at most 65 entries.
    expect(c.size).toBeLessThanOrEqual(65);
    expect(c.get('k9999')).toBe(9999);
  });

  it('refuses an entry larger than its per-entry bound (an eighth of the total by default)', () => {
    const c = new ByteLru<string>(800);
    expect(c.set('big', 'x', 101)).toBe(false);
    expect(c.set('ok', 'x', 100)).toBe(true);
    expect([c.has('big'), c.bytes]).toEqual([false, 100]);
  });

  it('is off with a bound of 0', () => {
    const c = new ByteLru<string>(0);
    expect(c.set('a', 'a', 1)).toBe(false);
    expect(c.size).toBe(0);
  });

  it('charges growth to the entry and evicts others first, the grown entry last', () => {
    const c = new ByteLru<string>(10, 10);
    c.set('a', 'a', 3);
    c.set('b', 'b', 3);
    expect(c.grow('b', 5)).toBe(true); // 3 + 8 = 11 > 10: a goes, b stays
    expect([c.has('a'), c.has('b'), c.bytes]).toEqual([false, true, 8]);
    expect(c.grow('b', 3)).toBe(false); // 11 > the per-entry bound: dropped
    expect(c.bytes).toBe(0);
  });

  it('replaces an entry under the same key without double counting', () => {
    const c = new ByteLru<string>(100);
    c.set('a', 'x', 10);
    c.set('a', 'y', 5);
    expect([c.get('a'), c.bytes, c.size]).toEqual(['y', 5, 1]);
  });
});
