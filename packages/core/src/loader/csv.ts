// One RFC 4180 reader that remembers the line each record starts on, so that errors can say
// file:row:column. `scanCsv` visits records without building rows (fast enough for the 200,000-row
// tables of the columnar store); `readCsvText` keys each row by column name for contributors' files and
// reads past a broken row, so that one stray quote costs that row, not the rest of the file.

export interface CsvTable {
  header: string[];
  /** Each record with the 1-based line it starts on and its raw text (used as a table row's quote). */
  rows: { line: number; raw: string; cells: Record<string, string>; fieldCount: number }[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A record that could not be read, with the line it starts on and that physical line's text. */
export interface BrokenRow {
  line: number;
  raw: string;
  message: string;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Reads the fields of the record at `i` (starting on `line`) into `fields`; returns where the next record
 * starts, its line, and where this one ends. Fields are sliced, not built a character at a time.
 * @throws CsvSyntaxError on the line the record starts on.
 */
function scanRecord(
  text: string,
  i: number,
  line: number,
  fields: string[],
): { next: number; nextLine: number; end: number } {
  const n = text.length;
  const startLine = line;
  fields.length = 0;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let field = '';
      let from = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new CsvSyntaxError(startLine, 'a quoted field is never closed (missing ")');
        for (let k = text.indexOf('\n', i); k >= 0 && k < q; k = text.indexOf('\n', k + 1)) line += 1;
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += text.slice(from, q + 1);
          i = q + 2;
          from = i;
        } else {
          field += text.slice(from, q);
          i = q + 1;
          break;
        }
      }
      fields.push(field);
      const next = text.charCodeAt(i);
      if (i < n && next !== COMMA && next !== LF && next !== CR)
        throw new CsvSyntaxError(
          startLine,
          line > startLine
            ? `a quoted field that opens on this line runs on to line ${line} (a missing or stray ")`
            : `unexpected ${JSON.stringify(text[i])} after a closing quote (a quote inside a quoted field is written twice: "")`,
        );
    } else {
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        if (c === QUOTE)
          throw new CsvSyntaxError(startLine, 'a quote inside an unquoted field (quote the whole field)');
      }
      fields.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) return { next: n, nextLine: line, end: n };
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i += 1;
      continue;
    }
    return { next: i + (c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1), nextLine: line + 1, end: i };
  }
}

/**
 * Calls `visit` with each record's fields, the line it starts on and its span in `text` (RFC 4180:
 * quotes, doubled quotes, CRLF or LF; a leading BOM and blank lines are skipped). No row objects are
 * made, and the `fields` array is reused from one record to the next: copy it to keep it. A record
 * with a syntax problem goes to `broken`, and reading goes on at the line after the one it starts on;
 * without `broken`, the first such problem is thrown.
 * @throws CsvSyntaxError with the line of the first syntax problem, when no `broken` is given.
 */
export function scanCsv(
  text: string,
  visit: (fields: string[], line: number, start: number, end: number) => void,
  broken?: (row: BrokenRow) => void,
): void {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // tolerate a BOM from spreadsheet exports
  let line = 1;
  const fields: string[] = [];
  while (i < n) {
    const start = i;
    const startLine = line;
    let r: { next: number; nextLine: number; end: number };
    try {
      r = scanRecord(text, i, line, fields);
    } catch (e) {
      if (!(e instanceof CsvSyntaxError) || !broken) throw e;
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? n : nl;
      broken({ line: startLine, raw: text.slice(start, end).replace(/\r$/, ''), message: e.message });
      i = end + 1;
      line = startLine + 1;
      continue;
    }
    i = r.next;
    line = r.nextLine;
    // A blank line is not a record.
    if (!(fields.length === 1 && fields[0] === '')) visit(fields, startLine, start, r.end);
  }
}

/** Header and rows of a CSV text, and the rows that could not be read (with why). */
export interface LenientCsvTable extends CsvTable {
  broken: BrokenRow[];
}

/**
 * Parses CSV text with a header row, reading past rows with syntax problems and reporting them in
 * `broken` (line, raw text, message). A broken first line leaves the file without a header.
 */
export function readCsvText(text: string): LenientCsvTable {
  let header: string[] | undefined;
  let headless = false;
  const rows: CsvTable['rows'] = [];
  const broken: BrokenRow[] = [];
  scanCsv(
    text,
    (fields, line, start, end) => {
      if (headless) return;
      if (!header) {
        if (line !== 1 && broken.some((b) => b.line === 1)) headless = true;
        else header = fields.map((h) => h.trim());
        return;
      }
      const cells: Record<string, string> = {};
      header.forEach((h, j) => {
        cells[h] = fields[j] ?? '';
      });
      rows.push({ line, raw: text.slice(start, end), cells, fieldCount: fields.length });
    },
    (b) => broken.push(b),
  );
  return { header: header ?? [], rows, broken };
}

/**
 * Parses CSV text with a header row into records keyed by column name.
 * @throws CsvSyntaxError with the line of the first syntax problem.
 */
export function parseCsv(text: string): CsvTable {
  const { header, rows, broken } = readCsvText(text);
  const first = broken[0];
  if (first) throw new CsvSyntaxError(first.line, first.message);
  return { header, rows };
}
