// The `series` view: a time series of one indicator and geo, with events and series breaks marked,
// missing periods drawn as gaps (never as zero) and an optional rate per 100,000 inhabitants.
import { formatNumber, formatPeriod } from '@mt0/core/format';
import { rollingSum } from '@mt0/core/metrics';
import { rateOf } from '@mt0/core/registry';
import { select } from '@mt0/core/select';
import { isPerCapita } from '@mt0/core/units';
import {
  findIndicator,
  geoName,
  indicatorIds,
  observationsOf,
  POPULATION,
  periodKey,
  sourceLabel,
} from '../data.js';
import { t } from '../i18n.js';
import type { Bundle, Params } from '../types.js';
import { isApprox, levelRange, levelText } from '../values.js';

export interface SeriesPoint {
  period: string;
  /** The record drawn at this point (its table row is marked when a later release corrected it). */
  id?: string;
  /** The period as read ("2020", "marzo de 2020"). */
  plabel: string;
  key: number;
  /** `null` for a period with no data: a gap, never a zero. */
  value: number | null;
  /** The interval; null: open at that end ("más de 2.300" has no upper bound). */
  low: number | null;
  high: number | null;
  approximate: boolean;
  label: string;
  /** The interval as read, for approximate values ("2.413–2.681"); else empty. */
  range: string;
  /** Index of the point's source in `srcs`. */
  src: number;
}

export interface SeriesEvent {
  n: number;
  key: number;
  label: string;
  breaks: boolean;
}

export interface SeriesModel {
  title: string;
  /** The indicator's name. */
  name: string;
  /** The sources of the points, as read, with their links. */
  srcs: { label: string; url?: string | undefined }[];
  unit: string;
  points: SeriesPoint[];
  /** Y axis ticks from zero, with their labels. */
  ticks: { value: number; label: string }[];
  events: SeriesEvent[];
  /** Whether a per-100k rate can be drawn (a count with population for its geo). */
  canRate: boolean;
  /** The rate is drawn from the start (`per100k=true`), its toggle checked. */
  startRate?: true;
  /** Whether any drawn point is approximate (the chart then has a legend entry for the hollow mark). */
  approx: boolean;
  sources: string[];
}

/** Consecutive periods from the first to the last (years, or months when the data are monthly). */
function steps(keys: number[], monthly: boolean): number[] {
  if (keys.length === 0) return [];
  const step = monthly ? 1 / 12 : 1;
  const out: number[] = [];
  const last = Math.max(...keys);
  for (let k = Math.min(...keys); k <= last + 1e-6; k += step) out.push(Math.round(k * 1e4) / 1e4);
  return out;
}

const keyOf = (period: string) => Math.round(periodKey(period) * 1e4) / 1e4;

/**
 * The series, per 100k when `rate` is set and population is there. `undefined` without data.
 * Gaps: every year (or month) between the first and last observation with no value is a `null` point.
 */
export function seriesModel(b: Bundle, p: Params, rate = false): SeriesModel | undefined {
  const id = indicatorIds(p)[0] ?? '';
  const ind = findIndicator(b, id);
  if (!ind) return undefined;
  const s = t(p.lang);
  // Points only: a span (2020/2021) is not a point on a time axis.
  const obs = observationsOf(b, id, p.geo, p).filter((o) => !o.period.includes('/'));
  if (obs.length === 0) return undefined;
  const pop = id === POPULATION ? [] : observationsOf(b, POPULATION, p.geo);
  const monthly = obs.some((o) => o.period.length === 7);
  // Population is yearly (INE): a month has none of its own, so months get no rate.
  const canRate = isPerCapita(ind.unit) && pop.length > 0 && !monthly;
  const perRate = rate && canRate;
  const sel = select(b) as unknown as Parameters<typeof rateOf>[0];
  // A 12-month rolling sum, of a monthly count only: labelled, and a gap where 12 months are not there.
  const rolling = p.rolling === true && monthly && !perRate;
  const byKey = new Map(obs.map((o) => [keyOf(o.period), o]));
  const srcIds = [...new Set(obs.map((o) => o.source))];
  const srcs = srcIds.map((id) => ({
    label: sourceLabel(b, id, p.lang),
    url: b.sources.find((x) => x.id === id)?.url,
  }));
  const gap = (period: string, plabel: string, key: number): SeriesPoint => ({
    period,
    plabel,
    key,
    value: null,
    low: 0,
    high: 0,
    approximate: false,
    label: s.gap,
    range: '',
    src: 0,
  });
  const points: SeriesPoint[] = steps([...byKey.keys()], monthly).map((key) => {
    const o = byKey.get(key);
    const period = o?.period ?? String(Math.floor(key));
    const plabel = formatPeriod(period, p.lang);
    if (!o) return gap(period, plabel, key);
    const src = srcIds.indexOf(o.source);
    if (perRate) {
      // Core's rate metric: the count per 100,000 with INE population of the same place and period,
      // with its guards (a count of people or events, not a year to date); a refusal is a gap.
      const r = rateOf(sel, o);
      // A null end of a rate is open (a count reported as "more than X"), not a gap.
      if (r.metric === undefined || r.value === null) return gap(period, plabel, key);
      const approximate = r.inputs.some((i) => isApprox(i.qualifier));
      const label = formatNumber(r.value, p.lang, { maximumFractionDigits: 1 });
      return {
        period,
        id: o.id,
        plabel,
        key,
        value: r.value,
        low: r.low,
        high: r.high,
        approximate,
        label,
        range: '',
        src,
      };
    }
    return {
      period,
      id: o.id,
      plabel,
      key,
      value: o.value,
      low: o.low,
      high: o.high,
      approximate: isApprox(o.qualifier),
      label: levelText(o, ind.unit, p.lang),
      range: levelRange(o, ind.unit, p.lang),
      src,
    };
  });
  if (rolling) {
    const sums = rollingSum(
      points.map((x) => x.value),
      12,
    );
    points.forEach((x, i) => {
      const v = sums[i] ?? null;
      if (v === null) Object.assign(x, gap(x.period, x.plabel, x.key));
      else
        Object.assign(x, {
          value: v,
          low: v,
          high: v,
          approximate: false,
          label: formatNumber(v, p.lang),
          range: '',
        });
    });
  }
  const first = points[0]?.key ?? 0;
  const last = points[points.length - 1]?.key ?? 0;
  // The bundle holds the events core's selection says this series marks (eventsMarking).
  const events = b.events
    .filter((e) => e.indicators.length === 0 || e.indicators.includes(id))
    .map((e) => ({ key: keyOf(e.date), e }))
    .filter(({ key }) => key >= first && key <= last)
    .sort((a, c) => a.key - c.key)
    .map(({ key, e }, i) => ({
      n: i + 1,
      key,
      label: `${formatPeriod(e.date, p.lang)}: ${e.title[p.lang]}${e.breaksSeries ? ` (${s.seriesBreak})` : ''}`,
      breaks: e.breaksSeries,
    }));
  const unit = perRate
    ? s.per100k
    : rolling
      ? `${ind.unitShort[p.lang]}, ${s.rolling12}`
      : ind.unitShort[p.lang];
  const place = geoName(b, p.geo, p.lang);
  const span = `${formatPeriod(points[0]?.period ?? '', p.lang)}–${formatPeriod(points[points.length - 1]?.period ?? '', p.lang)}`;
  const title = `${ind.name[p.lang]}${rolling ? ` (${s.rolling12})` : ''}, ${place}, ${span}`;
  const sources = [...new Set([...obs.map((o) => o.source), ...(perRate ? pop.map((o) => o.source) : [])])];
  // The axis reaches the highest bound there is. An open end has none: its whisker runs to the top of
  // the plot, so the axis leaves a fifth more room above its value for the whisker to show.
  const max = Math.max(...points.map((x) => (x.value === null ? 0 : (x.high ?? x.value * 1.2))));
  const ticks = niceTicks(max).map((value) => ({ value, label: formatNumber(value, p.lang) }));
  const approx = points.some((x) => x.approximate && x.value !== null);
  return {
    title,
    name: ind.name[p.lang],
    srcs,
    unit,
    points,
    ticks,
    events,
    canRate,
    ...(canRate && p.per100k ? { startRate: true as const } : {}),
    approx,
    sources,
  };
}

/** Round numbers for a y axis from 0 up to at least `max`: 0, 5.000, 10.000, 15.000, 20.000. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v < max + step - 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}
