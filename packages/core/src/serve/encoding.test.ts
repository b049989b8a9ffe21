import { describe, expect, it } from 'vitest';
import { negotiateEncoding } from './encoding.js';

describe('negotiateEncoding()', () => {
  it('prefers brotli when the client ranks it as high as gzip', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate, br', ['gzip'])).toBe('gzip');
  });

  it('follows q-values and refuses a coding with q=0', () => {
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeUndefined();
    expect(negotiateEncoding('*;q=0.1, gzip;q=0')).toBe('br');
  });

  it('is identity without a header, for unknown codings and for junk', () => {
    expect(negotiateEncoding(undefined)).toBeUndefined();
    expect(negotiateEncoding('')).toBeUndefined();
    expect(negotiateEncoding('identity, deflate')).toBeUndefined();
    expect(negotiateEncoding(',,;;q=abc')).toBeUndefined();
    expect(negotiateEncoding('br;q=2')).toBeUndefined();
  });
});
