// A small RFC 4180 reader that remembers the line each record starts on, so that errors can say
// file:row:column. `scanCsv` visits records without building rows (for the large tables of the
// columnar store); `parseCsv` keys each row by column name (for contributors' files).

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

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Calls `visit` with each record's fields, the line it starts on and its span in `text` (RFC 4180:
 * quotes, doubled quotes, CRLF or LF; a leading BOM and blank lines are skipped). Fields are sliced,
 * not built a character at a time, and no row objects are made, so that a table of 200,000 rows
 * (data/tables/, read into the columnar store) is read in a fraction of a second. The `fields` array
 * is reused from one record to the next: copy it to keep it.
 * @throws CsvSyntaxError with the line of the first syntax problem.
 */
export function scanCsv(
  text: string,
  visit: (fields: string[], line: number, start: number, end: number) => void,
): void {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // tolerate a BOM from spreadsheet exports
  let line = 1;
  const fields: string[] = [];
  while (i < n) {
    const startLine = line;
    const start = i;
    fields.length = 0;
    let end = n;
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
          throw new CsvSyntaxError(line, `unexpected ${JSON.stringify(text[i])} after a closing quote`);
      } else {
        let j = i;
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE)
            throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field)');
        }
        fields.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i += 1;
        continue;
      }
      end = i;
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line += 1;
      break;
    }
    // A blank line is not a record.
    if (!(fields.length === 1 && fields[0] === '')) visit(fields, startLine, start, end);
  }
}

/**
 * Parses CSV text with a header row into records keyed by column name.
 * @throws CsvSyntaxError with the line of the first syntax problem.
 */
export function parseCsv(text: string): CsvTable {
  let header: string[] | undefined;
  const rows: CsvTable['rows'] = [];
  scanCsv(text, (fields, line, start, end) => {
    if (!header) {
      header = fields.map((h) => h.trim());
      return;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, j) => {
      cells[h] = fields[j] ?? '';
    });
    rows.push({ line, raw: text.slice(start, end), cells, fieldCount: fields.length });
  });
  return { header: header ?? [], rows };
}
