import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, scanCsv } from './csv.js';

describe('parseCsv()', () => {
  it('reads a header and records keyed by column, with the line each starts on', () => {
    const t = parseCsv('a,b\n1,2\n3,4\n');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows.map((r) => [r.line, r.cells])).toEqual([
      [2, { a: '1', b: '2' }],
      [3, { a: '3', b: '4' }],
    ]);
  });

  it('handles RFC 4180 quoting: commas, doubled quotes and line breaks inside quotes', () => {
    const t = parseCsv('q,n\n"2,681 arrests ""reportedly""",1\n"two\nlines",2\nlast,3');
    expect(t.rows[0]?.cells.q).toBe('2,681 arrests "reportedly"');
    expect(t.rows[1]?.cells.q).toBe('two\nlines');
    expect(t.rows[2]).toMatchObject({ line: 5, cells: { q: 'last', n: '3' } });
  });

  it('accepts CRLF line ends and a byte-order mark, and skips blank lines', () => {
    const t = parseCsv('\uFEFFa,b\r\n1,2\r\n\r\n3,4\r\n');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows.map((r) => r.cells.a)).toEqual(['1', '3']);
  });

  it('keeps the raw text of each row, which table imports use as the quote', () => {
    expect(parseCsv('y,v\n2020,13802\n').rows[0]?.raw).toBe('2020,13802');
  });

  it('counts the fields of short and long rows so the loader can report them', () => {
    const t = parseCsv('a,b,c\n1,2\n1,2,3,4\n');
    expect(t.rows.map((r) => r.fieldCount)).toEqual([2, 4]);
  });

  it('reports an unclosed quote with the line it starts on', () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\nok\n"open\nmore');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(3);
    }
  });

  it('reports a stray quote inside an unquoted field', () => {
    expect(() => parseCsv('a,b\nsaid "hi",2\n')).toThrow(/quote inside an unquoted field/);
  });
});

describe('scanCsv()', () => {
  it('visits each record with its fields, first line and span, without a header of its own', () => {
    const text = 'a,b\n1,"x\ny"\n\n2,""""\n3,';
    const seen: [string[], number, string][] = [];
    scanCsv(text, (fields, line, start, end) => seen.push([[...fields], line, text.slice(start, end)]));
    expect(seen).toEqual([
      [['a', 'b'], 1, 'a,b'],
      [['1', 'x\ny'], 2, '1,"x\ny"'],
      [['2', '"'], 5, '2,""""'],
      [['3', ''], 6, '3,'],
    ]);
  });

  it('reports an unexpected character after a closing quote on its line', () => {
    expect(() => scanCsv('a\n"x"y\n', () => {})).toThrow(/unexpected "y" after a closing quote/);
  });
});
