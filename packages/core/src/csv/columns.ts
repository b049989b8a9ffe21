// The CSV columns of each collection, shared by the API (a filtered page) and the build (the whole-table
// downloads): nested fields flattened (name_es, name_en), lists joined with ";". Zod-free.

import { OPEN_ENDS_SINCE, policyAtLeast } from '../qualifiers/policy.js';
import type { Event, GeoEntry, Observation, ReportedChange } from '../schemas/index.js';
import type { CollectionName, ExpandedStatement, IndicatorSummary, SourceSummary } from './collections.js';
import type { CsvColumn } from './write.js';

const join = (xs: readonly string[]) => xs.join(';');

/** The columns every sourced record shares after its number: qualifier, interval, source and words. */
function sourcedColumns<T extends Observation | ReportedChange>(): CsvColumn<T>[] {
  return [
    ['qualifier', (r) => r.qualifier],
    ['low', (r) => r.low],
    ['high', (r) => r.high],
    // An open end is an empty cell, which a spreadsheet reads as blank (never 0): this column says so.
    ['open_end', (r) => (r.high === null ? 'high' : r.low === null ? 'low' : undefined)],
    ['source', (r) => r.source],
    ['confidence', (r) => r.confidence],
    ['quote', (r) => r.quote],
    ['lang', (r) => r.lang],
    ['quote_check', (r) => r.quoteCheck],
    ['period_status', (r) => r.periodStatus],
    ['notes', (r) => r.notes],
  ];
}

/**
 * The columns of a release's CSV: `open_end` came with qualifier policy 1.2.0 (release 0.4.0), so a
 * release kept under an earlier policy keeps its columns, byte for byte.
 * @example columnsUnder(observationColumns, '1.1.0').map(([name]) => name).includes('open_end') // false
 */
export function columnsUnder<T>(
  columns: readonly CsvColumn<T>[],
  qualifierPolicy: string,
): readonly CsvColumn<T>[] {
  return policyAtLeast(qualifierPolicy, OPEN_ENDS_SINCE)
    ? columns
    : columns.filter(([name]) => name !== 'open_end');
}

export const observationColumns: readonly CsvColumn<Observation>[] = [
  ['id', (r) => r.id],
  ['indicator', (r) => r.indicator],
  ['geo', (r) => r.geo],
  ['period', (r) => r.period],
  ['value', (r) => r.value],
  ...sourcedColumns<Observation>(),
];

export const changeColumns: readonly CsvColumn<ReportedChange>[] = [
  ['id', (r) => r.id],
  ['indicator', (r) => r.indicator],
  ['geo', (r) => r.geo],
  ['from', (r) => r.from],
  ['to', (r) => r.to],
  ['percent', (r) => r.percent],
  ...sourcedColumns<ReportedChange>(),
];

export const indicatorColumns: readonly CsvColumn<IndicatorSummary>[] = [
  ['id', (r) => r.id],
  ['name_es', (r) => r.name.es],
  ['name_en', (r) => r.name.en],
  ['description_es', (r) => r.description.es],
  ['description_en', (r) => r.description.en],
  ['unit', (r) => r.unit],
  ['unit_short_es', (r) => r.unitShort.es],
  ['unit_short_en', (r) => r.unitShort.en],
  ['role', (r) => r.role],
  // Releases before 0.2.0 have no roleReason: empty there, never a crash.
  ['role_reason_es', (r) => r.roleReason?.es],
  ['role_reason_en', (r) => r.roleReason?.en],
  ['share_of', (r) => r.shareOf],
  ['share_of_geo', (r) => r.shareOfGeo],
  ['part_of', (r) => r.partOf],
  ['counted_by', (r) => r.countedBy],
  ['geos', (r) => join(r.geos)],
  ['periods', (r) => join(r.periods)],
  ['observations', (r) => r.observations],
  ['changes', (r) => r.changes],
  ['notes', (r) => r.notes],
];

export const sourceColumns: readonly CsvColumn<SourceSummary>[] = [
  ['id', (r) => r.id],
  ['publisher', (r) => r.publisher],
  ['title', (r) => r.title],
  ['url', (r) => r.url],
  ['published', (r) => r.published],
  ['language', (r) => r.language],
  ['licence', (r) => r.licence],
  ['via', (r) => r.via],
  ['records', (r) => r.records],
  ['notes', (r) => r.notes],
];

export const statementColumns: readonly CsvColumn<ExpandedStatement>[] = [
  ['id', (r) => r.id],
  ['who_name', (r) => r.who.name],
  ['who_role', (r) => r.who.role],
  ['who_organisation', (r) => r.who.organisation],
  ['date', (r) => r.date],
  ['claim', (r) => r.claim],
  ['lang', (r) => r.lang],
  ['source', (r) => r.source],
  ['indicators', (r) => join(r.indicators)],
  ['evidence', (r) => join(r.evidence.map((e) => e.id))],
  ['notes', (r) => r.notes],
];

export const eventColumns: readonly CsvColumn<Event>[] = [
  ['id', (r) => r.id],
  ['date', (r) => r.date],
  ['kind', (r) => r.kind],
  ['title_es', (r) => r.title.es],
  ['title_en', (r) => r.title.en],
  ['description_es', (r) => r.description.es],
  ['description_en', (r) => r.description.en],
  ['geo', (r) => join(r.geo)],
  ['breaks_series', (r) => r.breaksSeries],
  ['indicators', (r) => join(r.indicators)],
  ['source', (r) => r.source],
  ['quote', (r) => r.quote],
  ['lang', (r) => r.lang],
  ['notes', (r) => r.notes],
];

/** The places (`places.csv`): ids, CUT codes and roman numerals, parents, names, spellings sources use. */
export const placeColumns: readonly CsvColumn<GeoEntry>[] = [
  ['id', (r) => r.id],
  ['level', (r) => r.level],
  ['cut', (r) => r.cut],
  ['roman', (r) => r.roman],
  ['parent', (r) => r.parent],
  ['name_es', (r) => r.name.es],
  ['name_en', (r) => r.name.en],
  ['variants', (r) => r.variants && join(r.variants)],
];

/** Each collection's columns, by name (what `/v1/{name}.csv` and `downloads/{name}.csv` hold). */
export const COLUMNS = {
  observations: observationColumns,
  changes: changeColumns,
  indicators: indicatorColumns,
  sources: sourceColumns,
  statements: statementColumns,
  events: eventColumns,
} satisfies Record<CollectionName, unknown>;
