// The store's values as rows with their provenance, the shape the API returns (JSON and CSV) and the
// whole-table download is written in: one module, so that the download is byte for byte what the API
// streams for the same rows. Pure: it reads an opened store and is told the places' CUT codes and the
// sources' intermediaries by the caller (the API from its indexes, the build from the dataset).
//
// CSV goes series by series and skips the row objects: a whole-table export is 214,683 rows, and
// building an object and 18 cells per row took seconds where joining precomputed pieces takes a
// fraction of that (the store's bench prints both).

import { type CsvColumn, csvField, looksLikeFormula } from '@mt0/core/csv';
import { smallCountWarning } from '@mt0/core/metrics';
import type { PlaceLevel, StoreIndicator } from './layout.js';
import type { SeriesPoint, Store } from './read.js';

export type Resolution = 'month' | 'year';

/** One stored value as the API returns it: the value, its place and period, and where it comes from. */
export interface StoreObservation {
  id: string;
  indicator: string;
  geo: string;
  level: PlaceLevel;
  period: string;
  resolution: Resolution;
  value: number;
  /** Months summed into a yearly value of a monthly indicator (12: a whole year). */
  months?: number;
  /** `partial` when a yearly value has fewer than 12 months: never compare it with whole years. */
  periodStatus?: 'partial';
  /** INE population of the place that year. */
  population?: number;
  /** value / population × 100,000, when asked (`per100k=true`) for a count. */
  per100k?: number;
  source: string;
  /** The source the figures came through (the extraction), as the source record names it. */
  via?: string;
  confidence: string;
  /** Upstream file of the cells (A, B, C; `B+C` when a sum spans both); the store's meta says what each is. */
  vintage?: string;
  /** A comuna's own monthly value: the row of the data package's table it is (file and key columns). */
  row?: string;
  /** A value made at build: the sum of a region's comunas, or of a year's months. */
  derivation?: string;
  warnings?: { code: 'small_count'; message: string }[];
}

/** What the rows need to know beyond the store: a place's CUT code and a source's intermediary. */
export interface RowContext {
  place(geo: string): { level: PlaceLevel; cut?: number | undefined } | undefined;
  via(source: string): string | undefined;
}

export interface StoreQuery {
  indicators: readonly StoreIndicator[];
  /** Place ids, in the order rows are wanted. */
  geos: readonly string[];
  /** `undefined`: each indicator's own resolution. */
  resolution: Resolution | undefined;
  from: string | undefined;
  to: string | undefined;
  per100k: boolean;
}

/** One indicator × place of a query, with its number of rows. */
export interface Part {
  indicator: StoreIndicator;
  geo: string;
  resolution: Resolution;
  count: number;
}

const POPULATION = 'ine.population';
const isCount = (indicator: StoreIndicator) => indicator.id !== POPULATION;

/** Months since year 0 at the start (`end` false) or end of a bound such as 2018 or 2018-03. */
function monthOf(text: string | undefined, end: boolean): number | undefined {
  if (text === undefined) return undefined;
  const y = Number(text.slice(0, 4));
  if (text.length > 4) return y * 12 + Number(text.slice(5, 7)) - 1;
  return end ? y * 12 + 11 : y * 12;
}

/**
 * Each indicator × place of the query with its number of rows, worked out from the index alone.
 * @example plan(store, { indicators: [microtrafficking], geos: ['CL-02201'], resolution: 'year', from: '2018', to: undefined, per100k: false })
 * // [{ indicator: microtrafficking, geo: 'CL-02201', resolution: 'year', count: 8 }] (2018–2025: 8 years)
 */
export function plan(store: Store, q: StoreQuery): Part[] {
  const { year, month } = store.columns;
  const from = monthOf(q.from, false);
  const to = monthOf(q.to, true);
  const parts: Part[] = [];
  for (const indicator of q.indicators) {
    const resolution = q.resolution ?? indicator.resolution;
    if (resolution === 'month' && indicator.resolution === 'year') continue;
    for (const geo of q.geos) {
      const run = store.run(geo, indicator.id);
      if (!run || run.end <= run.start) continue;
      const at = (i: number) => (year[i] as number) * 12 + Math.max(0, (month[i] as number) - 1);
      let first = at(run.start);
      let last = at(run.end - 1);
      let lo = from ?? first;
      let hi = to ?? last;
      if (resolution === 'year') {
        // Rows (monthly or yearly) are dense, so whole years from the first to the last row's year;
        // month bounds select the years they fall in, as the store's series() does.
        first = Math.floor(first / 12);
        last = Math.floor(last / 12);
        lo = Math.floor(lo / 12);
        hi = Math.floor(hi / 12);
      }
      const count = Math.max(0, Math.min(last, hi) - Math.max(first, lo) + 1);
      if (count > 0) parts.push({ indicator, geo, resolution, count });
    }
  }
  return parts;
}

/** What every row of one part shares, worked out once per series. */
interface PartInfo {
  level: PlaceLevel;
  via: string | undefined;
  confidence: string;
  /** The table file of a comuna's own rows, without its folder. */
  file: string | undefined;
  cut: number | undefined;
  summed: number;
  sumOf: string;
}

function partInfo(ctx: RowContext, part: Part, summed: number): PartInfo {
  const place = ctx.place(part.geo);
  return {
    level: place?.level ?? 'comuna',
    via: ctx.via(part.indicator.source),
    confidence: part.indicator.confidence ?? 'B',
    file: part.indicator.file?.split('/').pop(),
    cut: place?.cut,
    summed,
    sumOf: place?.level === 'country' ? 'comunas of the country' : 'comunas in it',
  };
}

/** The rate per 100,000 and its small-count warning, when asked for and the population is known. */
function rate(part: Part, pt: SeriesPoint, per100k: boolean) {
  if (!per100k || !isCount(part.indicator) || !pt.population) return undefined;
  const small = smallCountWarning(pt.value, `${part.indicator.id} ${part.geo} ${pt.period}`);
  return {
    per100k: (pt.value / pt.population) * 100_000,
    warnings: small ? [{ code: 'small_count' as const, message: small.message }] : undefined,
  };
}

/** Where a value comes from: the table row a comuna's own value is, or how a sum was made. */
function provenance(
  part: Part,
  info: PartInfo,
  pt: SeriesPoint,
): { row?: string; derivation?: string } | undefined {
  const category = part.indicator.category ? `, category=${part.indicator.category}` : '';
  const y = pt.period.slice(0, 4);
  if (info.summed > 0)
    return {
      derivation: `The sum of the rows of the ${info.summed} ${info.sumOf}, made when the store was built${pt.months !== undefined ? `, over ${pt.months} month${pt.months === 1 ? '' : 's'}` : ''}.`,
    };
  if (pt.months !== undefined)
    return {
      derivation: `The sum of ${pt.months} monthly row${pt.months === 1 ? '' : 's'} of ${info.file} (year=${y}, comuna_code=${info.cut}${category}).`,
    };
  if (!info.file) return undefined;
  const key =
    pt.period.length === 4
      ? `year=${y}, comuna_code=${info.cut}`
      : `year=${y}, month=${Number(pt.period.slice(5, 7))}, comuna_code=${info.cut}`;
  return { row: `${info.file}: the row ${key}${category}` };
}

/** A cell of text made of constant pieces around digits, as csvField writes it, pieces escaped once. */
function digitsCell(pieces: readonly string[]): (...digits: (string | number)[]) => string {
  // Digits hold no quote, comma or line break, and the first piece starts the cell: whether it is
  // quoted or gets an apostrophe is the same for every value, decided here on a sample.
  const sample = pieces.join('0');
  const field = csvField(sample);
  const quoted = field.charCodeAt(0) === 34 && field !== sample;
  const lead = looksLikeFormula(sample) ? "'" : '';
  const parts = pieces.map((p) => (quoted ? p.replaceAll('"', '""') : p));
  const open = (quoted ? '"' : '') + lead + (parts[0] as string);
  const close = quoted ? '"' : '';
  if (parts.length === 2) return (a) => `${open}${a}${parts[1]}${close}`;
  return (a, b) => `${open}${a}${parts[1]}${b}${parts[2]}${close}`;
}

/**
 * The `row` and `derivation` cells of a part's points (what `provenance` says, as csvField writes it):
 * the text fixed per series quoted once, and only the year and month put in per point.
 */
function provenanceCells(part: Part, info: PartInfo): (pt: SeriesPoint) => string {
  const category = part.indicator.category ? `, category=${part.indicator.category}` : '';
  const generic = (pt: SeriesPoint) => {
    const p = provenance(part, info, pt);
    return `${csvField(p?.row)},${csvField(p?.derivation)}`;
  };
  if (info.summed > 0) {
    // One derivation per number of months summed (none for monthly points).
    const byMonths = new Map<number | undefined, string>();
    return (pt) => {
      let cells = byMonths.get(pt.months);
      if (cells === undefined) {
        cells = generic(pt);
        byMonths.set(pt.months, cells);
      }
      return cells;
    };
  }
  if (!info.file) return (pt) => (pt.months !== undefined ? generic(pt) : ',');
  const head = `${info.file}: the row year=`;
  const tail = `, comuna_code=${info.cut}${category}`;
  const monthly = digitsCell([head, ', month=', tail]);
  const yearly = digitsCell([head, tail]);
  return (pt) => {
    // A year summed from months says so in its derivation: few such points, written the long way.
    if (pt.months !== undefined) return generic(pt);
    const p = pt.period;
    return p.length === 4 ? `${yearly(p)},` : `${monthly(p.slice(0, 4), Number(p.slice(5, 7)))},`;
  };
}

function toRow(part: Part, info: PartInfo, pt: SeriesPoint, per100k: boolean): StoreObservation {
  const { indicator, geo, resolution } = part;
  const row: StoreObservation = {
    id: `${indicator.id}:${geo}:${pt.period}:${indicator.source}`,
    indicator: indicator.id,
    geo,
    level: info.level,
    period: pt.period,
    resolution,
    value: pt.value,
    source: indicator.source,
    ...(info.via ? { via: info.via } : {}),
    confidence: info.confidence,
  };
  if (pt.months !== undefined) {
    row.months = pt.months;
    if (pt.months < 12) row.periodStatus = 'partial';
  }
  if (pt.population !== undefined) row.population = pt.population;
  const r = rate(part, pt, per100k);
  if (r) {
    row.per100k = r.per100k;
    if (r.warnings) row.warnings = r.warnings;
  }
  if (pt.vintage !== undefined) row.vintage = pt.vintage;
  return Object.assign(row, provenance(part, info, pt));
}

function seriesOf(store: Store, q: StoreQuery, part: Part) {
  return store.series(part.geo, part.indicator.id, {
    resolution: part.resolution,
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.to !== undefined ? { to: q.to } : {}),
  });
}

/** One part's rows as objects (for JSON pages). */
export function seriesRows(store: Store, ctx: RowContext, q: StoreQuery, part: Part): StoreObservation[] {
  const series = seriesOf(store, q, part);
  if (!series) return [];
  const info = partInfo(ctx, part, series.summed);
  return series.points.map((pt) => toRow(part, info, pt, q.per100k));
}

/** The rows `[offset, offset + limit)` of the planned parts, reading only the series they fall in. */
export function pageOf(
  store: Store,
  ctx: RowContext,
  q: StoreQuery,
  parts: readonly Part[],
  offset: number,
  limit: number,
): StoreObservation[] {
  const out: StoreObservation[] = [];
  let skip = offset;
  for (const part of parts) {
    if (out.length >= limit) break;
    if (skip >= part.count) {
      skip -= part.count;
      continue;
    }
    const rows = seriesRows(store, ctx, q, part);
    for (let i = skip; i < rows.length && out.length < limit; i++) out.push(rows[i] as StoreObservation);
    skip = 0;
  }
  return out;
}

/** The CSV columns, in order; `csvLines` writes exactly these cells. */
export const storeColumns: readonly CsvColumn<StoreObservation>[] = [
  ['id', (r) => r.id],
  ['indicator', (r) => r.indicator],
  ['geo', (r) => r.geo],
  ['level', (r) => r.level],
  ['period', (r) => r.period],
  ['resolution', (r) => r.resolution],
  ['value', (r) => r.value],
  ['months', (r) => r.months],
  ['period_status', (r) => r.periodStatus],
  ['population', (r) => r.population],
  ['per100k', (r) => r.per100k],
  ['source', (r) => r.source],
  ['via', (r) => r.via],
  ['confidence', (r) => r.confidence],
  ['vintage', (r) => r.vintage],
  ['row', (r) => r.row],
  ['derivation', (r) => r.derivation],
  ['warnings', (r) => r.warnings?.map((w) => w.message).join(' | ')],
];

/** The header line of the store's CSV. */
export const STORE_CSV_HEADER = `${storeColumns.map(([h]) => csvField(h)).join(',')}\r\n`;

/**
 * Rows `[from, to)` of one part as CSV lines: the cells of `storeColumns` for each row, joined from
 * pieces fixed per series (indicator, place, source…) and the few that vary per point.
 * @example csvLines(store, ctx, q, part, 0, 1)
 * // 'cead.cases.microtrafficking:CL-02201:2018:cead.casos_policiales.extract2026,cead.cases.microtrafficking,CL-02201,comuna,2018,year,85,12,,177642,,cead.casos_policiales.extract2026,…\r\n'
 */
export function csvLines(
  store: Store,
  ctx: RowContext,
  q: StoreQuery,
  part: Part,
  from = 0,
  to = Number.POSITIVE_INFINITY,
): string {
  const series = seriesOf(store, q, part);
  if (!series) return '';
  const info = partInfo(ctx, part, series.summed);
  const { indicator, geo, resolution } = part;
  const idHead = `${indicator.id}:${geo}:`;
  const idTail = `:${indicator.source}`;
  // A period (2019-01, 2019) is digits and a hyphen, after a head that starts with a letter: the id
  // then needs neither quotes nor an apostrophe when its head and tail need none, checked once here.
  const plainId = csvField(`${idHead}2000-01${idTail}`) === `${idHead}2000-01${idTail}`;
  const place = `,${csvField(indicator.id)},${csvField(geo)},${csvField(info.level)},`;
  const origin = `,${csvField(indicator.source)},${csvField(info.via)},${csvField(info.confidence)},`;
  const res = `,${csvField(resolution)},`;
  const vintages = new Map<string | undefined, string>();
  const provenanceOf = provenanceCells(part, info);
  const points = series.points;
  const end = Math.min(to, points.length);
  let text = '';
  for (let i = from; i < end; i++) {
    const pt = points[i] as SeriesPoint;
    const r = rate(part, pt, q.per100k);
    let vintage = vintages.get(pt.vintage);
    if (vintage === undefined) {
      vintage = csvField(pt.vintage);
      vintages.set(pt.vintage, vintage);
    }
    const id = idHead + pt.period + idTail;
    text +=
      (plainId ? id : csvField(id)) +
      place +
      pt.period +
      res +
      pt.value +
      ',' +
      (pt.months ?? '') +
      ',' +
      (pt.months !== undefined && pt.months < 12 ? 'partial' : '') +
      ',' +
      (pt.population ?? '') +
      ',' +
      (r ? r.per100k : '') +
      origin +
      vintage +
      ',' +
      provenanceOf(pt) +
      ',' +
      csvField(r?.warnings?.map((w) => w.message).join(' | ')) +
      '\r\n';
  }
  return text;
}

/** Base name of the whole-table downloads (`.arrow`, `.csv.gz`) and of the whole-table CSV file. */
export const DOWNLOAD_NAME = 'cead-comuna-month';

/**
 * The whole table as CSV (`wholeTable`'s rows, the header first), written at build beside the downloads
 * with its `.br` copy; its `.gz` copy is the `.csv.gz` download itself. Not a download of its own (a
 * Worker's static asset may not be 70 MB): the Node server sends it for the whole-table stream.
 */
export const WHOLE_TABLE_CSV = `${DOWNLOAD_NAME}.csv`;

/**
 * The query of every row of the store: every place (country, regions, comunas) and indicator, each at
 * its own resolution (months for CEAD's counts, years for population), without rates.
 */
export function wholeTable(store: Store): StoreQuery {
  return {
    indicators: store.indicators,
    geos: store.places.map((p) => p.id),
    resolution: undefined,
    from: undefined,
    to: undefined,
    per100k: false,
  };
}

/**
 * True when `q` asks for exactly the rows of `wholeTable(store)`, in its order: the same indicators and
 * places (same objects, same order), each at its own resolution, no bounds, no rates. Then its CSV is
 * byte for byte the whole-table file (WHOLE_TABLE_CSV).
 * @example isWholeTable(store, wholeTable(store)) // true
 * @example isWholeTable(store, { ...wholeTable(store), per100k: true }) // false
 */
export function isWholeTable(store: Store, q: StoreQuery): boolean {
  const all = wholeTable(store);
  const same = <T>(a: readonly T[], b: readonly T[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  return (
    q.resolution === undefined &&
    q.from === undefined &&
    q.to === undefined &&
    !q.per100k &&
    same(q.indicators, all.indicators) &&
    same(q.geos, all.geos)
  );
}
