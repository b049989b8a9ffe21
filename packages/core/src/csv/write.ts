// RFC 4180 CSV that is safe to open in a spreadsheet: CRLF line ends, a header row, fields quoted when
// they hold a quote, comma, CR or LF, quotes doubled, UTF-8 without a byte-order mark. A text cell that
// a spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP's
// "CSV injection" advice); numbers are written as numbers and keep their sign. Zod-free.

export type CsvCell = string | number | boolean | null | undefined;
export type CsvColumn<T> = readonly [header: string, cell: (row: T) => CsvCell];

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

const NEEDS_QUOTES = /[",\r\n]/;
/** First characters that make Excel, LibreOffice or Google Sheets evaluate a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * True when a text cell would be read as a formula by a spreadsheet.
 * @example looksLikeFormula('=HYPERLINK("https://evil.example")') // true
 * @example looksLikeFormula('62 %') // false
 */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * One field as RFC 4180 writes it: absent values are empty fields, formula-looking text gets a
 * leading `'`, numbers are written as they are.
 * @example csvField('=1+2') // "'=1+2"
 * @example csvField(-62) // '-62'
 * @example csvField('a "b", c') // '"a ""b"", c"'
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const s = looksLikeFormula(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * One row (header or record) with its CRLF.
 * @example csvLine(['id', 'n']) // 'id,n\r\n'
 */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/**
 * A table as CSV text.
 * @example toCsv([['id', (r) => r.id], ['n', (r) => r.n]], [{ id: '=A1', n: -1 }]) // "id,n\r\n'=A1,-1\r\n" (the text neutralised, the number keeps its sign)
 */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: Iterable<T>): string {
  let out = csvLine(columns.map(([h]) => h));
  for (const row of rows) out += csvLine(columns.map(([, cell]) => cell(row)));
  return out;
}
