// RFC 4180 CSV: CRLF line ends, a header row, fields quoted when they hold a quote, comma, CR or LF,
// quotes doubled. UTF-8 without a byte-order mark.

export type CsvCell = string | number | boolean | null | undefined;
export type CsvColumn<T> = readonly [header: string, cell: (row: T) => CsvCell];

const NEEDS_QUOTES = /[",\r\n]/;

/** One field as RFC 4180 writes it; absent values are empty fields. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * A table as CSV text.
 * @example toCsv([['id', (r) => r.id], ['n', (r) => r.n]], [{ id: 'a,b', n: 1 }]) // 'id,n\r\n"a,b",1\r\n'
 */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  let out = `${columns.map(([h]) => csvField(h)).join(',')}\r\n`;
  for (const row of rows) out += `${columns.map(([, cell]) => csvField(cell(row))).join(',')}\r\n`;
  return out;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';
