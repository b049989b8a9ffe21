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
import { listFiles } from './context.js';
import { CsvSyntaxError, scanCsv } from './csv.js';
import { type DataIssue, shown } from './issues.js';
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
  if (Object.keys(spec.indicators ?? {}).length + Object.keys(spec.skip ?? {}).length >= 4096) {
    specIssue('indicators', 'a store table maps fewer than 4,096 categories');
    return undefined;
  }

  let text: string;
  try {
    const bytes = readFileSync(path);
    // One output chunk large enough for the whole table spares zlib a concatenating copy.
    text = (path.endsWith('.gz') ? gunzipSync(bytes, { chunkSize: 1 << 25 }) : bytes).toString('utf8');
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
  /** Each geo cell → its place's slot (or the issue to repeat), for the name and parent cells it came with. */
  const placeOf = new Map<string, { name?: string; parent?: string; result: number | DataIssue }>();
  const firstLines = new FirstLines();
  const categoryNumber = new Map<string, number>();

  let header: string[] | undefined;
  /** Column positions, once the header is read (-1: the spec names no such column). */
  let col = { year: -1, month: -1, geo: -1, name: -1, parent: -1, category: -1, value: -1, vintage: -1 };
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
    const cached = placeOf.get(code);
    if (cached && cached.name === name && cached.parent === parent) return cached.result;
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
    placeOf.set(code, {
      ...(name === undefined ? {} : { name }),
      ...(parent === undefined ? {} : { parent }),
      result,
    });
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
      if (slot < 0) slot = indicators.push(id) - 1;
      result = slot;
    }
    categoryOf.set(category, result);
    return result;
  };

  try {
    scanCsv(text, (fields, line) => {
      if (!header) {
        header = fields.map((h) => h.trim());
        const at = (c: string | undefined) => (c === undefined ? -1 : (header as string[]).indexOf(c));
        const missing = required.filter((c) => at(c) < 0);
        if (missing.length)
          throw new MissingColumns(
            `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} named in ${specFile}`,
          );
        col = {
          year: at(spec.period),
          month: at(spec.month),
          geo: at(spec.geoColumn),
          name: at(spec.nameColumn),
          parent: at(spec.parentColumn),
          category: at(spec.indicatorColumn),
          value: at(spec.value),
          vintage: at(spec.vintageColumn),
        };
        return;
      }
      const bad = (column: string, message: string, hint?: string) =>
        push({ file, row: line, column, message, ...(hint ? { hint } : {}) });
      if (fields.length !== header.length) {
        bad('', `expected ${header.length} fields, got ${fields.length}`);
        return;
      }
      let ok = true;
      const yearText = fields[col.year] as string;
      const y = yearText.length === 4 ? wholeNumber(yearText) : -1;
      if (y < 0) {
        bad(spec.period, `expected a year such as 2024, got ${shown(yearText)}`);
        ok = false;
      }
      const monthText = col.month < 0 ? undefined : (fields[col.month] as string);
      const m = monthText === undefined ? 0 : monthText.length <= 2 ? wholeNumber(monthText) : -1;
      if (monthText !== undefined && (m < 1 || m > 12)) {
        bad(spec.month as string, `expected a month 1–12, got ${shown(monthText)}`);
        ok = false;
      }
      const placeResult = resolveRowPlace(
        fields[col.geo] as string,
        col.name < 0 ? undefined : fields[col.name],
        col.parent < 0 ? undefined : fields[col.parent],
      );
      if (typeof placeResult !== 'number') {
        push({ ...placeResult, row: line });
        ok = false;
      }
      const category = col.category < 0 ? '' : (fields[col.category] as string);
      const cat = categorySlot(category);
      if (typeof cat === 'object') {
        push({ ...cat, row: line });
        ok = false;
      }
      const valueText = fields[col.value] as string;
      const count = valueText.length <= 10 ? wholeNumber(valueText) : -1;
      if (count < 0 || count > 0xffffffff) {
        const unit = typeof cat === 'number' ? indicatorOf.get(indicators[cat] as string)?.unit : undefined;
        const p = parseValue(valueText, unit);
        if (p.ok) bad(spec.value, `expected a non-negative whole number, got ${shown(valueText)}`);
        else bad(spec.value, p.message, p.hint);
        ok = false;
      }
      const vintageText = col.vintage < 0 ? undefined : (fields[col.vintage] as string);
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

      let catNumber = categoryNumber.get(category);
      if (catNumber === undefined) {
        catNumber = categoryNumber.size;
        categoryNumber.set(category, catNumber);
      }
      // Place and category in one small-integer key: a spec maps fewer than 4,096 categories (checked).
      const first = firstLines.claim(placeResult * 4096 + catNumber, y, m, line);
      if (first) {
        bad(
          spec.value,
          `a second row for ${geos[placeResult]} ${shown(category || spec.indicator)} in ${m ? `${y}-${String(m).padStart(2, '0')}` : y}`,
          `the first is on line ${first}; keep one`,
        );
        return;
      }
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
    });
  } catch (e) {
    if (e instanceof CsvSyntaxError) push({ file, row: e.line, message: `CSV syntax: ${e.message}` });
    else if (e instanceof MissingColumns) push({ file, row: 1, message: e.message });
    else throw e;
    finish();
    return undefined;
  }

  // Every place of an indicator in each of its periods: a missing cell would make a region's sum wrong.
  for (const gap of gaps(indicators.length, geos.length, rows, indicator, geo, year, month))
    push({
      file,
      message: `${indicators[gap.indicator]} has ${gap.places} of its ${gap.of} places in ${gap.period}${gap.more ? ` (and ${gap.more} more periods with gaps)` : ''}`,
      hint: 'every place needs a row in every period of its indicator, or the region and national sums would be short',
    });
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

/** The value of a string of decimal digits, or -1 (empty, a sign, a separator, a letter). */
function wholeNumber(text: string): number {
  if (text.length === 0) return -1;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The first line of each cell, per series (place × category), in arrays that grow with the years seen:
 * a duplicate is found, and named with the line of the first, without a map entry per cell.
 */
class FirstLines {
  private readonly bySeries = new Map<number, { y0: number; lines: Int32Array }>();

  /** Records `line` for the cell and returns 0, or returns the line that has it already. */
  claim(series: number, y: number, m: number, line: number): number {
    let s = this.bySeries.get(series);
    if (!s) {
      s = { y0: y, lines: new Int32Array(13 * 16) };
      this.bySeries.set(series, s);
    }
    if (y < s.y0 || (y - s.y0 + 1) * 13 > s.lines.length) {
      const y0 = Math.min(s.y0, y);
      const years = Math.max(s.y0 + s.lines.length / 13, y + 1) - y0;
      const lines = new Int32Array(years * 2 * 13);
      lines.set(s.lines, (s.y0 - y0) * 13);
      s.y0 = y0;
      s.lines = lines;
    }
    const k = (y - s.y0) * 13 + m;
    const first = s.lines[k] as number;
    if (first) return first;
    s.lines[k] = line;
    return 0;
  }
}

/** Periods in which an indicator lacks some of its places: the first per indicator, and how many more. */
function gaps(
  nIndicators: number,
  nPlaces: number,
  rows: number,
  indicator: Uint8Array,
  geo: Uint16Array,
  year: Uint16Array,
  month: Uint8Array,
): { indicator: number; period: string; places: number; of: number; more: number }[] {
  const out: { indicator: number; period: string; places: number; of: number; more: number }[] = [];
  for (let ind = 0; ind < nIndicators; ind++) {
    let y0 = Number.POSITIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    for (let r = 0; r < rows; r++)
      if (indicator[r] === ind) {
        y0 = Math.min(y0, year[r] as number);
        y1 = Math.max(y1, year[r] as number);
      }
    if (y0 > y1) continue;
    const count = new Int32Array((y1 - y0 + 1) * 13);
    const places = new Uint8Array(nPlaces);
    for (let r = 0; r < rows; r++)
      if (indicator[r] === ind) {
        const k = ((year[r] as number) - y0) * 13 + (month[r] as number);
        count[k] = (count[k] as number) + 1;
        places[geo[r] as number] = 1;
      }
    const of = places.reduce((a, b) => a + b, 0);
    const short = [...count.keys()].filter((k) => count[k] && count[k] !== of);
    const k = short[0];
    if (k === undefined) continue;
    const y = y0 + Math.floor(k / 13);
    const m = k % 13;
    out.push({
      indicator: ind,
      period: m ? `${y}-${String(m).padStart(2, '0')}` : String(y),
      places: count[k] as number,
      of,
      more: short.length - 1,
    });
  }
  return out;
}
