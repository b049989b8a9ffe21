// What the readers of data/ share: the load context (where problems go, what is known, and which ids
// were declared on rows or in files that could not be read), the CSV and YAML readers that report
// file:row:column, and the message for an unknown id with its did-you-mean. Node-only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { type PlaceIndex, resolvePlace } from '../places/index.js';
import type { GeoEntry, Indicator, Source } from '../schemas/index.js';
import { type LenientCsvTable, readCsvText } from './csv.js';
import { FORMULA_CHECKED_FIELDS, formulaIssue } from './formulas.js';
import { type DataIssue, shown } from './issues.js';
import { closest, suggestGeo } from './suggest.js';
import { parseYamlList } from './yaml.js';

export type RefKind = 'indicator' | 'source' | 'geo' | 'record';

/** Context shared by the readers: where we are and where problems go. */
export interface LoadContext {
  root: string;
  issues: DataIssue[];
  rel(path: string): string;
  geos: Map<string, GeoEntry>;
  /** The places of data/geos.csv, for resolving ids and CUT codes (core's one resolver of aliases). */
  places: PlaceIndex<GeoEntry>;
  sources: Map<string, Source>;
  indicators: Map<string, Indicator>;
  /** Where each observation or change was read (the first place, when an id is repeated). */
  where: Map<string, { file: string; row: number; table?: true }>;
  /**
   * Ids declared on rows or in files that could not be read or did not validate, with where: a
   * reference to one of them is not "unknown" (the problem is already reported where it is).
   */
  unreadable: Record<RefKind, Map<string, string>>;
}

export function listFiles(dir: string, exts: string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => exts.some((e) => n.endsWith(e)) && statSync(join(dir, n)).isFile())
    .sort()
    .map((n) => join(dir, n));
}

/** Maps a zod issue path to a field name, and the message to "expected …, got …". */
export function zodIssues(
  error: z.ZodError,
  value: unknown,
): { path: PropertyKey[]; column: string; message: string }[] {
  return error.issues.map((iss) => {
    const path = iss.path as PropertyKey[];
    let found: unknown = value;
    for (const key of path) found = (found as Record<PropertyKey, unknown> | undefined)?.[key];
    let message = iss.message;
    if (iss.code === 'unrecognized_keys')
      message = `unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}`;
    else if (iss.code === 'invalid_value' && 'values' in iss)
      message = `expected one of ${(iss.values as unknown[]).join(' | ')}, got ${shown(found)}`;
    else if (found === undefined && iss.code === 'invalid_type')
      message = `missing (expected ${iss.expected})`;
    else if (!/got /.test(message))
      message = `${message.replace(/^Invalid input: /, '')}, got ${shown(found)}`;
    return { path, column: path.map(String).join('.'), message };
  });
}

/** A YAML record that validated, with where it is and the line of each of its fields. */
export interface YamlRecord<T> {
  record: T;
  file: string;
  line: number;
  lineOf(path: readonly PropertyKey[]): number;
}

/** The ids a YAML file declares (`- id: x` / `  id: x`), read line by line for files that do not parse. */
function idsInText(text: string): { id: string; line: number }[] {
  return text.split('\n').flatMap((l, i) => {
    const m = /^\s*(?:-\s+)?id:\s*["']?([^\s"'#]+)/.exec(l);
    return m?.[1] ? [{ id: m[1], line: i + 1 }] : [];
  });
}

export function readYamlRecords<T>(
  ctx: LoadContext,
  folder: string,
  schema: z.ZodType<T>,
  kind?: RefKind,
): YamlRecord<T>[] {
  const out: YamlRecord<T>[] = [];
  for (const path of listFiles(join(ctx.root, folder), ['.yaml', '.yml'])) {
    const file = ctx.rel(path);
    const text = readFileSync(path, 'utf8');
    const parsed = parseYamlList(text);
    for (const e of parsed.errors)
      ctx.issues.push({ file, row: e.line, message: `YAML syntax: ${e.message}` });
    if (parsed.errors.length && kind)
      for (const { id, line } of idsInText(text)) ctx.unreadable[kind].set(id, `${file}:${line}`);
    for (const item of parsed.items) {
      for (const field of FORMULA_CHECKED_FIELDS) {
        const formula = formulaIssue(
          file,
          item.lineOf([field]),
          field,
          (item.value as Record<string, unknown> | null)?.[field],
        );
        if (formula) ctx.issues.push(formula);
      }
      const result = schema.safeParse(item.value);
      if (result.success)
        out.push({ record: result.data, file, line: item.line, lineOf: (p) => item.lineOf(p) });
      else {
        const id = (item.value as { id?: unknown } | null)?.id;
        if (kind && typeof id === 'string') ctx.unreadable[kind].set(id, `${file}:${item.line}`);
        for (const z of zodIssues(result.error, item.value))
          ctx.issues.push({ file, row: item.lineOf(z.path), column: z.column, message: z.message });
      }
    }
  }
  return out;
}

/** A CSV file read as far as it can be: its header, rows, and whether the rows can be trusted. */
export interface ReadCsv {
  file: string;
  table: LenientCsvTable;
  /** False when the header is wrong: the rows' cells cannot be taken at their word. */
  usable: boolean;
}

export function readCsv(ctx: LoadContext, path: string, allowed: string[], required: string[]): ReadCsv {
  const file = ctx.rel(path);
  const table = readCsvText(readFileSync(path, 'utf8'));
  for (const b of table.broken)
    ctx.issues.push({
      file,
      row: b.line,
      message: `CSV syntax: ${b.message}`,
      hint: 'the rest of the file was read; fix this row',
    });
  const unknown = table.header.filter((h) => !allowed.includes(h));
  const missing = required.filter((h) => !table.header.includes(h));
  if (unknown.length || missing.length) {
    const meant = unknown.map((u) => [u, closest(u, allowed)] as const).filter(([, m]) => m);
    ctx.issues.push({
      file,
      row: 1,
      message: [
        unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` : '',
        missing.length ? `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
      hint: `${meant.map(([u, m]) => `did you mean ${m} for ${u}? `).join('')}the header is ${allowed.join(',')}`,
    });
  }
  for (const row of table.rows)
    if (row.fieldCount !== table.header.length)
      ctx.issues.push({
        file,
        row: row.line,
        message: `expected ${table.header.length} fields, got ${row.fieldCount}`,
        hint: 'quote any field that contains a comma: "like, this"',
      });
  return { file, table, usable: unknown.length === 0 && missing.length === 0 };
}

/**
 * Resolves a geo cell to a place id: an id (CL-RM, CL-05101), or a CUT code as an alias (13, 5101).
 * Names are not accepted in data files: two places can share one (Valparaíso), and names get respelled.
 */
export function resolveGeo(ctx: LoadContext, text: string): string | undefined {
  const r = resolvePlace(ctx.places, text, { names: false });
  return r.ok ? r.place.id : undefined;
}

/** The message for a reference to an id that is not defined, with a did-you-mean; undefined when known. */
export function unknownRef(
  ctx: LoadContext,
  kind: RefKind,
  id: string,
  candidates: () => Iterable<string>,
  define: string,
): { message: string; hint: string } | 'unreadable' | undefined {
  const known =
    kind === 'indicator'
      ? ctx.indicators.has(id)
      : kind === 'source'
        ? ctx.sources.has(id)
        : kind === 'geo'
          ? resolveGeo(ctx, id) !== undefined
          : ctx.where.has(id);
  if (known) return undefined;
  if (ctx.unreadable[kind].has(id)) return 'unreadable';
  const meant = kind === 'geo' ? suggestGeo(id, ctx.places) : closest(id, candidates());
  const name = kind === 'geo' ? 'geography' : kind;
  return {
    // Ids in full (shown() shortens long values): a record id is only useful whole.
    message: `unknown ${name} ${JSON.stringify(id)}`,
    hint: meant ? `did you mean ${meant}? Or ${define}` : define,
  };
}

export function optional(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t ? t : undefined;
}

/** A YAML file at the top of data/ holding a list of records. */
export function readYamlFile<T>(ctx: LoadContext, name: string, schema: z.ZodType<T>): YamlRecord<T>[] {
  const path = join(ctx.root, name);
  const file = ctx.rel(path);
  const parsed = parseYamlList(readFileSync(path, 'utf8'));
  for (const e of parsed.errors) ctx.issues.push({ file, row: e.line, message: `YAML syntax: ${e.message}` });
  const out: YamlRecord<T>[] = [];
  for (const item of parsed.items) {
    const result = schema.safeParse(item.value);
    if (result.success)
      out.push({ record: result.data, file, line: item.line, lineOf: (p) => item.lineOf(p) });
    else
      for (const z of zodIssues(result.error, item.value))
        ctx.issues.push({ file, row: item.lineOf(z.path), column: z.column, message: z.message });
  }
  return out;
}
