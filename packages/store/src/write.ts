// Writes the store: the validated store tables (comuna cells from @mt0/core's loader) become one Arrow
// IPC file, with every region's and the country's series computed here, once, as sums of their
// comunas, and an index of each place × indicator run of rows. Used at build time; no Node APIs, so a
// test or another build tool can make a store in memory.
import {
  Dictionary,
  Field,
  Int8,
  Int16,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableToIPC,
  Uint8,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import {
  INDEX_KEY,
  META_KEY,
  type PlaceLevel,
  STORE_FORMAT,
  type StoreIndicator,
  type StoreMeta,
} from './layout.js';

/** A validated table as @mt0/core's `loadStoreTables` returns it (its `StoreTable` fits this shape). */
export interface StoreTableInput {
  file: string;
  specFile: string;
  spec: {
    source: string;
    /** The grade the spec gives every row (A, B, C). */
    confidence?: string | undefined;
    vintages?: Record<string, string> | undefined;
    /** The table's category → indicator id (a table of one indicator has none). */
    indicators?: Record<string, string> | undefined;
  };
  resolution: 'month' | 'year';
  indicators: readonly string[];
  geos: readonly string[];
  vintages: readonly string[];
  skipped: readonly { category: string; reason: string; rows: number }[];
  rows: number;
  geo: ArrayLike<number>;
  indicator: ArrayLike<number>;
  year: ArrayLike<number>;
  /** 1–12, or 0 in a yearly table. */
  month: ArrayLike<number>;
  value: ArrayLike<number>;
  /** Index into `vintages`, or 255 for none. */
  vintage: ArrayLike<number>;
}

export interface StoreInput {
  tables: readonly StoreTableInput[];
  /** Every place (the dataset's `geos`): ids, levels and parents, in the order the store lists them. */
  places: readonly { id: string; level: PlaceLevel; parent?: string | undefined }[];
  dataset: { version: string; contentHash: string };
}

/** One indicator's cells for one place over a dense run of periods. */
interface Run {
  values: Float64Array;
  present: Uint8Array;
  /** Bit i: vintage i of the indicator's table contributed. */
  vintages: Uint8Array;
  /** Places summed into this run (0: the place's own rows). */
  summed: number;
}

interface IndicatorAcc {
  id: string;
  file: string;
  category?: string;
  confidence?: string;
  resolution: 'month' | 'year';
  source: string;
  vintageCodes: readonly string[];
  first: number;
  length: number;
  runs: Map<string, Run>;
}

const NO_VINTAGE = 255;

/** Period number: months since year 0 for a monthly cell, the year for a yearly one. */
const periodNumber = (resolution: 'month' | 'year', year: number, month: number) =>
  resolution === 'month' ? year * 12 + month - 1 : year;

const periodText = (resolution: 'month' | 'year', p: number) =>
  resolution === 'month' ? `${Math.floor(p / 12)}-${String((p % 12) + 1).padStart(2, '0')}` : String(p);

function newRun(length: number, summed: number): Run {
  return {
    values: new Float64Array(length),
    present: new Uint8Array(length),
    vintages: new Uint8Array(length),
    summed,
  };
}

/** Gathers each indicator's cells by place, then adds every place's cells into its ancestors'. */
function accumulate(input: StoreInput): IndicatorAcc[] {
  const parentOf = new Map(input.places.map((p) => [p.id, p.parent]));
  const accs = new Map<string, IndicatorAcc>();
  for (const t of input.tables) {
    // The indicator's span of periods, from its rows.
    const span = t.indicators.map(() => ({ min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY }));
    for (let r = 0; r < t.rows; r++) {
      const s = span[t.indicator[r] as number];
      const p = periodNumber(t.resolution, t.year[r] as number, t.month[r] as number);
      if (s) {
        if (p < s.min) s.min = p;
        if (p > s.max) s.max = p;
      }
    }
    const mine = t.indicators.map((id, i) => {
      if (accs.has(id)) throw new Error(`${t.file}: indicator ${id} is already held by another store table`);
      const { min, max } = span[i] as { min: number; max: number };
      const category = Object.entries(t.spec.indicators ?? {}).find(([, to]) => to === id)?.[0];
      const acc: IndicatorAcc = {
        id,
        file: t.file,
        ...(category === undefined ? {} : { category }),
        ...(t.spec.confidence === undefined ? {} : { confidence: t.spec.confidence }),
        resolution: t.resolution,
        source: t.spec.source,
        vintageCodes: t.vintages,
        first: min,
        length: Number.isFinite(min) ? max - min + 1 : 0,
        runs: new Map(),
      };
      accs.set(id, acc);
      return acc;
    });
    for (let r = 0; r < t.rows; r++) {
      const acc = mine[t.indicator[r] as number] as IndicatorAcc;
      const place = t.geos[t.geo[r] as number] as string;
      let run = acc.runs.get(place);
      if (!run) {
        run = newRun(acc.length, 0);
        acc.runs.set(place, run);
      }
      const k = periodNumber(t.resolution, t.year[r] as number, t.month[r] as number) - acc.first;
      run.values[k] = t.value[r] as number;
      run.present[k] = 1;
      const v = t.vintage[r] as number;
      if (v !== NO_VINTAGE) run.vintages[k] = (run.vintages[k] as number) | (1 << v);
    }
  }
  for (const acc of accs.values()) {
    const own = [...acc.runs.entries()].filter(([, run]) => run.summed === 0);
    for (const [place, run] of own)
      for (let up = parentOf.get(place); up !== undefined; up = parentOf.get(up)) {
        let sum = acc.runs.get(up);
        if (sum?.summed === 0)
          throw new Error(`${up} has its own rows of ${acc.id} and would also get the sum of ${place}`);
        if (!sum) {
          sum = newRun(acc.length, 0);
          acc.runs.set(up, sum);
        }
        sum.summed += 1;
        for (let k = 0; k < acc.length; k++)
          if (run.present[k]) {
            sum.values[k] = (sum.values[k] as number) + (run.values[k] as number);
            sum.present[k] = 1;
            sum.vintages[k] = (sum.vintages[k] as number) | (run.vintages[k] as number);
          }
      }
  }
  return [...accs.values()];
}

/** Keys into a dictionary of strings, adding each new string at the end. */
class Keys {
  readonly values: string[] = [];
  private readonly at = new Map<string, number>();
  key(value: string): number {
    let k = this.at.get(value);
    if (k === undefined) {
      k = this.values.push(value) - 1;
      this.at.set(value, k);
    }
    return k;
  }
}

function dictionaryColumn(name: string, keys: Int8Array | Int16Array, values: string[], valid?: Uint8Array) {
  const room = keys instanceof Int16Array ? 0x7fff : 0x7f;
  if (values.length > room + 1)
    throw new Error(`${values.length} distinct ${name} values do not fit the column's ${room + 1} keys`);
  const type = new Dictionary(new Utf8(), keys instanceof Int16Array ? new Int16() : new Int8());
  const nullCount = valid ? countNulls(valid, keys.length) : 0;
  const data = makeData({
    type,
    length: keys.length,
    nullCount,
    ...(valid && nullCount ? { nullBitmap: valid } : {}),
    data: keys,
    dictionary: vectorFromArray(values, new Utf8()),
  });
  return { field: new Field(name, type, valid !== undefined), data };
}

function countNulls(valid: Uint8Array, length: number): number {
  let nulls = 0;
  for (let i = 0; i < length; i++) if (!((valid[i >> 3] as number) & (1 << (i & 7)))) nulls += 1;
  return nulls;
}

/**
 * Builds the store's Arrow IPC file (see layout.ts): the tables' cells, every region's and the
 * country's sums of them, and the index of place × indicator runs.
 * @example const bytes = writeStore({ tables, places: dataset.geos, dataset: dataset.meta }) // Uint8Array
 */
export function writeStore(input: StoreInput): Uint8Array {
  const accs = accumulate(input);
  // Countries, then regions, then comunas, each in the order given (geos.csv: by CUT code).
  const rank: Record<PlaceLevel, number> = { country: 0, region: 1, comuna: 2 };
  const ordered = input.places
    .map((place, i) => ({ place, i }))
    .sort((a, b) => rank[a.place.level] - rank[b.place.level] || a.i - b.i)
    .map((x) => x.place);
  let rows = 0;
  for (const acc of accs) for (const run of acc.runs.values()) for (const x of run.present) rows += x;

  const geoKeys = new Int16Array(rows);
  const levelKeys = new Int8Array(rows);
  const indicatorKeys = new Int8Array(rows);
  const year = new Int16Array(rows);
  const month = new Uint8Array(rows);
  const monthValid = new Uint8Array(Math.ceil(rows / 8));
  const value = new Int32Array(rows);
  const vintageKeys = new Int8Array(rows);
  const vintageValid = new Uint8Array(Math.ceil(rows / 8));
  const sourceKeys = new Int8Array(rows);
  const geos = new Keys();
  const levels = new Keys();
  const indicators = new Keys();
  const vintages = new Keys();
  const sources = new Keys();
  const runIndex: number[] = [];
  const places: StoreMeta['places'] = [];

  let r = 0;
  for (const place of ordered) {
    let g: number | undefined;
    for (const acc of accs) {
      const run = acc.runs.get(place.id);
      if (!run) continue;
      if (g === undefined) {
        g = geos.key(place.id);
        places.push({ id: place.id, level: place.level, ...(place.parent ? { parent: place.parent } : {}) });
      }
      const start = r;
      const l = levels.key(place.level);
      const ind = indicators.key(acc.id);
      const src = sources.key(acc.source);
      for (let k = 0; k < acc.length; k++) {
        if (!run.present[k]) continue;
        const p = acc.first + k;
        const v = run.values[k] as number;
        if (v > 0x7fffffff)
          throw new Error(
            `${place.id} ${acc.id} ${periodText(acc.resolution, p)}: ${v} is too large for int32`,
          );
        geoKeys[r] = g;
        levelKeys[r] = l;
        indicatorKeys[r] = ind;
        if (acc.resolution === 'month') {
          year[r] = Math.floor(p / 12);
          month[r] = (p % 12) + 1;
          monthValid[r >> 3] = (monthValid[r >> 3] as number) | (1 << (r & 7));
        } else year[r] = p;
        value[r] = v;
        const mask = run.vintages[k] as number;
        if (mask) {
          const codes = acc.vintageCodes.filter((_, i) => mask & (1 << i));
          vintageKeys[r] = vintages.key(codes.join('+'));
          vintageValid[r >> 3] = (vintageValid[r >> 3] as number) | (1 << (r & 7));
        }
        sourceKeys[r] = src;
        r += 1;
      }
      runIndex.push(g, ind, start, r - start, run.summed);
    }
  }

  const meta: StoreMeta = {
    format: STORE_FORMAT,
    dataset: { version: input.dataset.version, contentHash: input.dataset.contentHash },
    places,
    indicators: accs.map(
      (acc): StoreIndicator => ({
        id: acc.id,
        file: acc.file,
        ...(acc.category === undefined ? {} : { category: acc.category }),
        ...(acc.confidence === undefined ? {} : { confidence: acc.confidence }),
        resolution: acc.resolution,
        source: acc.source,
        first: periodText(acc.resolution, acc.first),
        last: periodText(acc.resolution, acc.first + acc.length - 1),
      }),
    ),
    vintages: Object.fromEntries(
      input.tables.filter((t) => t.spec.vintages).map((t) => [t.spec.source, { ...t.spec.vintages }]),
    ),
    tables: input.tables.map((t) => ({
      file: t.file,
      spec: t.specFile,
      source: t.spec.source,
      rows: t.rows,
      skipped: t.skipped.map((s) => ({ ...s })),
    })),
    sums: 'Rows of a region or of the country are the sums of the rows of the places inside it (a region: its comunas), computed when the store was built; the index gives the number of places summed.',
  };

  const columns = [
    dictionaryColumn('geo', geoKeys, geos.values),
    dictionaryColumn('level', levelKeys, levels.values),
    dictionaryColumn('indicator', indicatorKeys, indicators.values),
    {
      field: new Field('year', new Int16(), false),
      data: makeData({ type: new Int16(), length: rows, data: year }),
    },
    {
      field: new Field('month', new Uint8(), true),
      data: makeData({
        type: new Uint8(),
        length: rows,
        nullCount: countNulls(monthValid, rows),
        nullBitmap: monthValid,
        data: month,
      }),
    },
    {
      field: new Field('value', new Int32(), false),
      data: makeData({ type: new Int32(), length: rows, data: value }),
    },
    dictionaryColumn('vintage', vintageKeys, vintages.values, vintageValid),
    dictionaryColumn('source', sourceKeys, sources.values),
  ];
  const schema = new Schema(
    columns.map((c) => c.field),
    new Map([
      [META_KEY, JSON.stringify(meta)],
      [INDEX_KEY, JSON.stringify(runIndex)],
    ]),
  );
  const batch = new RecordBatch(
    schema,
    makeData({
      type: new Struct(schema.fields),
      length: rows,
      nullCount: 0,
      children: columns.map((c) => c.data),
    }),
  );
  return tableToIPC(new Table(schema, batch), 'file');
}
