import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatSignedChange } from './number.js';

describe('formatNumber', () => {
  it.each([
    // es-CL groups thousands with "." even in four-digit numbers (es-ES would print 2681)
    [2681, '2.681', '2,681'],
    [12765, '12.765', '12,765'],
    [19458310, '19.458.310', '19,458,310'],
    [12.8181, '12,8', '12.8'],
    [893.6667, '894', '894'],
    [4.2247, '4,2', '4.2'],
    [0.36667, '0,37', '0.37'],
    [150, '150', '150'],
    [0, '0', '0'],
    [-7, '−7', '−7'],
    [-0.04, '−0,04', '−0.04'],
  ])('formatNumber(%s) prints "%s" in es-CL and "%s" in en', (x, es, en) => {
    expect(formatNumber(x, 'es')).toBe(es);
    expect(formatNumber(x, 'en')).toBe(en);
  });

  it('formatNumber() takes the digits it is given', () => {
    expect(formatNumber(3851.2, 'es', { maximumFractionDigits: 1 })).toBe('3.851,2');
    expect(formatNumber(3851.2, 'en', { maximumFractionDigits: 1 })).toBe('3,851.2');
    expect(formatNumber(12.8, 'en', { minimumFractionDigits: 2 })).toBe('12.80');
  });

  it('formatNumber() prints a number that rounds to zero without a sign', () => {
    expect(formatNumber(-0.2, 'en', { maximumFractionDigits: 0 })).toBe('0');
    expect(formatNumber(-0, 'es')).toBe('0');
  });

  it('formatNumber() prints a dash, not NaN, for a number that is not finite', () => {
    expect(formatNumber(Number.NaN, 'es')).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY, 'en')).toBe('—');
  });
});

describe('formatPercent', () => {
  it.each([
    // Intl's es-CL percent has no space before "%" (es-ES has one); we print what Intl prints
    [12.8181, '12,8%', '12.8%'],
    [62, '62%', '62%'],
    [150, '150%', '150%'],
    [33.3333, '33,3%', '33.3%'],
    [0.4, '0,4%', '0.4%'],
    [1250, '1.250%', '1,250%'],
  ])('formatPercent(%s) prints "%s" in es-CL and "%s" in en', (p, es, en) => {
    expect(formatPercent(p, 'es')).toBe(es);
    expect(formatPercent(p, 'en')).toBe(en);
  });
});

describe('formatSignedChange', () => {
  it.each([
    [150, '+150%', '+150%'],
    [207, '+207%', '+207%'],
    [12.8181, '+12,8%', '+12.8%'],
    [-7, '−7%', '−7%'],
    [-10, '−10%', '−10%'],
    [0, '0%', '0%'],
    [-0.01, '−0,01%', '−0.01%'],
  ])('formatSignedChange(%s) prints "%s" in es-CL and "%s" in en, with a real minus sign', (p, es, en) => {
    expect(formatSignedChange(p, 'es')).toBe(es);
    expect(formatSignedChange(p, 'en')).toBe(en);
  });

  it('formatSignedChange() prints no sign for a change that rounds to zero', () => {
    expect(formatSignedChange(-0.004, 'en', { maximumFractionDigits: 1 })).toBe('0%');
  });
});
