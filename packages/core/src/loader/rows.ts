// Levels and changes, read from their CSV files row by row: every cell is checked on its own (so a row
// with seven mistakes reports seven), then against its quote (provenance, qualifier words) and its source
// (publication date). A row that cannot become a record still declares its id, so nothing cascades.
import { join } from 'node:path';
import type { z } from 'zod';
import { foldName } from '../places/index.js';
import { intervalFor, type Qualifier, qualifierSchema } from '../qualifiers/index.js';
import {
  confidenceSchema,
  type Language,
  languageSchema,
  type Observation,
  observationSchema,
  type ReportedChange,
  reportedChangeSchema,
} from '../schemas/index.js';
import { comparePeriods, periodSchema, periodStatusSchema } from '../schemas/period.js';
import {
  type LoadContext,
  listFiles,
  optional,
  type RefKind,
  readCsv,
  resolveGeo,
  unknownRef,
  zodIssues,
} from './context.js';
import { FORMULA_CHECKED_FIELDS, formulaIssue } from './formulas.js';
import { shown } from './issues.js';
import { provenanceIssues } from './provenance.js';
import { suggestQualifier } from './suggest.js';
import { parseValue } from './values.js';
import { endsAfterPublication, qualifierDisagreement, startsAfterPublication } from './wording.js';

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
  'period_status',
  'notes',
  'forecast',
  'derived_from',
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
  'period_status',
  'notes',
  'forecast',
  'derived_from',
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

export const OBSERVATIONS: RecordKind<Observation> = {
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

export const CHANGES: RecordKind<ReportedChange> = {
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
    'use CL, a region code such as CL-RM (or its CUT number 13), a comuna code such as CL-05101 (or its CUT code 5101), or a country code listed in data/geos.csv',
  );
  const geo = resolveGeo(ctx, geoText);

  const q = qualifierSchema.safeParse(cells.qualifier?.trim());
  if (!q.success) {
    const meant = suggestQualifier(cells.qualifier ?? '');
    bad(
      'qualifier',
      `expected one of ${qualifierSchema.options.join(' | ')}, got ${shown(cells.qualifier)}`,
      meant
        ? `did you mean ${meant.qualifier}?${meant.because ? ` ('${foldName(meant.because)}' is one of its words in the qualifier policy)` : ''}`
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
  const statusCell = optional(cells.period_status);
  const status = periodStatusSchema.safeParse(statusCell);
  if (statusCell !== undefined && !status.success)
    bad(
      'period_status',
      `expected one of ${periodStatusSchema.options.join(' | ')}, got ${shown(cells.period_status)}`,
      'or leave it empty when the record covers its whole period, as the source dates it',
    );
  // A year to date or our reading of an undated figure is dated as of its source: see wording.ts.
  const asOf = status.success && status.data !== undefined;
  const quoteCheck = optional(cells.quote_check);
  for (const column of FORMULA_CHECKED_FIELDS) {
    const formula = formulaIssue(file, line, column, cells[column]);
    if (formula) ctx.issues.push(formula);
  }
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
  if (source && published && !forecast && periodSchema.safeParse(cells[last]).success) {
    const period = cells[last] ?? '';
    if (asOf ? startsAfterPublication(period, published) : endsAfterPublication(period, published))
      ctx.issues.push({
        file,
        row: line,
        column: last,
        message: asOf
          ? `the period ${period} begins after its source was published (${published}, ${source.id}), though period_status is ${status.data}`
          : `the period ${period} ends after its source was published (${published}, ${source.id})`,
        hint: asOf
          ? 'a year to date or an undated figure is dated to the period its source was published in'
          : 'give the months the figure covers (2020-01/2020-06 for a year to date), write partial in period_status if it is a year to date, or yes in the forecast column if it is a projection',
        rule: 'period-after-publication',
        record: id,
      });
  }

  const failed = ctx.issues.slice(before).some((i) => i.rule === undefined);
  if (failed || blocked || !indicator || !source || !geo || !qualifier || !parsed.ok || !lang) {
    ctx.unreadable.record.set(id, `${file}:${line}`);
    return undefined;
  }
  const { low, high } = recordEnds(intervalFor(parsed.value, qualifier), kind.inIndicatorUnit);
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
    periodStatus: optional(cells.period_status),
    derivedFrom: optional(cells.derived_from),
    notes: optional(cells.notes),
    ...(forecast ? { forecast: true } : {}),
  });
  if (result.success) return result.data;
  for (const z of zodIssues(result.error, cells))
    bad(
      z.column === 'quoteCheck'
        ? 'quote_check'
        : z.column === 'periodStatus'
          ? 'period_status'
          : z.column === 'derivedFrom'
            ? 'derived_from'
            : z.column === 'low' || z.column === 'high'
              ? kind.numberColumn
              : z.column,
      z.message,
    );
  ctx.unreadable.record.set(id, `${file}:${line}`);
  return undefined;
}

/**
 * A policy interval as a record keeps it: an open end as null (JSON has no Infinity). A reported change's
 * open low end is closed at −100 %: a fall goes no further than to nothing.
 */
function recordEnds(
  i: { low: number; high: number },
  level: boolean,
): { low: number | null; high: number | null } {
  const low = Number.isFinite(i.low) ? i.low : level ? null : -100;
  return { low, high: Number.isFinite(i.high) ? i.high : null };
}

export function readRecords<T extends { id: string }>(
  ctx: LoadContext,
  kind: RecordKind<T>,
): ReadRecord<T>[] {
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
