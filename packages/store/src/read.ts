// Reads the store's Arrow IPC file from bytes (a file read on Node, a binary Data module in a Worker)
// and answers series questions through the index: one place's series for an indicator is a run of
// rows found in a map, then sliced, never a scan. No Node APIs.
import { type Data, type Table, tableFromIPC } from 'apache-arrow';
import {
  INDEX_KEY,
  META_KEY,
  type PlaceLevel,
  STORE_FORMAT,
  type StoreIndicator,
  type StoreMeta,
} from './layout.js';

export interface SeriesQuery {
  /** `month` (monthly indicators only) or `year` (months summed); default: the indicator's own. */
  resolution?: 'month' | 'year';
  /** First and last period, inclusive: `2018`, `2018-03`. A year bound covers its months. */
  from?: string;
  to?: string;
}

export interface SeriesPoint {
  /** `2024-03` or `2024`. */
  period: string;
  value: number;
  /** Upstream file(s) the cell came from (A, B, C; `B+C` when a sum spans both); absent when untracked. */
  vintage?: string;
  /** Months summed into a yearly point of a monthly indicator: 12 for a whole year, fewer for a partial one. */
  months?: number;
  /** The place's population that year (INE), when the store holds it; not on population itself. */
  population?: number;
}

export interface Series {
  geo: string;
  indicator: string;
  /** The kit's source id of every point. */
  source: string;
  resolution: 'month' | 'year';
  /** Places whose rows were summed into this series at build (33 for a region of 33 comunas), or 0. */
  summed: number;
  points: SeriesPoint[];
}

export interface StorePlace {
  id: string;
  level: PlaceLevel;
  parent?: string;
}

/** The typed columns of the file, row-aligned, for exports that walk every row (CSV of a filter). */
export interface StoreColumns {
  /** Keys into `geos`, `indicators`, `vintages`, `sources`; `vintage` is -1 where there is none. */
  geo: Int16Array;
  indicator: Int8Array;
  year: Int16Array;
  /** 1–12, or 0 for a yearly figure. */
  month: Uint8Array;
  value: Int32Array;
  vintage: Int8Array;
  source: Int8Array;
  geos: readonly string[];
  indicators: readonly string[];
  vintages: readonly string[];
  sources: readonly string[];
}

export interface Store {
  readonly meta: StoreMeta;
  /** The Arrow table itself (for tools that want Arrow). */
  readonly table: Table;
  readonly columns: StoreColumns;
  readonly places: readonly StorePlace[];
  readonly indicators: readonly StoreIndicator[];
  /** Rows `[start, end)` of a place's run for an indicator, or `undefined`. */
  run(geo: string, indicator: string): { start: number; end: number; summed: number } | undefined;
  /** Places in the store directly inside `geo` (a region's comunas, the country's regions), in order. */
  children(geo: string): string[];
  /** A place's series for an indicator, or `undefined` when the store has none at that resolution. */
  series(geo: string, indicator: string, query?: SeriesQuery): Series | undefined;
  /** A place's population per year (INE), empty when the store has none for it. */
  population(geo: string): ReadonlyMap<number, number>;
}

type Column<T> = Data & { values: T; dictionary?: { toArray(): unknown } };

/** A column's single batch (the writer makes one batch; a file of several is not ours). */
function only<T>(table: Table, name: string): Column<T> {
  const column = table.getChild(name);
  if (!column) throw new Error(`not an MT-0 store: no column "${name}"`);
  if (column.data.length !== 1)
    throw new Error(`not an MT-0 store: column "${name}" has ${column.data.length} batches`);
  return column.data[0] as Column<T>;
}

/** The column's values for its rows only (Arrow pads buffers to 8 bytes). */
const rowsOf = <T extends Int8Array | Int16Array | Int32Array | Uint8Array>(d: Column<T>): T =>
  d.values.subarray(d.offset, d.offset + d.length) as T;

const strings = (d: { dictionary?: { toArray(): unknown } }) => [
  ...((d.dictionary?.toArray() ?? []) as string[]),
];

const MONTHS = Array.from({ length: 12 }, (_, i) => `-${String(i + 1).padStart(2, '0')}`);

/** Period labels by year × 13 + month (0: the year), made once each: series are read again and again. */
const LABELS: string[] = [];
function label(y: number, m: number): string {
  const k = y * 13 + m;
  let text = LABELS[k];
  if (text === undefined) {
    text = m ? `${y}${MONTHS[m - 1]}` : String(y);
    LABELS[k] = text;
  }
  return text;
}
const POINT = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;

/** A bound as months since year 0: `from` at the start of its year or month, `to` at the end. */
function bound(text: string | undefined, end: boolean): number | undefined {
  if (text === undefined) return undefined;
  const m = POINT.exec(text);
  if (!m) throw new RangeError(`expected a period such as 2018 or 2018-03, got ${JSON.stringify(text)}`);
  const y = Number(m[1]);
  if (m[2] !== undefined) return y * 12 + Number(m[2]) - 1;
  return end ? y * 12 + 11 : y * 12;
}

/**
 * Opens a store from the bytes of its Arrow IPC file (zero-copy where Arrow allows).
 * @example const store = openStore(readFileSync(fileURLToPath(import.meta.resolve('@mt0/store/cead.arrow'))))
 * @example store.series('CL-02201', 'cead.cases.microtrafficking', { resolution: 'year', from: '2024', to: '2024' })
 * // { geo: 'CL-02201', …, points: [{ period: '2024', value: 135, months: 12, vintage: 'B', population: 196152 }] }
 * @throws Error when the bytes are not an Arrow file written by this package's format.
 */
export function openStore(bytes: Uint8Array): Store {
  const table = tableFromIPC(bytes);
  const metaText = table.schema.metadata.get(META_KEY);
  const indexText = table.schema.metadata.get(INDEX_KEY);
  if (!metaText || !indexText) throw new Error(`not an MT-0 store: no ${META_KEY} metadata`);
  const meta = JSON.parse(metaText) as StoreMeta;
  if (meta.format !== STORE_FORMAT)
    throw new Error(`store format ${meta.format} is not ${STORE_FORMAT}: rebuild @mt0/store`);

  const geoData = only<Int16Array>(table, 'geo');
  const indicatorData = only<Int8Array>(table, 'indicator');
  const vintageData = only<Int8Array>(table, 'vintage');
  const sourceData = only<Int8Array>(table, 'source');
  const columns: StoreColumns = {
    geo: rowsOf(geoData),
    indicator: rowsOf(indicatorData),
    year: rowsOf(only<Int16Array>(table, 'year')),
    month: rowsOf(only<Uint8Array>(table, 'month')),
    value: rowsOf(only<Int32Array>(table, 'value')),
    vintage: new Int8Array(0), // replaced by a getter below
    source: rowsOf(sourceData),
    geos: strings(geoData),
    indicators: strings(indicatorData),
    vintages: strings(vintageData),
    sources: strings(sourceData),
  };
  // Null vintages hold 0 in the values buffer. Lookups read the validity bitmap; the `vintage` column
  // with -1 for none is made on first use (an export), not at opening, which it would slow by a third.
  const vintageKeys = rowsOf(vintageData);
  const valid = vintageData.nullCount > 0 ? vintageData.nullBitmap : undefined;
  const off = vintageData.offset;
  const hasVintage = (i: number) =>
    !valid || ((valid[(off + i) >> 3] as number) & (1 << ((off + i) & 7))) !== 0;
  let vintageColumn: Int8Array | undefined;
  Object.defineProperty(columns, 'vintage', {
    enumerable: true,
    get(): Int8Array {
      if (!vintageColumn) {
        vintageColumn = vintageKeys.slice();
        for (let i = 0; i < vintageColumn.length; i++) if (!hasVintage(i)) vintageColumn[i] = -1;
      }
      return vintageColumn;
    },
  });

  const runs = new Map<string, Map<string, { start: number; end: number; summed: number }>>();
  const index = JSON.parse(indexText) as number[];
  for (let k = 0; k + 4 < index.length; k += 5) {
    const geo = columns.geos[index[k] as number] as string;
    let byIndicator = runs.get(geo);
    if (!byIndicator) {
      byIndicator = new Map();
      runs.set(geo, byIndicator);
    }
    const start = index[k + 2] as number;
    byIndicator.set(columns.indicators[index[k + 1] as number] as string, {
      start,
      end: start + (index[k + 3] as number),
      summed: index[k + 4] as number,
    });
  }
  const indicatorInfo = new Map(meta.indicators.map((i) => [i.id, i]));
  const children = new Map<string, string[]>();
  for (const p of meta.places)
    if (p.parent) {
      const list = children.get(p.parent);
      if (list) list.push(p.id);
      else children.set(p.parent, [p.id]);
    }
  const POPULATION = 'ine.population';
  const populations = new Map<string, ReadonlyMap<number, number>>();
  const { year, month, value, vintages } = columns;

  const run = (geo: string, indicator: string) => runs.get(geo)?.get(indicator);

  function population(geo: string): ReadonlyMap<number, number> {
    const known = populations.get(geo);
    if (known) return known;
    const byYear = new Map<number, number>();
    const r = run(geo, POPULATION);
    if (r) for (let i = r.start; i < r.end; i++) byYear.set(year[i] as number, value[i] as number);
    populations.set(geo, byYear);
    return byYear;
  }

  /** First row in [lo, hi) whose period (months since year 0) is ≥ target: rows are sorted by period. */
  function lowerBound(lo: number, hi: number, target: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = (year[mid] as number) * 12 + Math.max(0, (month[mid] as number) - 1);
      if (p < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function series(geo: string, indicator: string, query: SeriesQuery = {}): Series | undefined {
    const r = run(geo, indicator);
    const info = indicatorInfo.get(indicator);
    if (!r || !info) return undefined;
    const resolution = query.resolution ?? info.resolution;
    if (resolution === 'month' && info.resolution === 'year') return undefined;
    const from = bound(query.from, false);
    const to = bound(query.to, true);
    // A yearly figure sits at month 0 of its year, so year bounds select it whole.
    const byYear = resolution === 'year';
    const start =
      from === undefined ? r.start : lowerBound(r.start, r.end, byYear ? from - (from % 12) : from);
    const end = to === undefined ? r.end : lowerBound(start, r.end, byYear ? to - (to % 12) + 12 : to + 1);
    const pop = indicator === POPULATION ? undefined : population(geo);
    const points: SeriesPoint[] = [];
    let popYear = -1;
    let inhabitants: number | undefined;
    if (info.resolution === 'year' || resolution === 'month') {
      for (let i = start; i < end; i++) {
        const y = year[i] as number;
        if (y !== popYear) {
          popYear = y;
          inhabitants = pop?.get(y);
        }
        const pt: SeriesPoint = { period: label(y, month[i] as number), value: value[i] as number };
        if (hasVintage(i)) pt.vintage = vintages[vintageKeys[i] as number] as string;
        if (inhabitants !== undefined) pt.population = inhabitants;
        points.push(pt);
      }
    } else {
      // Months summed into years: at most 12 rows per point.
      for (let i = start; i < end; ) {
        const y = year[i] as number;
        let sum = 0;
        let months = 0;
        // The codes of the year's months: one in the usual case, a set only when they differ.
        let code: string | undefined;
        let codes: Set<string> | undefined;
        for (; i < end && year[i] === y; i++) {
          sum += value[i] as number;
          months += 1;
          if (!hasVintage(i)) continue;
          const c = vintages[vintageKeys[i] as number] as string;
          if (code === undefined) code = c;
          else if (c !== code) codes = new Set([...(codes ?? code.split('+')), ...c.split('+')]);
        }
        const pt: SeriesPoint = { period: label(y, 0), value: sum, months };
        const v = codes ? [...codes].sort().join('+') : code;
        if (v !== undefined) pt.vintage = v;
        const people = pop?.get(y);
        if (people !== undefined) pt.population = people;
        points.push(pt);
      }
    }
    return { geo, indicator, source: info.source, resolution, summed: r.summed, points };
  }

  return {
    meta,
    table,
    columns,
    places: meta.places,
    indicators: meta.indicators,
    run,
    children: (geo) => [...(children.get(geo) ?? [])],
    series,
    population,
  };
}
