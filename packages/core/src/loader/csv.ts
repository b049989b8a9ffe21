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

/** Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, CRLF or LF). */
function records(text: string): { line: number; raw: string; fields: string[] }[] {
  const out: { line: number; raw: string; fields: string[] }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // tolerate a BOM from spreadsheet exports
  let line = 1;
  while (i < text.length) {
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
        break;
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
              throw new CsvSyntaxError(line, `unexpected ${JSON.stringify(next)} after a closing quote`);
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
        line += 1;
        out.push({ line: startLine, raw: text.slice(start, end), fields });
        break;
      } else {
        if (ch === '"')
          throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field)');
        field += ch;
        atFieldStart = false;
        i += 1;
      }
    }
    if (i >= text.length && out.at(-1)?.fields !== fields) {
      out.push({ line: startLine, raw: text.slice(start), fields });
    }
  }
  // A blank line is not a record.
  return out.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
}

/**
 * Parses CSV text with a header row into records keyed by column name.
 * @throws CsvSyntaxError with the line of the first syntax problem.
 */
export function parseCsv(text: string): CsvTable {
  const recs = records(text);
  const head = recs.shift();
  if (!head) return { header: [], rows: [] };
  const header = head.fields.map((h) => h.trim());
  const rows = recs.map((r) => {
    const cells: Record<string, string> = {};
    header.forEach((h, j) => {
      cells[h] = r.fields[j] ?? '';
    });
    return { line: r.line, raw: r.raw, cells, fieldCount: r.fields.length };
  });
  return { header, rows };
}
