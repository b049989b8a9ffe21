// A small RFC 4180 reader that remembers the line each record starts on, so that errors can say
// file:row:column. Contributors' files are small; clarity beats speed here.

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

type Rec = { line: number; raw: string; fields: string[] };

/** Reads one record starting at `i` (on line `line`); throws CsvSyntaxError on a syntax problem. */
function readRecord(text: string, i: number, line: number): { rec: Rec; next: number; nextLine: number } {
  const startLine = line;
  const start = i;
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  for (;;) {
    if (i >= text.length) {
      if (quoted) throw new CsvSyntaxError(startLine, 'a quoted field is never closed (missing ")');
      fields.push(field);
      return { rec: { line: startLine, raw: text.slice(start), fields }, next: i, nextLine: line };
    }
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else {
          quoted = false;
          i += 1;
          const next = text[i];
          if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
            throw new CsvSyntaxError(
              startLine,
              line > startLine
                ? `a quoted field that opens on this line runs on to line ${line} (a missing or stray ")`
                : `unexpected ${JSON.stringify(next)} after a closing quote (a quote inside a quoted field is written twice: "")`,
            );
        }
      } else {
        if (ch === '\n') line += 1;
        field += ch;
        i += 1;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      i += 1;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i += 1;
    } else if (ch === '\n' || ch === '\r') {
      fields.push(field);
      const end = i;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      return { rec: { line: startLine, raw: text.slice(start, end), fields }, next: i, nextLine: line + 1 };
    } else {
      if (ch === '"')
        throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field)');
      field += ch;
      atFieldStart = false;
      i += 1;
    }
  }
}

/**
 * Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, CRLF or LF). A record with a
 * syntax problem is reported in `broken` and reading goes on at the next line, so that one stray quote
 * costs one row, not the rest of the file.
 */
function records(text: string): { recs: Rec[]; broken: BrokenRow[] } {
  const recs: Rec[] = [];
  const broken: BrokenRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // tolerate a BOM from spreadsheet exports
  let line = 1;
  while (i < text.length) {
    try {
      const r = readRecord(text, i, line);
      recs.push(r.rec);
      i = r.next;
      line = r.nextLine;
    } catch (e) {
      if (!(e instanceof CsvSyntaxError)) throw e;
      // Skip to the line after the one the record starts on, and read on from there.
      const nl = text.indexOf('\n', i);
      const end = nl === -1 ? text.length : nl;
      broken.push({ line, raw: text.slice(i, end).replace(/\r$/, ''), message: e.message });
      i = end + 1;
      line += 1;
    }
  }
  // A blank line is not a record.
  return { recs: recs.filter((r) => !(r.fields.length === 1 && r.fields[0] === '')), broken };
}

/** Header and rows of a CSV text, and the rows that could not be read (with why). */
export interface LenientCsvTable extends CsvTable {
  broken: BrokenRow[];
}

/**
 * Parses CSV text with a header row, reading past rows with syntax problems and reporting them in
 * `broken` (line, raw text, message).
 */
export function readCsvText(text: string): LenientCsvTable {
  const { recs, broken } = records(text);
  const head = recs[0]?.line === 1 || !broken.some((b) => b.line === 1) ? recs.shift() : undefined;
  if (!head) return { header: [], rows: [], broken };
  const header = head.fields.map((h) => h.trim());
  const rows = recs.map((r) => {
    const cells: Record<string, string> = {};
    header.forEach((h, j) => {
      cells[h] = r.fields[j] ?? '';
    });
    return { line: r.line, raw: r.raw, cells, fieldCount: r.fields.length };
  });
  return { header, rows, broken };
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
