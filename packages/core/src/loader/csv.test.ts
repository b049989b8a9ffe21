import { describe, expect, it } from 'vitest';
import { type BrokenRow, CsvSyntaxError, parseCsv, readCsvText, scanCsv } from './csv.js';

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

describe('readCsvText()', () => {
  it('reads past a row with a stray quote, reporting that row with its line and text', () => {
    const t = readCsvText('a,b\n1,said "hi"\n2,ok\n');
    expect(t.broken).toEqual([
      { line: 2, raw: '1,said "hi"', message: 'a quote inside an unquoted field (quote the whole field)' },
    ]);
    expect(t.rows.map((r) => [r.line, r.cells])).toEqual([[3, { a: '2', b: 'ok' }]]);
  });

  it('costs an unclosed quote its own line only, not the rest of the file', () => {
    // Line 2 opens a quote that the quote of line 3 "closes": line 2 is broken, line 3 is read.
    const t = readCsvText('q,n\n"open,1\n"fine",2\nlast,3\n');
    expect(t.broken.map((b) => b.line)).toEqual([2]);
    expect(t.broken[0]?.message).toMatch(/runs on to line 3/);
    expect(t.rows.map((r) => r.cells.n)).toEqual(['2', '3']);
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

  it('hands a broken record to `broken` and reads on from the next line, when asked', () => {
    const seen: string[][] = [];
    const broken: BrokenRow[] = [];
    scanCsv(
      'a,b\n1,x"y\n2,ok\n',
      (f) => seen.push([...f]),
      (b) => broken.push(b),
    );
    expect(seen).toEqual([
      ['a', 'b'],
      ['2', 'ok'],
    ]);
    expect(broken).toEqual([
      { line: 2, raw: '1,x"y', message: 'a quote inside an unquoted field (quote the whole field)' },
    ]);
  });
});
