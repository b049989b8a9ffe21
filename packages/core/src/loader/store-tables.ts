// Store tables: published tables too large to become one observation per row (CEAD police cases per
// comuna and month: 211,140 rows), kept verbatim under data/tables/ (gzip allowed) with a spec whose
// `into: store` says the columnar store (@mt0/store) holds them. Validated here, once, at build, with
// file:row:column issues; handed over as typed columns. Node-only, like the rest of the loader.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { type PlaceIndex, placeIndex, resolvePlace } from '../places/index.js';
import {
  confidenceSchema,
  type GeoEntry,
  geoLevelSchema,
  type Indicator,
  idSchema,
  languageSchema,
  type Source,
} from '../schemas/index.js';
import { CsvSyntaxError, scanCsv } from './csv.js';
import { type DataIssue, shown } from './issues.js';
import { listFiles } from './load.js';
import { indicatorMapping, oneIndicatorMapping } from './tables.js';
import { parseValue } from './values.js';
import { parseYamlObject } from './yaml.js';

export const storeTableSpecSchema = z
  .object({
    into: z.literal('store').describe('Held by the columnar store, not expanded into observations.'),
    file: z
      .string()
      .regex(/^[\w.-]+\.csv(\.gz)?$/, 'expected a CSV (or gzip CSV) file name in the same folder'),
    description: z.string().optional(),
    source: idSchema,
    confidence: confidenceSchema,
    lang: languageSchema,
    level: geoLevelSchema.describe('Level of every row’s place (comuna).'),
    geoColumn: z.string().describe('Column holding the place’s CUT code (or id).'),
    nameColumn: z
      .string()
      .optional()
      .describe('Column holding the place’s name as the file spells it: a name or variant in data/geos.csv.'),
    parentColumn: z
      .string()
      .optional()
      .describe('Column holding the CUT code (or id) of the place’s parent: a comuna’s region.'),
    period: z.string().describe('Column holding the year.'),
    month: z.string().optional().describe('Column holding the month (1–12), for monthly tables.'),
    value: z.string().describe('Column holding the count: a non-negative whole number.'),
    ...indicatorMapping, // skipped rows are still validated
    vintageColumn: z
      .string()
      .optional()
      .describe('Column saying which upstream file (vintage) a row came from.'),
    vintages: z
      .record(z.string(), z.string())
      .optional()
      .describe('Code in vintageColumn → what that upstream file is.'),
    notes: z.string().optional(),
  })
  .strict()
  .refine(...oneIndicatorMapping)
  .refine((s) => (s.vintageColumn === undefined) === (s.vintages === undefined), {
    message: 'give vintageColumn and vintages together',
  });
export type StoreTableSpec = z.infer<typeof storeTableSpecSchema>;

/** One validated store table as typed columns; row `i` of every column is one cell of the table. */
export interface StoreTable {
  /** The spec (data/tables/cead-comuna.yaml) and the table file it names, relative to the package. */
  specFile: string;
  file: string;
  spec: StoreTableSpec;
  /** Monthly when the spec names a month column, else yearly. */
  resolution: 'month' | 'year';
  /** Indicator ids; `indicator[i]` indexes this list. */
  indicators: string[];
  /** Place ids; `geo[i]` indexes this list. */
  geos: string[];
  /** Vintage codes (A, B, C); `vintage[i]` indexes this list, or is 255 when the table has none. */
  vintages: string[];
  /** Categories left out, with the reason and the number of rows (still validated). */
  skipped: { category: string; reason: string; rows: number }[];
  rows: number;
  geo: Uint16Array;
  indicator: Uint8Array;
  year: Uint16Array;
  /** 1–12, or 0 in a yearly table. */
  month: Uint8Array;
  value: Uint32Array;
  vintage: Uint8Array;
}

/** What the store tables are checked against: the compiled (or freshly loaded) dataset's records. */
export interface KnownRecords {
  geos: readonly GeoEntry[];
  indicators: readonly Indicator[];
  sources: readonly Source[];
}

/** Problems reported per table file before the rest are only counted (a wrong column would flood). */
const MAX_ISSUES_PER_FILE = 50;
const NO_VINTAGE = 255;

/**
 * Reads and validates every `into: store` spec in data/tables/ and the table it names: each row needs
 * a year, a month 1–12 (monthly tables), a known place of the spec's level whose name and parent match
 * the row, a known category, and a non-negative whole number; no cell twice; and every place of an
 * indicator present in each of its periods (region and national sums are computed from these rows).
 * @example const { tables, issues } = loadStoreTables('packages/core/data', dataset)
 */
export function loadStoreTables(
  dataDir: string,
  known: KnownRecords,
  options: { base?: string } = {},
): { tables: StoreTable[]; issues: DataIssue[] } {
  const base = options.base ?? join(dataDir, '..');
  const rel = (p: string) => relative(base, p);
  const issues: DataIssue[] = [];
  const tables: StoreTable[] = [];
  const places = placeIndex(known.geos);
  const dir = join(dataDir, 'tables');
  for (const specPath of listFiles(dir, ['.yaml', '.yml'])) {
    const specFile = rel(specPath);
    const parsed = parseYamlObject(readFileSync(specPath, 'utf8'));
    const value = parsed.value as { into?: unknown } | undefined;
    if (parsed.errors.length || value?.into !== 'store') continue; // loadDataset reports and reads these
    const spec = storeTableSpecSchema.safeParse(value);
    if (!spec.success) {
      for (const iss of spec.error.issues)
        issues.push({ file: specFile, column: iss.path.map(String).join('.'), message: iss.message });
      continue;
    }
    const table = readStoreTable(spec.data, join(dir, spec.data.file), specFile, rel, places, known, issues);
    if (table) tables.push(table);
  }
  return { tables, issues };
}

function readStoreTable(
  spec: StoreTableSpec,
  path: string,
  specFile: string,
  rel: (p: string) => string,
  places: PlaceIndex<GeoEntry>,
  known: KnownRecords,
  allIssues: DataIssue[],
): StoreTable | undefined {
  const file = rel(path);
  const issues: DataIssue[] = [];
  let dropped = 0;
  const push = (issue: DataIssue) => {
    if (issues.length < MAX_ISSUES_PER_FILE) issues.push(issue);
    else dropped += 1;
  };
  const finish = () => {
    allIssues.push(...issues);
    if (dropped)
      allIssues.push({
        file,
        message: `… and ${dropped} more problem${dropped === 1 ? '' : 's'} in this file`,
      });
  };
  const specIssue = (column: string, message: string) => allIssues.push({ file: specFile, column, message });

  if (!known.sources.some((s) => s.id === spec.source)) {
    specIssue('source', `unknown source "${spec.source}"`);
    return undefined;
  }
  const indicatorOf = new Map(known.indicators.map((i) => [i.id, i]));
  for (const [column, id] of [
    ['indicator', spec.indicator],
    ...Object.entries(spec.indicators ?? {}).map(([k, id]) => [`indicators.${k}`, id]),
  ] as const)
    if (id !== undefined && !indicatorOf.has(id)) specIssue(column, `unknown indicator "${id}"`);
  const units = [spec.indicator, ...Object.values(spec.indicators ?? {})].flatMap((id) => {
    const unit = id === undefined ? undefined : indicatorOf.get(id)?.unit;
    return unit && unit !== 'count' && unit !== 'persons' ? [`${id} (${unit})`] : [];
  });
  if (units.length) specIssue('indicators', `store tables hold whole counts; ${units.join(', ')} is not one`);

  let text: string;
  try {
    const bytes = readFileSync(path);
    text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (e) {
    specIssue(
      'file',
      `cannot read ${shown(spec.file)} next to the spec (${(e as Error).message.split('\n')[0]})`,
    );
    return undefined;
  }

  // Capacity: one row per line at most.
  let capacity = 0;
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) capacity += 1;
  capacity += 1;
  const geo = new Uint16Array(capacity);
  const indicator = new Uint8Array(capacity);
  const year = new Uint16Array(capacity);
  const month = new Uint8Array(capacity);
  const value = new Uint32Array(capacity);
  const vintage = new Uint8Array(capacity);
  let rows = 0;

  const geos: string[] = [];
  const geoSlot = new Map<string, number>();
  const indicators: string[] = [];
  const vintages = Object.keys(spec.vintages ?? {});
  const skipped = new Map<string, number>();
  /** Each category cell → its indicator's slot, 'skip', or an issue to repeat on every such row. */
  const categoryOf = new Map<string, number | 'skip' | DataIssue>();
  /** Each geo cell (+ name + parent cells) → its place's slot, or the issue to repeat. */
  const placeOf = new Map<string, number | DataIssue>();
  /** Cell key → first line, to report a duplicate with both lines. Categories get their own numbers. */
  const seen = new Map<number, number>();
  const categoryNumber = new Map<string, number>();
  /** Per indicator slot: period key → number of places, and the places seen. */
  const grid: { periods: Map<number, number>; places: Set<number> }[] = [];

  let header: string[] | undefined;
  let at: Record<string, number> = {};
  const required = [
    spec.geoColumn,
    spec.period,
    spec.value,
    spec.nameColumn,
    spec.parentColumn,
    spec.month,
    spec.indicatorColumn,
    spec.vintageColumn,
  ].filter((c): c is string => c !== undefined);

  const resolveRowPlace = (code: string, name: string | undefined, parent: string | undefined) => {
    const key = `${code}\u0000${name ?? ''}\u0000${parent ?? ''}`;
    const cached = placeOf.get(key);
    if (cached !== undefined) return cached;
    const issue = (column: string, message: string, hint?: string): DataIssue => ({
      file,
      column,
      message,
      ...(hint ? { hint } : {}),
    });
    let result: number | DataIssue;
    const r = resolvePlace(places, code, { names: false });
    if (!r.ok)
      result = issue(
        spec.geoColumn,
        `unknown ${spec.level} code ${shown(code)}`,
        `every ${spec.level} needs a row in data/geos.csv`,
      );
    else if (r.place.level !== spec.level)
      result = issue(
        spec.geoColumn,
        `expected a ${spec.level} code, got ${shown(code)} (${r.place.id}, a ${r.place.level})`,
      );
    else if (
      name !== undefined &&
      name !== r.place.name.es &&
      name !== r.place.name.en &&
      !r.place.variants?.includes(name)
    )
      result = issue(
        spec.nameColumn ?? '',
        `${shown(name)} is not a name or variant of ${r.place.id} (${r.place.name.es})`,
        `if it is another spelling of the same place, add it to the variants of ${r.place.id} in data/geos.csv`,
      );
    else {
      const p = parent === undefined ? undefined : resolvePlace(places, parent, { names: false });
      const parentPlace = r.place.parent === undefined ? undefined : places.byId.get(r.place.parent);
      if (p && (!p.ok || p.place.id !== r.place.parent))
        result = issue(
          spec.parentColumn ?? '',
          `expected ${parentPlace?.cut ?? r.place.parent} (${r.place.parent}, where ${r.place.id} ${r.place.name.es} lies), got ${shown(parent)}`,
        );
      else {
        let slot = geoSlot.get(r.place.id);
        if (slot === undefined) {
          slot = geos.push(r.place.id) - 1;
          geoSlot.set(r.place.id, slot);
        }
        result = slot;
      }
    }
    placeOf.set(key, result);
    return result;
  };

  const categorySlot = (category: string) => {
    const cached = categoryOf.get(category);
    if (cached !== undefined) return cached;
    let result: number | 'skip' | DataIssue;
    const id = spec.indicator ?? spec.indicators?.[category];
    if (spec.indicatorColumn && spec.skip && category in spec.skip) result = 'skip';
    else if (!id || !indicatorOf.has(id))
      result = {
        file,
        column: spec.indicatorColumn ?? 'indicator',
        message: id ? `unknown indicator "${id}"` : `no indicator mapped for ${shown(category)}`,
        hint: `add it under indicators: or skip: (with the reason) in ${specFile}`,
      };
    else {
      let slot = indicators.indexOf(id);
      if (slot < 0) {
        slot = indicators.push(id) - 1;
        grid.push({ periods: new Map(), places: new Set() });
      }
      result = slot;
    }
    categoryOf.set(category, result);
    return result;
  };

  try {
    scanCsv(text, (fields, line) => {
      if (!header) {
        header = fields.map((h) => h.trim());
        at = Object.fromEntries(header.map((h, j) => [h, j]));
        const missing = required.filter((c) => at[c] === undefined);
        if (missing.length)
          throw new MissingColumns(
            `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} named in ${specFile}`,
          );
        return;
      }
      const bad = (column: string, message: string, hint?: string) =>
        push({ file, row: line, column, message, ...(hint ? { hint } : {}) });
      if (fields.length !== header.length) {
        bad('', `expected ${header.length} fields, got ${fields.length}`);
        return;
      }
      const cell = (column: string | undefined) =>
        column === undefined ? undefined : fields[at[column] as number];
      let ok = true;

      const yearText = cell(spec.period) as string;
      if (!/^\d{4}$/.test(yearText)) {
        bad(spec.period, `expected a year such as 2024, got ${shown(yearText)}`);
        ok = false;
      }
      const monthText = cell(spec.month);
      if (monthText !== undefined && !/^(0?[1-9]|1[0-2])$/.test(monthText)) {
        bad(spec.month as string, `expected a month 1–12, got ${shown(monthText)}`);
        ok = false;
      }
      const placeResult = resolveRowPlace(
        cell(spec.geoColumn) as string,
        cell(spec.nameColumn),
        cell(spec.parentColumn),
      );
      if (typeof placeResult !== 'number') {
        push({ ...placeResult, row: line });
        ok = false;
      }
      const category = spec.indicatorColumn ? (cell(spec.indicatorColumn) as string) : '';
      const cat = categorySlot(category);
      if (typeof cat === 'object') {
        push({ ...cat, row: line });
        ok = false;
      }
      const valueText = cell(spec.value) as string;
      const count = Number(valueText);
      if (!/^\d+$/.test(valueText) || count > 0xffffffff) {
        const unit = typeof cat === 'number' ? indicatorOf.get(indicators[cat] as string)?.unit : undefined;
        const p = parseValue(valueText, unit);
        if (p.ok) bad(spec.value, `expected a non-negative whole number, got ${shown(valueText)}`);
        else bad(spec.value, p.message, p.hint);
        ok = false;
      }
      const vintageText = cell(spec.vintageColumn);
      const vintageSlot = vintageText === undefined ? NO_VINTAGE : vintages.indexOf(vintageText);
      if (vintageSlot < 0) {
        bad(
          spec.vintageColumn as string,
          `expected one of ${vintages.join(' | ')}, got ${shown(vintageText)}`,
          `declare it under vintages: in ${specFile}`,
        );
        ok = false;
      }
      if (!ok || typeof placeResult !== 'number' || typeof cat === 'object') return;

      const y = Number(yearText);
      const m = monthText === undefined ? 0 : Number(monthText);
      let catNumber = categoryNumber.get(category);
      if (catNumber === undefined) {
        catNumber = categoryNumber.size;
        categoryNumber.set(category, catNumber);
      }
      const key = ((placeResult * 256 + catNumber) * 10000 + y) * 13 + m;
      const first = seen.get(key);
      if (first !== undefined) {
        bad(
          spec.value,
          `a second row for ${geos[placeResult]} ${shown(category || spec.indicator)} in ${m ? `${y}-${String(m).padStart(2, '0')}` : y}`,
          `the first is on line ${first}; keep one`,
        );
        return;
      }
      seen.set(key, line);
      if (cat === 'skip') {
        skipped.set(category, (skipped.get(category) ?? 0) + 1);
        return;
      }
      geo[rows] = placeResult;
      indicator[rows] = cat;
      year[rows] = y;
      month[rows] = m;
      value[rows] = count;
      vintage[rows] = vintageSlot;
      rows += 1;
      const g = grid[cat];
      if (g) {
        const period = y * 13 + m;
        g.periods.set(period, (g.periods.get(period) ?? 0) + 1);
        g.places.add(placeResult);
      }
    });
  } catch (e) {
    if (e instanceof CsvSyntaxError) push({ file, row: e.line, message: `CSV syntax: ${e.message}` });
    else if (e instanceof MissingColumns) push({ file, row: 1, message: e.message });
    else throw e;
    finish();
    return undefined;
  }

  // Every place of an indicator in each of its periods: a missing cell would make a region's sum wrong.
  for (const [slot, g] of grid.entries()) {
    const gaps = [...g.periods].filter(([, n]) => n !== g.places.size);
    if (!gaps.length) continue;
    const [period, n] = gaps[0] as [number, number];
    const y = Math.floor(period / 13);
    const m = period % 13;
    push({
      file,
      message: `${indicators[slot]} has ${n} of its ${g.places.size} places in ${m ? `${y}-${String(m).padStart(2, '0')}` : y}${gaps.length > 1 ? ` (and ${gaps.length - 1} more periods with gaps)` : ''}`,
      hint: 'every place needs a row in every period of its indicator, or the region and national sums would be short',
    });
  }
  finish();
  if (issues.length) return undefined;
  return {
    specFile,
    file,
    spec,
    resolution: spec.month === undefined ? 'year' : 'month',
    indicators,
    geos,
    vintages,
    skipped: [...skipped].map(([category, n]) => ({
      category,
      reason: spec.skip?.[category] ?? '',
      rows: n,
    })),
    rows,
    geo: geo.subarray(0, rows),
    indicator: indicator.subarray(0, rows),
    year: year.subarray(0, rows),
    month: month.subarray(0, rows),
    value: value.subarray(0, rows),
    vintage: vintage.subarray(0, rows),
  };
}

class MissingColumns extends Error {}
