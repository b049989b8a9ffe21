// Reads every file under data/, validates it with the zod schemas once, and returns the compiled
// dataset or every problem found (file:row:column). Node-only: used by the build and the tests,
// never at request time.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import {
  intervalFor,
  QUALIFIER_POLICY_VERSION,
  type Qualifier,
  qualifierSchema,
} from '../qualifiers/index.js';
import {
  type Dataset,
  type DatasetMeta,
  datasetMetaSchema,
  type Event,
  eventSchema,
  type GeoEntry,
  geoEntrySchema,
  type Indicator,
  indicatorSchema,
  type Observation,
  observationSchema,
  type ReportedChange,
  reportedChangeSchema,
  type Source,
  type Statement,
  sourceSchema,
  statementSchema,
} from '../schemas/index.js';
import { comparePeriods } from '../schemas/period.js';
import { CsvSyntaxError, type CsvTable, parseCsv } from './csv.js';
import { FORMULA_CHECKED_FIELDS, formulaIssue } from './formulas.js';
import { type DataIssue, shown } from './issues.js';
import { checkProvenance } from './provenance.js';
import { loadTables } from './tables.js';
import { parseValue } from './values.js';
import { parseYamlList, parseYamlObject } from './yaml.js';

export interface LoadResult {
  dataset?: Dataset;
  issues: DataIssue[];
}

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
  /** Where each observation or change was read, for problems found after reading (provenance). */
  where: Map<string, { file: string; row: number; table?: true }>;
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
function zodIssues(
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

function readYamlRecords<T>(
  ctx: LoadContext,
  folder: string,
  schema: z.ZodType<T>,
): { record: T; file: string; line: number }[] {
  const out: { record: T; file: string; line: number }[] = [];
  for (const path of listFiles(join(ctx.root, folder), ['.yaml', '.yml'])) {
    const file = ctx.rel(path);
    const parsed = parseYamlList(readFileSync(path, 'utf8'));
    for (const e of parsed.errors)
      ctx.issues.push({ file, row: e.line, message: `YAML syntax: ${e.message}` });
    for (const item of parsed.items) {
      for (const field of FORMULA_CHECKED_FIELDS) {
        const issue = formulaIssue(
          file,
          item.lineOf([field]),
          field,
          (item.value as Record<string, unknown>)?.[field],
        );
        if (issue) ctx.issues.push(issue);
      }
      const result = schema.safeParse(item.value);
      if (result.success) out.push({ record: result.data, file, line: item.line });
      else
        for (const z of zodIssues(result.error, item.value))
          ctx.issues.push({ file, row: item.lineOf(z.path), column: z.column, message: z.message });
    }
  }
  return out;
}

function readCsv(
  ctx: LoadContext,
  path: string,
  allowed: string[],
  required: string[],
): CsvTable | undefined {
  const file = ctx.rel(path);
  let table: CsvTable;
  try {
    table = parseCsv(readFileSync(path, 'utf8'));
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      ctx.issues.push({ file, row: e.line, message: `CSV syntax: ${e.message}` });
      return undefined;
    }
    throw e;
  }
  const unknown = table.header.filter((h) => !allowed.includes(h));
  const missing = required.filter((h) => !table.header.includes(h));
  if (unknown.length || missing.length) {
    ctx.issues.push({
      file,
      row: 1,
      message: [
        unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` : '',
        missing.length ? `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
      hint: `the header is ${allowed.join(',')}`,
    });
    return undefined;
  }
  for (const row of table.rows)
    if (row.fieldCount !== table.header.length)
      ctx.issues.push({
        file,
        row: row.line,
        message: `expected ${table.header.length} fields, got ${row.fieldCount}`,
        hint: 'quote any field that contains a comma: "like, this"',
      });
  return table;
}

/** Resolves a geo cell: ISO code, or a region's CUT number as an alias. */
export function resolveGeo(ctx: LoadContext, text: string): string | undefined {
  const t = text.trim();
  if (ctx.geos.has(t)) return t;
  return ctx.cutAlias.get(t);
}

/** Checks the cells shared by observations and changes; pushes issues, returns the typed pieces. */
function commonCells(ctx: LoadContext, file: string, line: number, cells: Record<string, string>) {
  const bad = (column: string, message: string, hint?: string) => {
    ctx.issues.push({ file, row: line, column, message, ...(hint ? { hint } : {}) });
    return undefined;
  };
  const indicator = ctx.indicators.get(cells.indicator ?? '');
  if (!indicator)
    bad(
      'indicator',
      `unknown indicator ${shown(cells.indicator)}`,
      'define it in data/indicators/*.yaml first',
    );
  const source = ctx.sources.get(cells.source ?? '');
  if (!source)
    bad('source', `unknown source ${shown(cells.source)}`, 'define it in data/sources/*.yaml first');
  const geo = resolveGeo(ctx, cells.geo ?? '');
  if (!geo)
    bad(
      'geo',
      `unknown geography ${shown(cells.geo)}`,
      'use CL, a region code such as CL-RM (or its CUT number 13), or a country code listed in data/geos.csv',
    );
  const q = qualifierSchema.safeParse(cells.qualifier);
  if (!q.success)
    bad('qualifier', `expected one of ${qualifierSchema.options.join(' | ')}, got ${shown(cells.qualifier)}`);
  const lang = cells.lang || source?.language;
  return { indicator, source, geo, qualifier: q.success ? (q.data as Qualifier) : undefined, lang };
}

function optional(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t ? t : undefined;
}

function validateRecord<T>(
  ctx: LoadContext,
  file: string,
  line: number,
  schema: z.ZodType<T>,
  candidate: Record<string, unknown>,
  columnOf: (field: string) => string,
): T | undefined {
  const result = schema.safeParse(candidate);
  if (result.success) return result.data;
  for (const z of zodIssues(result.error, candidate))
    ctx.issues.push({ file, row: line, column: columnOf(z.column), message: z.message });
  return undefined;
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
  /** Two period columns where the second must come after the first (a change's from and to). */
  ordered?: readonly [string, string];
  schema: z.ZodType<T>;
  /** Id and the kind's own fields from the cells. */
  fields(
    cells: Record<string, string>,
    key: { indicator: string; geo: string; source: string },
  ): Record<string, unknown>;
}

const OBSERVATIONS: RecordKind<Observation> = {
  folder: 'observations',
  columns: OBS_COLUMNS,
  required: REQUIRED_OBS,
  numberColumn: 'value',
  inIndicatorUnit: true,
  schema: observationSchema,
  fields: (cells, k) => ({ id: `${k.indicator}:${k.geo}:${cells.period}:${k.source}`, period: cells.period }),
};

const CHANGES: RecordKind<ReportedChange> = {
  folder: 'changes',
  columns: CHANGE_COLUMNS,
  required: REQUIRED_CHANGE,
  numberColumn: 'percent',
  inIndicatorUnit: false,
  ordered: ['from', 'to'],
  schema: reportedChangeSchema,
  fields: (cells, k) => ({
    id: `${k.indicator}:${k.geo}:${cells.from}/${cells.to}:${k.source}`,
    from: cells.from,
    to: cells.to,
  }),
};

function readRecords<T extends { id: string }>(ctx: LoadContext, kind: RecordKind<T>): T[] {
  const out: T[] = [];
  // Schema fields that are not columns of their own are reported on the column they come from.
  const columnOf = (field: string) =>
    field === 'quoteCheck' ? 'quote_check' : field === 'low' || field === 'high' ? kind.numberColumn : field;
  for (const path of listFiles(join(ctx.root, kind.folder), ['.csv'])) {
    const file = ctx.rel(path);
    const table = readCsv(ctx, path, kind.columns, kind.required);
    if (!table) continue;
    for (const { line, cells } of table.rows) {
      for (const column of FORMULA_CHECKED_FIELDS) {
        const issue = formulaIssue(file, line, column, cells[column]);
        if (issue) ctx.issues.push(issue);
      }
      const c = commonCells(ctx, file, line, cells);
      const parsed = parseValue(
        cells[kind.numberColumn] ?? '',
        kind.inIndicatorUnit ? c.indicator?.unit : undefined,
      );
      if (!parsed.ok)
        ctx.issues.push({
          file,
          row: line,
          column: kind.numberColumn,
          message: parsed.message,
          ...(parsed.hint ? { hint: parsed.hint } : {}),
        });
      if (!c.indicator || !c.source || !c.geo || !c.qualifier || !parsed.ok) continue;
      const [before, after] = kind.ordered ?? [];
      if (before && after && comparePeriods(cells[before] ?? '', cells[after] ?? '') >= 0)
        ctx.issues.push({
          file,
          row: line,
          column: after,
          message: `expected a period after ${before} (${cells[before]}), got ${shown(cells[after])}`,
        });
      const { low, high } = intervalFor(parsed.value, c.qualifier);
      const record = validateRecord(
        ctx,
        file,
        line,
        kind.schema,
        {
          ...kind.fields(cells, { indicator: c.indicator.id, geo: c.geo, source: c.source.id }),
          indicator: c.indicator.id,
          geo: c.geo,
          [kind.numberColumn]: parsed.value,
          qualifier: c.qualifier,
          low,
          high,
          source: c.source.id,
          quote: cells.quote,
          lang: c.lang,
          confidence: cells.confidence,
          quoteCheck: optional(cells.quote_check),
          notes: optional(cells.notes),
        },
        columnOf,
      );
      if (record) {
        out.push(record);
        ctx.where.set(record.id, { file, row: line });
      }
    }
  }
  return out;
}

function readGeos(ctx: LoadContext): GeoEntry[] {
  const path = join(ctx.root, 'geos.csv');
  const table = readCsv(
    ctx,
    path,
    ['id', 'level', 'cut', 'roman', 'name_es', 'name_en'],
    ['id', 'level', 'name_es', 'name_en'],
  );
  if (!table) return [];
  const out: GeoEntry[] = [];
  for (const { line, cells } of table.rows) {
    const entry = validateRecord(
      ctx,
      ctx.rel(path),
      line,
      geoEntrySchema,
      {
        id: cells.id,
        level: cells.level,
        ...(cells.cut ? { cut: Number(cells.cut) } : {}),
        ...(cells.roman ? { roman: cells.roman } : {}),
        name: { es: cells.name_es, en: cells.name_en },
      },
      (f) => (f.startsWith('name.') ? `name_${f.slice(5)}` : f),
    );
    if (entry) out.push(entry);
  }
  return out;
}

/** Reports duplicate ids, naming both places. */
function checkUnique<T extends { id: string }>(
  ctx: LoadContext,
  what: string,
  items: { record: T; file: string; line: number }[],
) {
  const seen = new Map<string, { file: string; line: number }>();
  for (const { record, file, line } of items) {
    const first = seen.get(record.id);
    if (first)
      ctx.issues.push({
        file,
        row: line,
        column: 'id',
        message: `duplicate ${what} id "${record.id}"`,
        hint: `first defined at ${first.file}:${first.line}`,
      });
    else seen.set(record.id, { file, line });
  }
}

/** Canonical JSON (sorted keys) so the content hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/**
 * Loads and validates the data folder. Returns the dataset only when there are no issues.
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
  };

  const geos = readGeos(ctx);
  for (const g of geos) {
    ctx.geos.set(g.id, g);
    if (g.cut !== undefined) ctx.cutAlias.set(String(g.cut), g.id);
  }

  const sources = readYamlRecords(ctx, 'sources', sourceSchema);
  checkUnique(ctx, 'source', sources);
  for (const s of sources) ctx.sources.set(s.record.id, s.record);
  for (const { record, file, line } of sources)
    if (record.via && !ctx.sources.has(record.via))
      ctx.issues.push({ file, row: line, column: 'via', message: `unknown source "${record.via}"` });

  const indicators = readYamlRecords(ctx, 'indicators', indicatorSchema);
  checkUnique(ctx, 'indicator', indicators);
  for (const i of indicators) ctx.indicators.set(i.record.id, i.record);

  const observations = [...readRecords(ctx, OBSERVATIONS), ...loadTables(ctx)];
  const changes = readRecords(ctx, CHANGES);
  const recordIds = new Set<string>();
  for (const r of [...observations, ...changes]) {
    if (recordIds.has(r.id))
      ctx.issues.push({
        file: 'data',
        message: `two records share the id "${r.id}"`,
        hint: 'the same indicator, geo, period and source appear twice: keep one, or split the source',
      });
    recordIds.add(r.id);
  }

  const checkRefs = (
    file: string,
    line: number,
    column: string,
    kind: 'indicator' | 'source' | 'record' | 'geo',
    ids: string[],
  ) => {
    for (const id of ids) {
      const known =
        kind === 'indicator'
          ? ctx.indicators.has(id)
          : kind === 'source'
            ? ctx.sources.has(id)
            : kind === 'geo'
              ? ctx.geos.has(id)
              : recordIds.has(id);
      if (!known) ctx.issues.push({ file, row: line, column, message: `unknown ${kind} "${id}"` });
    }
  };

  const statements = readYamlRecords(ctx, 'statements', statementSchema);
  checkUnique(ctx, 'statement', statements);
  for (const { record, file, line } of statements) {
    checkRefs(file, line, 'source', 'source', [record.source]);
    checkRefs(file, line, 'indicators', 'indicator', record.indicators);
    checkRefs(file, line, 'evidence', 'record', record.evidence);
  }

  const events = readYamlRecords(ctx, 'events', eventSchema);
  checkUnique(ctx, 'event', events);
  for (const { record, file, line } of events) {
    checkRefs(file, line, 'source', 'source', [record.source]);
    checkRefs(file, line, 'indicators', 'indicator', record.indicators);
    checkRefs(file, line, 'geo', 'geo', record.geo);
  }

  const metaPath = join(dataDir, 'dataset.yaml');
  let metaInput: Record<string, unknown> = {};
  try {
    const parsed = parseYamlObject(readFileSync(metaPath, 'utf8'));
    for (const e of parsed.errors)
      ctx.issues.push({ file: ctx.rel(metaPath), row: e.line, message: `YAML syntax: ${e.message}` });
    metaInput = (parsed.value ?? {}) as Record<string, unknown>;
  } catch {
    ctx.issues.push({
      file: ctx.rel(metaPath),
      message: 'missing dataset.yaml (name, version, licence, citation)',
    });
  }

  checkProvenance(ctx, observations, changes);

  if (ctx.issues.length > 0) return { issues: ctx.issues };

  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const records = {
    geos,
    sources: sources.map((s) => s.record).sort(byId),
    indicators: indicators.map((i) => i.record).sort(byId),
    observations: observations.sort(
      (a, b) =>
        (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0) ||
        (a.geo < b.geo ? -1 : a.geo > b.geo ? 1 : 0) ||
        comparePeriods(a.period, b.period) ||
        byId(a, b),
    ),
    changes: changes.sort(byId),
    statements: statements.map((s) => s.record).sort(byId),
    events: events
      .map((e) => e.record)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || byId(a, b)),
  } satisfies Omit<Dataset, 'meta'>;

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
  if (!meta.success) {
    for (const z of zodIssues(meta.error, metaInput))
      ctx.issues.push({ file: ctx.rel(metaPath), column: z.column, message: z.message });
    return { issues: ctx.issues };
  }
  return { dataset: { meta: meta.data, ...records }, issues: [] };
}

export type { Event, Statement };
