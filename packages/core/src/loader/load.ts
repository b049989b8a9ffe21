// Reads every file under data/, validates it with the zod schemas once, and returns the compiled
// dataset or every problem found (file:row:column), in one pass: each cell is checked on its own, a
// row or file that cannot be read costs only itself (its ids are known to be unreadable, so nothing
// else reports them "unknown"), and an unknown id comes with the closest known one. Node-only: used by
// the build and the tests, never at request time.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { placeIndex } from '../places/index.js';
import { QUALIFIER_POLICY_VERSION } from '../qualifiers/index.js';
import { canonicalJson } from '../releases/hash.js';
import { type Correction, correctionSchema } from '../releases/schema.js';
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
  type Statement,
  sourceSchema,
  statementSchema,
} from '../schemas/index.js';
import { comparePeriods } from '../schemas/period.js';
import {
  type LoadContext,
  type ReadCsv,
  type RefKind,
  readCsv,
  readYamlFile,
  readYamlRecords,
  unknownRef,
  type YamlRecord,
  zodIssues,
} from './context.js';
import { applyDerived } from './derived.js';
import type { DataIssue } from './issues.js';
import { applyKnownIssues } from './known-issues.js';
import { checkPlaces } from './places.js';
import { CHANGES, OBSERVATIONS, readRecords } from './rows.js';
import { loadStoreTables, type StoreTable } from './store-tables.js';
import { loadTables } from './tables.js';
import { parseYamlObject } from './yaml.js';

export type { LoadContext, RefKind, YamlRecord } from './context.js';
export { listFiles, resolveGeo, zodIssues } from './context.js';
export type { ReadRecord } from './rows.js';

export interface LoadResult {
  dataset?: Dataset;
  issues: DataIssue[];
  /**
   * With `storeTables`: the store tables (data/tables/ with `into: store`), validated in the same pass;
   * `'deferred'` when places, sources or indicators could not all be read, since every row of a store
   * table refers to them and would only repeat that problem.
   */
  tables?: StoreTable[] | 'deferred';
  /** Problems of real records that data/known-issues.yaml names, kept out of `issues` until fixed. */
  allowed: DataIssue[];
}

const GEO_COLUMNS = ['id', 'level', 'cut', 'roman', 'name_es', 'name_en', 'parent', 'variants'];

/** data/geos.csv: the places, each with its parent and the other spellings the sources use. */
function readGeos(ctx: LoadContext): GeoEntry[] {
  const path = join(ctx.root, 'geos.csv');
  let read: ReadCsv;
  try {
    read = readCsv(ctx, path, GEO_COLUMNS, ['id', 'level', 'name_es', 'name_en']);
  } catch {
    ctx.issues.push({ file: ctx.rel(path), message: `missing geos.csv (${GEO_COLUMNS.join(',')})` });
    return [];
  }
  const out: { record: GeoEntry; file: string; line: number }[] = [];
  for (const b of read.table.broken)
    ctx.unreadable.geo.set(b.raw.split(',')[0] ?? '', `${read.file}:${b.line}`);
  for (const { line, cells } of read.table.rows) {
    const candidate = {
      id: cells.id,
      level: cells.level,
      ...(cells.cut ? { cut: Number(cells.cut) } : {}),
      ...(cells.roman ? { roman: cells.roman } : {}),
      ...(cells.parent ? { parent: cells.parent } : {}),
      name: { es: cells.name_es, en: cells.name_en },
      // Variants are separated by "|": names contain spaces, dots and apostrophes, never a bar.
      ...(cells.variants ? { variants: cells.variants.split('|').map((v) => v.trim()) } : {}),
    };
    const result = geoEntrySchema.safeParse(candidate);
    if (result.success) out.push({ record: result.data, file: read.file, line });
    else {
      ctx.unreadable.geo.set(cells.id ?? '', `${read.file}:${line}`);
      for (const z of zodIssues(result.error, candidate))
        ctx.issues.push({
          file: read.file,
          row: line,
          column: z.column.startsWith('name.')
            ? `name_${z.column.slice(5)}`
            : z.column.replace(/^variants\.\d+$/, 'variants'),
          message: z.message,
        });
    }
  }
  checkUnique(
    ctx,
    'place',
    out.map((g) => ({ id: g.record.id, file: g.file, row: g.line })),
  );
  checkPlaces(ctx, out);
  return out.map((g) => g.record);
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

/**
 * What an indicator says of others: `shareOf` names a known indicator and sits on a percent or share;
 * `partOf` names a known indicator in the same unit, without a loop; `shareOfGeo` is a known place.
 */
function checkIndicatorRelations(ctx: LoadContext, items: YamlRecord<Indicator>[]) {
  for (const item of items) {
    const { record: i, file } = item;
    const issue = (column: string, message: string, hint?: string) =>
      ctx.issues.push({ file, row: item.lineOf([column]), column, message, ...(hint ? { hint } : {}) });
    const known = (column: string, kind: RefKind, id: string, define: string) => {
      const r = unknownRef(
        ctx,
        kind,
        id,
        () => (kind === 'geo' ? ctx.geos.keys() : ctx.indicators.keys()),
        define,
      );
      if (r && r !== 'unreadable') issue(column, r.message, r.hint);
      return r === undefined;
    };
    if (i.shareOf !== undefined) {
      known('shareOf', 'indicator', i.shareOf, 'name an indicator defined in data/indicators/*.yaml');
      if (i.unit !== 'percent' && i.unit !== 'share')
        issue('shareOf', `only a percent or share is a share of something; ${i.id} is in ${i.unit}`);
    }
    if (i.shareOfGeo !== undefined) {
      known('shareOfGeo', 'geo', i.shareOfGeo, 'use a place listed in data/geos.csv');
      if (i.shareOf === undefined) issue('shareOfGeo', 'expected shareOf beside shareOfGeo');
    }
    if (i.partOf !== undefined) {
      const whole = ctx.indicators.get(i.partOf);
      if (!whole)
        known('partOf', 'indicator', i.partOf, 'name an indicator defined in data/indicators/*.yaml');
      else if (whole.unit !== i.unit)
        issue(
          'partOf',
          `a part is in the unit of its whole: ${i.id} is in ${i.unit}, ${whole.id} in ${whole.unit}`,
        );
      const seen = new Set([i.id]);
      for (let up = whole; up?.partOf !== undefined; up = ctx.indicators.get(up.partOf)) {
        if (seen.has(up.partOf)) {
          issue('partOf', `"${i.id}" is, through partOf, a part of itself`, [...seen].join(' → '));
          break;
        }
        seen.add(up.partOf);
      }
    }
  }
}

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
export function loadDataset(
  dataDir: string,
  options: { base?: string; storeTables?: boolean } = {},
): LoadResult {
  const base = options.base ?? join(dataDir, '..');
  const ctx: LoadContext = {
    root: dataDir,
    issues: [],
    rel: (p) => relative(base, p),
    geos: new Map(),
    places: placeIndex<GeoEntry>([]),
    sources: new Map(),
    indicators: new Map(),
    where: new Map(),
    unreadable: { indicator: new Map(), source: new Map(), geo: new Map(), record: new Map() },
  };

  const geos = readGeos(ctx);
  for (const g of geos) ctx.geos.set(g.id, g);
  ctx.places = placeIndex(geos);

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
  checkIndicatorRelations(ctx, indicators);

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

  // Figures converted from another figure inherit its interval (derived.ts), once every row is read.
  ctx.issues.push(
    ...applyDerived(allRows as unknown as Parameters<typeof applyDerived>[0], (id) =>
      unknownRef(
        ctx,
        'record',
        id,
        () => ctx.where.keys(),
        'derived_from names an observation (indicator:geo:period:source) or a change (indicator:geo:from/to:source)',
      ),
    ),
  );

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
  const tables = options.storeTables ? readStoreTables(ctx, geos, base) : undefined;
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
    // releaseDate: set by the build from the kept release these records are (scripts/build-data.ts).
  } satisfies Record<Exclude<keyof DatasetMeta, 'releaseDate'>, unknown>);
  if (!meta.success)
    for (const z of zodIssues(meta.error, metaInput))
      ctx.issues.push({ file: ctx.rel(join(dataDir, 'dataset.yaml')), column: z.column, message: z.message });

  const withTables = tables === undefined ? {} : { tables };
  if (ctx.issues.length > 0 || !meta.success) return { issues: ctx.issues, allowed, ...withTables };
  return { dataset: { meta: meta.data, ...records, corrections }, issues: [], allowed, ...withTables };
}

/** The store tables, checked against the places, sources and indicators read, when all could be read. */
function readStoreTables(ctx: LoadContext, geos: GeoEntry[], base: string): StoreTable[] | 'deferred' {
  const { geo, source, indicator } = ctx.unreadable;
  if (geo.size + source.size + indicator.size > 0) return 'deferred';
  const known = { geos, sources: [...ctx.sources.values()], indicators: [...ctx.indicators.values()] };
  const { tables, issues } = loadStoreTables(ctx.root, known, { base });
  ctx.issues.push(...issues);
  return tables;
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

export type { Event, Statement };
