// Record selection for both apps: indexes built once per dataset (never per request), and pure look-ups
// over them — the series of an indicator and place, the level at a period, the population for a count,
// the series breaks between two periods, a reported change as a compare input, places from their
// aliases, and record references (`indicator@period`, full ids). zod-free: records are typed with
// type-only imports, so the widget's bundle can use this module. Failures are values, never throws.

import { endsOf } from '../metrics/interval.js';
import { comparePeriods, type ParsedPeriod, parsePeriod, periodEnd, periodStart } from '../periods/index.js';
import { type PlaceIndex, placeIndex, resolvePlace } from '../places/index.js';
import type { Interval } from '../qualifiers/policy.js';
import type { ReportedChange } from '../schemas/change.js';
import type { Bilingual, Confidence, GeoEntry, Language } from '../schemas/common.js';
import type { Event } from '../schemas/event.js';
import type { Indicator } from '../schemas/indicator.js';
import type { Observation } from '../schemas/observation.js';

/** What selection needs of a level: the compiled record, or the widget's slimmer copy of it. */
export type LevelRecord = Pick<
  Observation,
  'id' | 'indicator' | 'geo' | 'period' | 'value' | 'low' | 'high' | 'qualifier' | 'source'
> &
  Partial<Pick<Observation, 'confidence' | 'periodStatus'>>;

/** What selection needs of a reported change. */
export type ChangeRecord = Pick<
  ReportedChange,
  'id' | 'indicator' | 'geo' | 'from' | 'to' | 'percent' | 'low' | 'high' | 'qualifier' | 'source'
> &
  Partial<Pick<ReportedChange, 'confidence' | 'periodStatus'>>;

export type IndicatorRecord = Pick<Indicator, 'id' | 'name' | 'unit' | 'role'> &
  Partial<Pick<Indicator, 'shareOf' | 'shareOfGeo' | 'partOf' | 'countedBy' | 'roleReason' | 'unitShort'>>;

export type EventRecord = Pick<Event, 'id' | 'date' | 'geo' | 'breaksSeries' | 'indicators'> &
  Partial<Pick<Event, 'kind' | 'title'>>;

/** What selection needs of a place: what the place resolver (`@mt0/core/places`) reads. */
export type GeoRecord = Pick<GeoEntry, 'id' | 'name' | 'level'> &
  Partial<Pick<GeoEntry, 'cut' | 'roman' | 'parent' | 'variants'>>;

/** Anything shaped like the compiled dataset, or a subset of it. */
export interface RecordsLike<O extends LevelRecord = LevelRecord, C extends ChangeRecord = ChangeRecord> {
  meta?: { version: string; qualifierPolicy?: string };
  geos: readonly GeoRecord[];
  indicators: readonly IndicatorRecord[];
  observations: readonly O[];
  changes: readonly C[];
  events: readonly EventRecord[];
  sources?: readonly { id: string; publisher: string; via?: string | undefined }[];
}

/** The indexes over one dataset; build with `select(dataset)`, which caches them per dataset object. */
export interface Selection<O extends LevelRecord = LevelRecord, C extends ChangeRecord = ChangeRecord> {
  readonly records: RecordsLike<O, C>;
  readonly indicators: ReadonlyMap<string, IndicatorRecord>;
  readonly geos: ReadonlyMap<string, GeoRecord>;
  /** The places, indexed by core's one resolver of aliases (ids, CUT codes, names, variants). */
  readonly places: PlaceIndex<GeoRecord>;
  readonly observationsById: ReadonlyMap<string, O>;
  readonly changesById: ReadonlyMap<string, C>;
  /** `indicator|geo` → levels, earlier period first. */
  readonly series: ReadonlyMap<string, readonly O[]>;
  /** `indicator|geo|period` → levels (more than one when several sources give the figure). */
  readonly levels: ReadonlyMap<string, readonly O[]>;
  /** `indicator|geo` → reported changes, earlier first. */
  readonly changes: ReadonlyMap<string, readonly C[]>;
  /** The events that break series, with the decimal year each starts, read once. */
  readonly breaks: readonly { event: EventRecord; start: number }[];
}

const cache = new WeakMap<object, Selection<LevelRecord, ChangeRecord>>();

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

const byPeriod = <T extends { period: string; source: string }>(a: T, b: T) =>
  comparePeriods(a.period, b.period) || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);

/**
 * The indexes over `records`, built once per records object (a WeakMap cache): call it per request freely.
 * @example select(dataset).series.get('cead.cases.drugs|CL')?.length // 16 (2010–2025)
 */
export function select<O extends LevelRecord, C extends ChangeRecord>(
  records: RecordsLike<O, C>,
): Selection<O, C> {
  const hit = cache.get(records);
  if (hit) return hit as unknown as Selection<O, C>;
  const places = placeIndex(records.geos);
  const sel: Selection<O, C> = {
    records,
    indicators: new Map(records.indicators.map((i) => [i.id, i])),
    geos: places.byId,
    places,
    observationsById: new Map(records.observations.map((o) => [o.id, o])),
    changesById: new Map(records.changes.map((c) => [c.id, c])),
    series: sortEach(
      groupBy(records.observations, (o) => `${o.indicator}|${o.geo}`),
      byPeriod,
    ),
    levels: groupBy(records.observations, (o) => `${o.indicator}|${o.geo}|${o.period}`),
    changes: sortEach(
      groupBy(records.changes, (c) => `${c.indicator}|${c.geo}`),
      (a, b) => comparePeriods(a.from, b.from) || comparePeriods(a.to, b.to),
    ),
    breaks: records.events.flatMap((event) => {
      const span = event.breaksSeries ? dateSpan(event.date) : undefined;
      return span ? [{ event, start: span[0] }] : [];
    }),
  };
  cache.set(records, sel as unknown as Selection<LevelRecord, ChangeRecord>);
  return sel;
}

function sortEach<T>(m: Map<string, T[]>, cmp: (a: T, b: T) => number): Map<string, T[]> {
  for (const xs of m.values()) xs.sort(cmp);
  return m;
}

/**
 * A place id from what a reader types: its id in any case (`cl-rm`), a CUT code (`13`, `5101`,
 * `05101`), a region's Roman numeral, or a name or spelling variant regardless of accents and case
 * (`calama`, `Coihaique`), read by `resolvePlace` of `@mt0/core/places`, the one resolver of aliases.
 * `undefined` when nothing matches, or when a name is two places' (Valparaíso: ask for the id).
 * @example resolvePlaceId(select(dataset), '13') // "CL-RM"
 * @example resolvePlaceId(select(dataset), 'cl-rm') // "CL-RM"
 * @example resolvePlaceId(select(dataset), 'coihaique') // "CL-11101"
 */
export function resolvePlaceId(sel: Selection<LevelRecord, ChangeRecord>, text: string): string | undefined {
  const r = resolvePlace(sel.places, text);
  return r.ok ? r.place.id : undefined;
}

/**
 * What to tell a reader whose text names no one place: the places a shared name stands for, or the
 * closest names (did you mean…), then the forms a place may be given in.
 * @example placeHint(select(dataset), 'Calma') // "did you mean CL-02201 (Calama)? Use an id (CL, CL-RM, CL-05101), a CUT code (13, 5101) or a name"
 */
export function placeHint(sel: Selection<LevelRecord, ChangeRecord>, text: string): string {
  const forms = 'an id (CL, CL-RM, CL-05101), a CUT code (13, 5101) or a name';
  const r = resolvePlace(sel.places, text);
  const named = (ps: readonly GeoRecord[]) => ps.map((p) => `${p.id} (${p.name.es})`).join(', ');
  if (!r.ok && r.reason === 'ambiguous')
    return `it names ${named(r.candidates)}: use ${forms.replace(' or a name', '')}`;
  const near = !r.ok && r.reason === 'unknown' ? r.suggestions.slice(0, 3) : [];
  return `${near.length ? `did you mean ${named(near)}? Use` : 'use'} ${forms}`;
}

/** Which records a selection may use: the grades asked for and, optionally, one source. */
export interface Filter {
  confidence?: ReadonlySet<Confidence> | undefined;
  source?: string | undefined;
}

const passes = (r: { confidence?: Confidence; source: string }, f: Filter) =>
  (f.confidence === undefined || r.confidence === undefined || f.confidence.has(r.confidence)) &&
  (f.source === undefined || r.source === f.source);

/**
 * The levels of an indicator at a place, earlier period first, that pass the filter.
 * @example seriesOf(select(dataset), 'cead.cases.drugs', 'CL')[0]?.period // "2010"
 */
export function seriesOf<O extends LevelRecord>(
  sel: Selection<O, ChangeRecord>,
  indicator: string,
  geo: string,
  filter: Filter = {},
): O[] {
  return (sel.series.get(`${indicator}|${geo}`) ?? []).filter((o) => passes(o, filter));
}

/**
 * The levels of an indicator at a place for exactly one period (one per source).
 * @example levelsAt(select(dataset), 'mt0.arrests', 'CL', '2020').map((o) => o.value) // [2681]
 */
export function levelsAt<O extends LevelRecord>(
  sel: Selection<O, ChangeRecord>,
  indicator: string,
  geo: string,
  period: string,
  filter: Filter = {},
): O[] {
  return (sel.levels.get(`${indicator}|${geo}|${period}`) ?? []).filter((o) => passes(o, filter));
}

/** The indicator a count is divided by for a rate per 100,000 inhabitants. */
export const POPULATION = 'ine.population';

/**
 * The INE population of the same place and period as `count` (a year's count uses that year's
 * projection). Several when several sources give it; none for a span or a place INE does not cover.
 * @example populationFor(select(dataset), { geo: 'CL', period: '2017' })[0]?.value // 18419192
 */
export function populationFor<O extends LevelRecord>(
  sel: Selection<O, ChangeRecord>,
  count: { geo: string; period: string },
  filter: Filter = {},
): O[] {
  return levelsAt(sel, POPULATION, count.geo, count.period, filter);
}

/** A loose date (2025, 2025-01, 2025-01-31) as decimal years [start, end). */
export function dateSpan(date: string): [number, number] | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return [year, year + 1];
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const start = year + (month - 1) / 12;
  if (m[3] === undefined) return [start, start + 1 / 12];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Number(m[3]);
  if (day < 1 || day > days) return undefined;
  return [start + (day - 1) / 12 / days, start + day / 12 / days];
}

/** Whether an event breaks the series of `indicator` at `geo` (a national break breaks regional series). */
export function breaksSeriesOf(e: EventRecord, indicator: string, geo: string): boolean {
  if (!e.breaksSeries) return false;
  if (e.indicators.length > 0 && !e.indicators.includes(indicator)) return false;
  return e.geo.includes(geo) || e.geo.includes('CL') || e.geo.includes(geo.slice(0, 2));
}

/** Event kinds a chart of a series marks beside its breaks: the programme's launch and renaming. */
const MARKED_KINDS: ReadonlySet<string> = new Set(['launch', 'rename', 'reclassification']);

/**
 * The events a chart of `indicator` at `geo` marks: series breaks and the programme's launch and
 * renaming, national events marking regional series too, earlier first.
 * @example eventsMarking(select(dataset), 'cead.cases.drugs', 'CL').map((e) => e.id).at(-1) // "cead.reclassification.2025"
 */
export function eventsMarking(
  sel: Selection<LevelRecord, ChangeRecord>,
  indicator: string,
  geo: string,
): EventRecord[] {
  return sel.records.events
    .filter(
      (e) =>
        (e.breaksSeries || MARKED_KINDS.has(e.kind ?? '')) &&
        (e.indicators.length === 0 || e.indicators.includes(indicator)) &&
        (e.geo.includes('CL') || e.geo.includes(geo)),
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The series-break events of an indicator and place that fall inside the stretch from the start of
 * `from` to the end of `to`: values on either side of one are not comparable without care.
 * @example breaksBetween(select(dataset), 'cead.cases.drugs', 'CL', '2024', '2025').map((e) => e.id) // ["cead.reclassification.2025"]
 * @example breaksBetween(select(dataset), 'cead.cases.drugs', 'CL', '2015', '2019') // []
 */
export function breaksBetween(
  sel: Selection<LevelRecord, ChangeRecord>,
  indicator: string,
  geo: string,
  from: string,
  to: string,
): EventRecord[] {
  const a = parsePeriod(from);
  const b = parsePeriod(to);
  if (!a || !b) return [];
  const start = Math.min(periodStart(a), periodStart(b));
  const end = Math.max(periodEnd(a), periodEnd(b));
  // A break at the very start of the first period does not split the stretch.
  return sel.breaks
    .filter((b) => b.start > start && b.start < end && breaksSeriesOf(b.event, indicator, geo))
    .map((b) => b.event);
}

/** A reported change lined up for `compare`: names, role, place and what its figure counts. */
export interface CompareInput {
  id: string;
  indicator: string;
  label: Bilingual | string;
  role: 'output' | 'outcome' | 'context';
  roleReason?: Bilingual | undefined;
  countedBy?: 'police' | 'justice' | undefined;
  geo: string;
  place?: Bilingual | undefined;
  from: string;
  to: string;
  percent: Interval;
  source: string;
  /** "PDI via InSight Crime" / "PDI vía InSight Crime": the publisher, and the outlet it came through. */
  sourceName?: Bilingual | undefined;
}

const names = (es: string | undefined, en: string | undefined): Bilingual | undefined =>
  es !== undefined && en !== undefined ? { es, en } : undefined;

/**
 * A source as a reader names it: its publisher, and the outlet it came through.
 * @example sourceName(select(dataset), 'pdi.via.insightcrime.2022') // "Policía de Investigaciones de Chile (PDI) via InSight Crime"
 */
export function sourceName(
  sel: Selection<LevelRecord, ChangeRecord>,
  id: string,
  lang: Language = 'en',
): string | undefined {
  const all = sel.records.sources ?? [];
  const s = all.find((x) => x.id === id);
  if (!s) return undefined;
  const via = s.via ? all.find((x) => x.id === s.via) : undefined;
  return via ? `${s.publisher} ${lang === 'es' ? 'vía' : 'via'} ${via.publisher}` : s.publisher;
}

/**
 * A reported change as `compare` takes it, with its indicator's names, role and place.
 * @example compareInputOf(select(dataset), select(dataset).changesById.get('fiscalia.street_sales:CL:2015/2019:fiscalia.via.insightcrime.2022')).countedBy // "justice"
 */
export function compareInputOf(sel: Selection<LevelRecord, ChangeRecord>, c: ChangeRecord): CompareInput {
  const ind = sel.indicators.get(c.indicator);
  const geo = sel.geos.get(c.geo);
  return {
    id: c.id,
    indicator: c.indicator,
    label: ind ? { es: ind.name.es, en: ind.name.en } : c.indicator,
    role: ind?.role ?? 'context',
    roleReason: ind?.roleReason,
    countedBy: ind?.countedBy,
    geo: c.geo,
    place: geo ? { es: geo.name.es, en: geo.name.en } : undefined,
    from: c.from,
    to: c.to,
    percent: endsOf(c.percent, c),
    source: c.source,
    sourceName: names(sourceName(sel, c.source, 'es'), sourceName(sel, c.source, 'en')),
  };
}

// ---------------------------------------------------------------------------------------------------
// Record references, as the API's parameters and the widget's attributes name records.

/** Why a reference picked no record: a value naming the parameter, never a throw. */
export interface PickRefusal {
  refused: string;
  code: 'invalid' | 'no_record' | 'ambiguous' | 'confidence';
  params: { name: string; reason: string }[];
  extra?: Record<string, unknown>;
}

export type Picked<T> = { record: T; refused?: undefined } | PickRefusal;

export interface RefOptions extends Filter {
  /** The parameter's name, for messages. */
  name: string;
  /** The place of the `indicator@period` form. */
  geo: string;
  confidence: ReadonlySet<Confidence>;
}

const quote = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);

function refusal(
  code: PickRefusal['code'],
  name: string,
  refused: string,
  reason: string,
  extra?: Record<string, unknown>,
): PickRefusal {
  return { refused, code, params: [{ name, reason }], ...(extra ? { extra } : {}) };
}

function gradeRefusal(
  name: string,
  r: { id: string; confidence?: Confidence },
  allowed: ReadonlySet<Confidence>,
) {
  const g = r.confidence ?? 'C';
  return refusal(
    'confidence',
    name,
    `The record ${quote(r.id)} selected by "${name}" is graded ${g}; records graded ${g} are left out of metrics unless asked: add confidence=${[...allowed, g].sort().join(',')}.`,
    `record graded ${g}`,
    { record: r.id },
  );
}

function pickOne<T extends { id: string; source: string; confidence?: Confidence }>(
  candidates: readonly T[],
  opts: RefOptions,
  describe: () => string,
): Picked<T> {
  const { name } = opts;
  // The common case, one record of an allowed grade, builds no message.
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (
    only &&
    (opts.source === undefined || only.source === opts.source) &&
    (only.confidence === undefined || opts.confidence.has(only.confidence))
  )
    return { record: only };
  const described = describe();
  const bySource =
    opts.source === undefined ? candidates : candidates.filter((r) => r.source === opts.source);
  if (bySource.length === 0)
    return refusal(
      'no_record',
      name,
      `No record matches "${name}" (${described}).`,
      `no record for ${described}`,
    );
  const graded = bySource.filter((r) => r.confidence === undefined || opts.confidence.has(r.confidence));
  const first = bySource[0] as T;
  if (graded.length === 0) return gradeRefusal(name, first, opts.confidence);
  if (graded.length > 1) {
    return refusal(
      'ambiguous',
      name,
      `"${name}" (${described}) matches ${graded.length} records; give a full record id, or add source=.`,
      'matches more than one record',
      { candidates: graded.map((r) => r.id) },
    );
  }
  return { record: graded[0] as T };
}

function unknownIndicator(sel: Selection<LevelRecord, ChangeRecord>, name: string, id: string): PickRefusal {
  return refusal(
    'invalid',
    name,
    `Query parameter "${name}": unknown indicator ${quote(id)}.`,
    `unknown indicator ${quote(id)}`,
    {
      allowed: [...sel.indicators.keys()].sort(),
    },
  );
}

/**
 * A level named by its id (`indicator:geo:period:source`) or by `indicator@period` (at `opts.geo`, with
 * `opts.source` to choose among sources).
 * @example observationRef(select(dataset), 'mt0.arrests@2020', { name: 'total', geo: 'CL', confidence: new Set(['A', 'B']) }).record?.value // 2681
 */
export function observationRef<O extends LevelRecord>(
  sel: Selection<O, ChangeRecord>,
  value: string,
  opts: RefOptions,
): Picked<O> {
  const { name } = opts;
  if (value.includes(':')) {
    const o = sel.observationsById.get(value);
    if (!o)
      return refusal(
        'no_record',
        name,
        `"${name}" names no observation: ${quote(value)}.`,
        'unknown observation id',
      );
    if (o.confidence !== undefined && !opts.confidence.has(o.confidence))
      return gradeRefusal(name, o, opts.confidence);
    return { record: o };
  }
  const at = value.indexOf('@');
  if (at === -1) {
    const reason = `expected an observation id (indicator:geo:period:source) or indicator@period, got ${quote(value)}`;
    return refusal('invalid', name, `Query parameter "${name}": ${reason}.`, reason);
  }
  const indicator = value.slice(0, at);
  const period = value.slice(at + 1);
  if (!sel.indicators.has(indicator))
    return unknownIndicator(sel as Selection<LevelRecord, ChangeRecord>, name, indicator);
  if (!parsePeriod(period)) {
    const reason = `expected a period after "@" (2020, 2020-03, 2015/2019), got ${quote(period)}`;
    return refusal('invalid', name, `Query parameter "${name}": ${reason}.`, reason);
  }
  return pickOne(
    sel.levels.get(`${indicator}|${opts.geo}|${period}`) ?? [],
    opts,
    () => `${indicator} in ${opts.geo} for ${period}`,
  );
}

/**
 * A reported change named by its id (`indicator:geo:from/to:source`), by `indicator@from/to`, or by the
 * indicator alone when it has exactly one change at `opts.geo`.
 * @example changeRef(select(dataset), 'fiscalia.street_sales', { name: 'change', geo: 'CL', confidence: new Set(['A', 'B']) }).record?.percent // 62
 */
export function changeRef<C extends ChangeRecord>(
  sel: Selection<LevelRecord, C>,
  value: string,
  opts: RefOptions,
): Picked<C> {
  const { name } = opts;
  if (value.includes(':')) {
    const c = sel.changesById.get(value);
    if (!c)
      return refusal(
        'no_record',
        name,
        `"${name}" names no reported change: ${quote(value)}.`,
        'unknown change id',
      );
    if (c.confidence !== undefined && !opts.confidence.has(c.confidence))
      return gradeRefusal(name, c, opts.confidence);
    return { record: c };
  }
  const at = value.indexOf('@');
  const indicator = at === -1 ? value : value.slice(0, at);
  const span = at === -1 ? undefined : value.slice(at + 1);
  if (!sel.indicators.has(indicator))
    return unknownIndicator(sel as unknown as Selection<LevelRecord, ChangeRecord>, name, indicator);
  let candidates = sel.changes.get(`${indicator}|${opts.geo}`) ?? [];
  if (span !== undefined) {
    const [from, to, extra] = span.split('/');
    if (extra !== undefined || !from || !to || !parsePeriod(from) || !parsePeriod(to)) {
      const reason = `expected indicator@from/to (mt0.seizures@2020/2021), got ${quote(value)}`;
      return refusal('invalid', name, `Query parameter "${name}": ${reason}.`, reason);
    }
    candidates = candidates.filter((c) => c.from === from && c.to === to);
  }
  return pickOne(
    candidates,
    opts,
    () => `change in ${indicator} in ${opts.geo}${span ? ` for ${span}` : ''}`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Periods as shapes: what makes two periods comparable.

/** "year", "month", "span of years", "span of months". */
export function periodKind(p: ParsedPeriod): string {
  return p.kind === 'span' ? `span of ${p.start.kind}s` : p.kind;
}

/**
 * A period's length in months (2020 → 12, 2025-01/2025-09 → 9, 2014/2016 → 36), or `undefined`.
 * @example periodMonths('2025-01/2025-09') // 9
 * @example periodMonths('2014/2016') // 36
 */
export function periodMonths(period: string): number | undefined {
  const p = parsePeriod(period);
  return p ? Math.round((periodEnd(p) - periodStart(p)) * 12) : undefined;
}

/** A period in words for refusals: "2024 (12 months)", "2025-01/2025-09 (9 months)". */
export function periodWords(period: string, lang: Language = 'en'): string {
  const m = periodMonths(period);
  if (m === undefined) return period;
  return lang === 'es'
    ? `${period} (${m} ${m === 1 ? 'mes' : 'meses'})`
    : `${period} (${m} month${m === 1 ? '' : 's'})`;
}
