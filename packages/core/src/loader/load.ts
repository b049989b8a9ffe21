// Reads every file under data/, validates it with the zod schemas once, and returns the compiled
// dataset or every problem found (file:row:column), in one pass: each cell is checked on its own, a
// row or file that cannot be read costs only itself (its ids are known to be unreadable, so nothing
// else reports them "unknown"), and an unknown id comes with the closest known one. Node-only: used by
// the build and the tests, never at request time.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import {
  intervalFor,
  QUALIFIER_POLICY_VERSION,
  type Qualifier,
  qualifierSchema,
} from '../qualifiers/index.js';
import { canonicalJson } from '../releases/hash.js';
import { type Correction, correctionSchema } from '../releases/schema.js';
import {
  confidenceSchema,
  type Dataset,
  type DatasetMeta,
  datasetMetaSchema,
  type Event,
  eventSchema,
  type GeoEntry,
  geoEntrySchema,
  type Indicator,
  indicatorSchema,
  type Language,
  languageSchema,
  type Observation,
  observationSchema,
  type ReportedChange,
  reportedChangeSchema,
  type Source,
  type Statement,
  sourceSchema,
  statementSchema,
} from '../schemas/index.js';
import { comparePeriods, periodSchema } from '../schemas/period.js';
import { type LenientCsvTable, readCsvText } from './csv.js';
import { type DataIssue, KNOWN_ISSUE_RULES, shown } from './issues.js';
import { provenanceIssues } from './provenance.js';
import { closest, fold, suggestGeo, suggestQualifier } from './suggest.js';
import { loadTables } from './tables.js';
import { parseValue } from './values.js';
import { endsAfterPublication, qualifierDisagreement } from './wording.js';
import { parseYamlList, parseYamlObject } from './yaml.js';

export interface LoadResult {
  dataset?: Dataset;
  issues: DataIssue[];
  /** Problems of real records that data/known-issues.yaml names, kept out of `issues` until fixed. */
  allowed: DataIssue[];
}

/** Kinds of ids that records refer to. */
export type RefKind = 'indicator' | 'source' | 'geo' | 'record';

/** Context shared by the readers: where we are and where problems go. */
export interface LoadContext {
  root: string;
  issues: DataIssue[];
  rel(path: string): string;
  geos: Map<string, GeoEntry>;
  /** CUT number (as typed) → ISO code. */
  cutAlias: Map<string, string>;
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

const OBS_COLUMNS = [
  'indicator',
  'geo',
  'period',
  'value',
  'qualifier',
  'source',
  'confidence',
  'quote',
  'lang',
  'quote_check',
  'notes',
  'forecast',
];
const CHANGE_COLUMNS = [
  'indicator',
  'geo',
  'from',
  'to',
  'percent',
  'qualifier',
  'source',
  'confidence',
  'quote',
  'lang',
  'quote_check',
  'notes',
  'forecast',
];
const REQUIRED_OBS = ['indicator', 'geo', 'period', 'value', 'qualifier', 'source', 'confidence', 'quote'];
const REQUIRED_CHANGE = [
  'indicator',
  'geo',
  'from',
  'to',
  'percent',
  'qualifier',
  'source',
  'confidence',
  'quote',
];

/** Files with one of `exts` in a folder, sorted so builds are deterministic. */
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
interface ReadCsv {
  file: string;
  table: LenientCsvTable;
  /** False when the header is wrong: the rows' cells cannot be taken at their word. */
  usable: boolean;
}

function readCsv(ctx: LoadContext, path: string, allowed: string[], required: string[]): ReadCsv {
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

/** Resolves a geo cell: ISO code, or a region's CUT number as an alias. */
export function resolveGeo(ctx: LoadContext, text: string): string | undefined {
  const t = text.trim();
  if (ctx.geos.has(t)) return t;
  return ctx.cutAlias.get(t);
}

/** The message for a reference to an id that is not defined, with a did-you-mean; undefined when known. */
function unknownRef(
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
  const meant = kind === 'geo' ? suggestGeo(id, ctx.geos.values()) : closest(id, candidates());
  const name = kind === 'geo' ? 'geography' : kind;
  return {
    // Ids in full (shown() shortens long values): a record id is only useful whole.
    message: `unknown ${name} ${JSON.stringify(id)}`,
    hint: meant ? `did you mean ${meant}? Or ${define}` : define,
  };
}

function optional(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t ? t : undefined;
}

/**
 * How one kind of CSV record (a level or a change) is read: its folder, columns, the column holding
 * its number, and how the parsed cells become a record.
 */
interface RecordKind<T> {
  folder: string;
  columns: string[];
  required: string[];
  /** Column holding the number (value or percent). */
  numberColumn: string;
  /** Whether the number is in the indicator's unit (levels) or in percent (changes). */
  inIndicatorUnit: boolean;
  /** The period columns; with two, the second must come after the first (a change's from and to). */
  periods: readonly string[];
  schema: z.ZodType<T>;
  /** The record id from the cells (geo as resolved, or as typed when it is not known). */
  id(cells: Record<string, string>, key: { indicator: string; geo: string; source: string }): string;
  /** The kind's own fields from the cells. */
  fields(cells: Record<string, string>): Record<string, unknown>;
}

const OBSERVATIONS: RecordKind<Observation> = {
  folder: 'observations',
  columns: OBS_COLUMNS,
  required: REQUIRED_OBS,
  numberColumn: 'value',
  inIndicatorUnit: true,
  periods: ['period'],
  schema: observationSchema,
  id: (cells, k) => `${k.indicator}:${k.geo}:${cells.period}:${k.source}`,
  fields: (cells) => ({ period: cells.period }),
};

const CHANGES: RecordKind<ReportedChange> = {
  folder: 'changes',
  columns: CHANGE_COLUMNS,
  required: REQUIRED_CHANGE,
  numberColumn: 'percent',
  inIndicatorUnit: false,
  periods: ['from', 'to'],
  schema: reportedChangeSchema,
  id: (cells, k) => `${k.indicator}:${k.geo}:${cells.from}/${cells.to}:${k.source}`,
  fields: (cells) => ({ from: cells.from, to: cells.to }),
};

/** A record read from a CSV row, with where. */
export interface ReadRecord<T> {
  record: T;
  file: string;
  row: number;
  /** Read from a published table (data/tables/), whose quote is the row itself. */
  table?: true;
}

/** The record id a row would have, from its cells as typed: for rows that cannot become records. */
function keyOfCells<T>(ctx: LoadContext, kind: RecordKind<T>, cells: Record<string, string>): string {
  const geo = resolveGeo(ctx, cells.geo ?? '') ?? (cells.geo ?? '').trim();
  return kind.id(cells, {
    indicator: (cells.indicator ?? '').trim(),
    geo,
    source: (cells.source ?? '').trim(),
  });
}

/** Cells of a row that could not be parsed, split naively: the key columns hold no quotes or commas. */
function naiveCells(header: string[], raw: string): Record<string, string> {
  const parts = raw.split(',');
  return Object.fromEntries(header.map((h, j) => [h, parts[j] ?? '']));
}

/**
 * Checks every cell of one row on its own, so that a row with seven mistakes reports seven; returns the
 * record when there are none.
 */
function readRow<T extends { id: string }>(
  ctx: LoadContext,
  kind: RecordKind<T>,
  file: string,
  line: number,
  cells: Record<string, string>,
): T | undefined {
  const before = ctx.issues.length;
  let blocked = false; // a reference to an unreadable id: the row waits for that fix, silently
  const bad = (column: string, message: string, hint?: string) =>
    ctx.issues.push({ file, row: line, column, message, ...(hint ? { hint } : {}) });
  const ref = (
    column: string,
    refKind: RefKind,
    text: string,
    candidates: () => Iterable<string>,
    define: string,
  ) => {
    const r = unknownRef(ctx, refKind, text, candidates, define);
    if (r === 'unreadable') blocked = true;
    else if (r) bad(column, r.message, r.hint);
  };

  const indicatorId = (cells.indicator ?? '').trim();
  ref(
    'indicator',
    'indicator',
    indicatorId,
    () => ctx.indicators.keys(),
    'define it in data/indicators/*.yaml first',
  );
  const indicator = ctx.indicators.get(indicatorId);
  const sourceId = (cells.source ?? '').trim();
  ref('source', 'source', sourceId, () => ctx.sources.keys(), 'define it in data/sources/*.yaml first');
  const source = ctx.sources.get(sourceId);
  const geoText = (cells.geo ?? '').trim();
  ref(
    'geo',
    'geo',
    geoText,
    () => ctx.geos.keys(),
    'use CL, a region code such as CL-RM (or its CUT number 13), or a country code listed in data/geos.csv',
  );
  const geo = resolveGeo(ctx, geoText);

  const q = qualifierSchema.safeParse(cells.qualifier?.trim());
  if (!q.success) {
    const meant = suggestQualifier(cells.qualifier ?? '');
    bad(
      'qualifier',
      `expected one of ${qualifierSchema.options.join(' | ')}, got ${shown(cells.qualifier)}`,
      meant
        ? `did you mean ${meant.qualifier}?${meant.because ? ` ('${fold(meant.because)}' is one of its words in the qualifier policy)` : ''}`
        : undefined,
    );
  }
  const qualifier = q.success ? (q.data as Qualifier) : undefined;

  // With an unknown indicator the unit is unknown, so the number is checked as a plain number.
  const parsed = parseValue(
    cells[kind.numberColumn] ?? '',
    kind.inIndicatorUnit ? indicator?.unit : undefined,
  );
  if (!parsed.ok) bad(kind.numberColumn, parsed.message, parsed.hint);

  for (const column of kind.periods) {
    const p = periodSchema.safeParse(cells[column]?.trim());
    if (!p.success)
      bad(column, `${p.error.issues[0]?.message ?? 'expected a period'}, got ${shown(cells[column])}`);
  }
  const [before0, after0] = kind.periods;
  if (
    before0 &&
    after0 &&
    periodSchema.safeParse(cells[before0]).success &&
    periodSchema.safeParse(cells[after0]).success &&
    comparePeriods(cells[before0] ?? '', cells[after0] ?? '') >= 0
  )
    bad(after0, `expected a period after ${before0} (${cells[before0]}), got ${shown(cells[after0])}`);

  const confidence = confidenceSchema.safeParse(cells.confidence?.trim());
  if (!confidence.success)
    bad(
      'confidence',
      `expected one of ${confidenceSchema.options.join(' | ')}, got ${shown(cells.confidence)}`,
    );
  const langCell = optional(cells.lang);
  const langParsed = languageSchema.safeParse(langCell);
  if (langCell !== undefined && !langParsed.success)
    bad(
      'lang',
      `expected one of ${languageSchema.options.join(' | ')}, got ${shown(cells.lang)}`,
      "or leave it empty for the source's language",
    );
  const lang: Language | undefined =
    langCell === undefined ? source?.language : langParsed.success ? langParsed.data : undefined;
  const quote = cells.quote ?? '';
  if (!quote.trim()) bad('quote', 'missing: copy the words the figure comes from, exactly');
  const forecastCell = optional(cells.forecast);
  if (forecastCell !== undefined && forecastCell !== 'yes')
    bad(
      'forecast',
      `expected yes or nothing, got ${shown(cells.forecast)}`,
      'write yes when the figure is a forecast or projection',
    );
  const forecast = forecastCell === 'yes';
  const quoteCheck = optional(cells.quote_check);
  const id = kind.id(cells, { indicator: indicatorId, geo: geo ?? geoText, source: sourceId });

  // The checks against the quote and the source run whenever their inputs could be read.
  if (parsed.ok && lang && quote.trim()) {
    const r = {
      number: parsed.value,
      kind: kind.inIndicatorUnit ? 'level' : 'change',
      quote,
      lang,
      quoteCheck,
    } as const;
    for (const p of provenanceIssues(r)) bad(p.column, p.message, p.hint);
    if (qualifier) {
      const disagreement = qualifierDisagreement({ number: parsed.value, qualifier, quote, lang });
      if (disagreement)
        ctx.issues.push({
          file,
          row: line,
          column: 'qualifier',
          message: disagreement,
          hint: 'set the qualifier the words give, or quote the words that qualify this figure',
          rule: 'qualifier-quote',
          record: id,
        });
    }
  }
  const published = source?.published ?? (source?.via ? ctx.sources.get(source.via)?.published : undefined);
  const last = kind.periods.at(-1) as string;
  if (source && published && !forecast && periodSchema.safeParse(cells[last]).success)
    if (endsAfterPublication(cells[last] ?? '', published))
      ctx.issues.push({
        file,
        row: line,
        column: last,
        message: `the period ${cells[last]} ends after its source was published (${published}, ${source.id})`,
        hint: 'give the months the figure covers (2020-01/2020-06 for a year to date), or write yes in the forecast column if it is a projection',
        rule: 'period-after-publication',
        record: id,
      });

  const failed = ctx.issues.slice(before).some((i) => i.rule === undefined);
  if (failed || blocked || !indicator || !source || !geo || !qualifier || !parsed.ok || !lang) {
    ctx.unreadable.record.set(id, `${file}:${line}`);
    return undefined;
  }
  const { low, high } = intervalFor(parsed.value, qualifier);
  const result = kind.schema.safeParse({
    id,
    ...kind.fields(cells),
    indicator: indicator.id,
    geo,
    [kind.numberColumn]: parsed.value,
    qualifier,
    low,
    high,
    source: source.id,
    quote,
    lang,
    confidence: cells.confidence?.trim(),
    quoteCheck,
    notes: optional(cells.notes),
    ...(forecast ? { forecast: true } : {}),
  });
  if (result.success) return result.data;
  for (const z of zodIssues(result.error, cells))
    bad(
      z.column === 'quoteCheck'
        ? 'quote_check'
        : z.column === 'low' || z.column === 'high'
          ? kind.numberColumn
          : z.column,
      z.message,
    );
  ctx.unreadable.record.set(id, `${file}:${line}`);
  return undefined;
}

function readRecords<T extends { id: string }>(ctx: LoadContext, kind: RecordKind<T>): ReadRecord<T>[] {
  const out: ReadRecord<T>[] = [];
  for (const path of listFiles(join(ctx.root, kind.folder), ['.csv'])) {
    const { file, table, usable } = readCsv(ctx, path, kind.columns, kind.required);
    // Rows that cannot be read still declare the id they would have, so no reference to it cascades.
    for (const b of table.broken)
      ctx.unreadable.record.set(keyOfCells(ctx, kind, naiveCells(table.header, b.raw)), `${file}:${b.line}`);
    for (const { line, cells, fieldCount } of table.rows) {
      if (!usable || fieldCount !== table.header.length) {
        ctx.unreadable.record.set(keyOfCells(ctx, kind, cells), `${file}:${line}`);
        continue;
      }
      const record = readRow(ctx, kind, file, line, cells);
      if (record) out.push({ record, file, row: line });
    }
  }
  return out;
}

function readGeos(ctx: LoadContext): GeoEntry[] {
  const path = join(ctx.root, 'geos.csv');
  let read: ReadCsv;
  try {
    read = readCsv(
      ctx,
      path,
      ['id', 'level', 'cut', 'roman', 'name_es', 'name_en'],
      ['id', 'level', 'name_es', 'name_en'],
    );
  } catch {
    ctx.issues.push({
      file: ctx.rel(path),
      message: 'missing geos.csv (id,level,cut,roman,name_es,name_en)',
    });
    return [];
  }
  const out: GeoEntry[] = [];
  for (const b of read.table.broken)
    ctx.unreadable.geo.set(b.raw.split(',')[0] ?? '', `${read.file}:${b.line}`);
  for (const { line, cells } of read.table.rows) {
    const candidate = {
      id: cells.id,
      level: cells.level,
      ...(cells.cut ? { cut: Number(cells.cut) } : {}),
      ...(cells.roman ? { roman: cells.roman } : {}),
      name: { es: cells.name_es, en: cells.name_en },
    };
    const result = geoEntrySchema.safeParse(candidate);
    if (result.success) out.push(result.data);
    else {
      ctx.unreadable.geo.set(cells.id ?? '', `${read.file}:${line}`);
      for (const z of zodIssues(result.error, candidate))
        ctx.issues.push({
          file: read.file,
          row: line,
          column: z.column.startsWith('name.') ? `name_${z.column.slice(5)}` : z.column,
          message: z.message,
        });
    }
  }
  return out;
}

/** Reports duplicate ids, naming both places. */
function checkUnique(ctx: LoadContext, what: string, items: { id: string; file: string; row: number }[]) {
  const seen = new Map<string, { file: string; row: number }>();
  for (const { id, file, row } of items) {
    const first = seen.get(id);
    if (first)
      ctx.issues.push({
        file,
        row,
        message: `duplicate ${what} "${id}": also at ${first.file}:${first.row}`,
        hint:
          what === 'record'
            ? 'the same indicator, geo, period and source appear twice: keep one, or split the source'
            : 'ids must be unique: rename one, or merge them',
      });
    else seen.set(id, { file, row });
  }
}

export { canonicalJson };

/** Checks a YAML record's references (source, indicators, evidence, geo), each on its own line. */
function checkYamlRefs(
  ctx: LoadContext,
  item: YamlRecord<{ source: string; indicators: string[]; evidence?: string[]; geo?: string[] }>,
) {
  const { record, file } = item;
  const check = (
    kind: RefKind,
    path: PropertyKey[],
    id: string,
    define: string,
    candidates: () => Iterable<string>,
  ) => {
    const r = unknownRef(ctx, kind, id, candidates, define);
    if (r && r !== 'unreadable')
      ctx.issues.push({
        file,
        row: item.lineOf(path),
        column: path.map(String).join('.'),
        message: r.message,
        hint: r.hint,
      });
  };
  check('source', ['source'], record.source, 'define it in data/sources/*.yaml first', () =>
    ctx.sources.keys(),
  );
  for (const [k, id] of record.indicators.entries())
    check('indicator', ['indicators', k], id, 'define it in data/indicators/*.yaml first', () =>
      ctx.indicators.keys(),
    );
  for (const [k, id] of (record.evidence ?? []).entries())
    check(
      'record',
      ['evidence', k],
      id,
      'evidence names an observation (indicator:geo:period:source) or a change (indicator:geo:from/to:source)',
      () => ctx.where.keys(),
    );
  for (const [k, id] of (record.geo ?? []).entries())
    check('geo', ['geo', k], id, 'use a code listed in data/geos.csv', () => ctx.geos.keys());
}

/**
 * Loads and validates the data folder, reporting every problem in one pass. Returns the dataset only when
 * there are none (problems of records named in data/known-issues.yaml are returned as `allowed`).
 * @example const { dataset, issues } = loadDataset('packages/core/data')
 */
export function loadDataset(dataDir: string, options: { base?: string } = {}): LoadResult {
  const base = options.base ?? join(dataDir, '..');
  const ctx: LoadContext = {
    root: dataDir,
    issues: [],
    rel: (p) => relative(base, p),
    geos: new Map(),
    cutAlias: new Map(),
    sources: new Map(),
    indicators: new Map(),
    where: new Map(),
    unreadable: { indicator: new Map(), source: new Map(), geo: new Map(), record: new Map() },
  };

  const geos = readGeos(ctx);
  for (const g of geos) {
    ctx.geos.set(g.id, g);
    if (g.cut !== undefined) ctx.cutAlias.set(String(g.cut), g.id);
  }

  const sources = readYamlRecords(ctx, 'sources', sourceSchema, 'source');
  checkUnique(
    ctx,
    'source id',
    sources.map((s) => ({ id: s.record.id, file: s.file, row: s.line })),
  );
  for (const s of sources) ctx.sources.set(s.record.id, s.record);
  for (const item of sources)
    if (item.record.via) {
      const r = unknownRef(
        ctx,
        'source',
        item.record.via,
        () => ctx.sources.keys(),
        'name a source defined in data/sources/*.yaml',
      );
      if (r && r !== 'unreadable')
        ctx.issues.push({
          file: item.file,
          row: item.lineOf(['via']),
          column: 'via',
          message: r.message,
          hint: r.hint,
        });
    }

  const indicators = readYamlRecords(ctx, 'indicators', indicatorSchema, 'indicator');
  checkUnique(
    ctx,
    'indicator id',
    indicators.map((i) => ({ id: i.record.id, file: i.file, row: i.line })),
  );
  for (const i of indicators) ctx.indicators.set(i.record.id, i.record);

  const observationRows = [...readRecords(ctx, OBSERVATIONS), ...loadTables(ctx)];
  const changeRows = readRecords(ctx, CHANGES);
  const allRows = [...observationRows, ...changeRows];
  checkUnique(
    ctx,
    'record',
    allRows.map((r) => ({ id: r.record.id, file: r.file, row: r.row })),
  );
  for (const r of allRows)
    if (!ctx.where.has(r.record.id))
      ctx.where.set(r.record.id, { file: r.file, row: r.row, ...(r.table ? { table: true as const } : {}) });

  const statements = readYamlRecords(ctx, 'statements', statementSchema);
  checkUnique(
    ctx,
    'statement id',
    statements.map((s) => ({ id: s.record.id, file: s.file, row: s.line })),
  );
  for (const item of statements) checkYamlRefs(ctx, item);

  const events = readYamlRecords(ctx, 'events', eventSchema);
  checkUnique(
    ctx,
    'event id',
    events.map((e) => ({ id: e.record.id, file: e.file, row: e.line })),
  );
  for (const item of events) checkYamlRefs(ctx, item);

  const corrections = readCorrections(ctx);
  const metaInput = readMeta(ctx);
  const allowed = applyKnownIssues(ctx);

  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const records = {
    geos,
    sources: sources.map((s) => s.record).sort(byId),
    indicators: indicators.map((i) => i.record).sort(byId),
    observations: observationRows
      .map((r) => r.record)
      .sort(
        (a, b) =>
          (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0) ||
          (a.geo < b.geo ? -1 : a.geo > b.geo ? 1 : 0) ||
          comparePeriods(a.period, b.period) ||
          byId(a, b),
      ),
    changes: changeRows.map((r) => r.record).sort(byId),
    statements: statements.map((s) => s.record).sort(byId),
    events: events
      .map((e) => e.record)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || byId(a, b)),
  } satisfies Omit<Dataset, 'meta' | 'corrections'>;

  const contentHash = createHash('sha256').update(canonicalJson(records)).digest('hex');
  const version = String(metaInput.version ?? '');
  const meta = datasetMetaSchema.safeParse({
    name: metaInput.name,
    version,
    licence: metaInput.licence,
    citation:
      typeof metaInput.citation === 'string'
        ? metaInput.citation.replace('{version}', version)
        : metaInput.citation,
    qualifierPolicy: QUALIFIER_POLICY_VERSION,
    contentHash,
    builtFrom: 'packages/core/data',
  } satisfies Record<keyof DatasetMeta, unknown>);
  if (!meta.success)
    for (const z of zodIssues(meta.error, metaInput))
      ctx.issues.push({ file: ctx.rel(join(dataDir, 'dataset.yaml')), column: z.column, message: z.message });

  if (ctx.issues.length > 0 || !meta.success) return { issues: ctx.issues, allowed };
  return { dataset: { meta: meta.data, ...records, corrections }, issues: [], allowed };
}

/** data/dataset.yaml: name, version, licence, citation. */
function readMeta(ctx: LoadContext): Record<string, unknown> {
  const metaPath = join(ctx.root, 'dataset.yaml');
  try {
    const parsed = parseYamlObject(readFileSync(metaPath, 'utf8'));
    for (const e of parsed.errors)
      ctx.issues.push({ file: ctx.rel(metaPath), row: e.line, message: `YAML syntax: ${e.message}` });
    return (parsed.value ?? {}) as Record<string, unknown>;
  } catch {
    ctx.issues.push({
      file: ctx.rel(metaPath),
      message: 'missing dataset.yaml (name, version, licence, citation)',
    });
    return {};
  }
}

/** data/corrections.yaml: the corrections log (checked against the kept releases by checkReleases). */
function readCorrections(ctx: LoadContext): Correction[] {
  if (!existsSync(join(ctx.root, 'corrections.yaml'))) return [];
  return readYamlFile(ctx, 'corrections.yaml', correctionSchema).map((c) => c.record);
}

/** A YAML file at the top of data/ holding a list of records. */
function readYamlFile<T>(ctx: LoadContext, name: string, schema: z.ZodType<T>): YamlRecord<T>[] {
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

const knownIssueSchema = z
  .object({
    record: z.string().min(1),
    rule: z.enum(KNOWN_ISSUE_RULES),
    why: z.string().min(1),
  })
  .strict();

/**
 * data/known-issues.yaml: real records a check flags and that a correction will fix, each with why.
 * Their problems move from `issues` to `allowed`; an entry that matches no problem is itself a problem
 * (the record was fixed: remove the entry), so the list can only shrink.
 */
function applyKnownIssues(ctx: LoadContext): DataIssue[] {
  if (!existsSync(join(ctx.root, 'known-issues.yaml'))) return [];
  const entries = readYamlFile(ctx, 'known-issues.yaml', knownIssueSchema);
  const allowed: DataIssue[] = [];
  const used = new Set<YamlRecord<z.infer<typeof knownIssueSchema>>>();
  ctx.issues = ctx.issues.filter((issue) => {
    const entry = entries.find((e) => e.record.record === issue.record && e.record.rule === issue.rule);
    if (!entry) return true;
    used.add(entry);
    allowed.push(issue);
    return false;
  });
  for (const e of entries)
    if (!used.has(e))
      ctx.issues.push({
        file: e.file,
        row: e.line,
        column: 'record',
        message: `no ${e.record.rule} problem left for "${e.record.record}"`,
        hint: 'the record passes now (or its id changed): remove this entry',
      });
  return allowed;
}

export type { Event, Statement };
