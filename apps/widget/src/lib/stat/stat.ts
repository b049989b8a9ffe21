// The `stat` view: one big number (a level) or change, with its period, qualifier and source.
import { formatChangeSpan, formatPeriod } from '@mt0/core/format';
import { change as changeMetric } from '@mt0/core/registry';
import { select } from '@mt0/core/select';
import {
  changesOf,
  findIndicator,
  geoName,
  indicatorIds,
  observationsOf,
  periodKey,
  sourceLabel,
} from '../data.js';
import { t } from '../i18n.js';
import type { Bundle, Params, TableModel } from '../types.js';
import { changeRange, changeText, isApprox, levelRange, levelText, rangeWords } from '../values.js';

export interface StatModel {
  title: string;
  big: string;
  /** Short unit after the number (detenciones, casos); empty for changes and shares. */
  unit: string;
  when: string;
  approximate: boolean;
  range: string;
  source: string;
  sourceId: string;
  url?: string | undefined;
  /** The change from the year before ("+4,3 % frente a 2023"), by core's change metric. */
  delta?: string;
  /** Why there is no change from the year before, in words (a series break between the two years). */
  noDelta?: string;
  /** The whole figure in one sentence, for screen readers and the SVG-less summary. */
  sentence: string;
  table: TableModel;
}

/**
 * The figure a `stat` shows: the indicator's latest reported change if it has one, else its latest level
 * in range. `undefined` when the bundle has neither.
 * @example statModel(seed, { view: 'stat', geo: 'CL', lang: 'es', theme: 'auto' })?.big // "+150%"
 */
export function statModel(b: Bundle, p: Params): StatModel | undefined {
  const id = indicatorIds(p)[0] ?? '';
  const ind = findIndicator(b, id);
  if (!ind) return undefined;
  const s = t(p.lang);
  const title = ind.name[p.lang];
  const place = p.geo === 'CL' ? '' : `, ${geoName(b, p.geo, p.lang)}`;
  const change = changesOf(b, id, p.geo).find(
    (c) => (!p.from || c.from >= p.from) && (!p.to || c.to <= p.to),
  );
  if (change) {
    const range = isApprox(change.qualifier) ? changeRange(change, p.lang) : '';
    const when = formatChangeSpan(change.from, change.to, p.lang);
    const big = changeText(change, p.lang);
    const src = sourceLabel(b, change.source, p.lang);
    return {
      title: title + place,
      big,
      unit: '',
      when,
      approximate: isApprox(change.qualifier),
      range,
      source: src,
      sourceId: change.source,
      url: b.sources.find((x) => x.id === change.source)?.url,
      sentence: `${title}${place}: ${big}${rangeWords(range, p.lang)}, ${when}. ${s.source}: ${src}.`,
      table: {
        caption: title + place,
        rows: [
          {
            key: change.id,
            label: title,
            period: when,
            periodKey: periodKey(change.from),
            value: big,
            sortValue: change.percent,
            approximate: isApprox(change.qualifier),
            range,
            source: src,
            url: b.sources.find((x) => x.id === change.source)?.url,
          },
        ],
      },
    };
  }
  const all = observationsOf(b, id, p.geo, p);
  // A place's stored years (a comuna, or resolution=year): the latest full year, never a partial one.
  const yearly = p.resolution === 'year' || b.geos.find((g) => g.id === p.geo)?.level === 'comuna';
  const levels = yearly ? all.filter((x) => x.periodStatus !== 'partial') : all;
  const o = levels[levels.length - 1];
  if (!o) return undefined;
  const before = yearly ? levels[levels.length - 2] : undefined;
  const delta = before ? yearChange(b, id, p, before.period, o.period) : undefined;
  const big = levelText(o, ind.unit, p.lang);
  const unit = ind.unit === 'share' || ind.unit === 'percent' ? '' : ind.unitShort[p.lang];
  const range = levelRange(o, ind.unit, p.lang);
  const when = formatPeriod(o.period, p.lang);
  const src = sourceLabel(b, o.source, p.lang);
  const url = b.sources.find((x) => x.id === o.source)?.url;
  return {
    title: title + place,
    big,
    unit,
    when,
    approximate: isApprox(o.qualifier),
    range,
    source: src,
    sourceId: o.source,
    url,
    ...(delta?.text ? { delta: delta.text } : {}),
    ...(delta?.refused ? { noDelta: delta.refused } : {}),
    sentence: `${title}${place}: ${big}${unit ? ` ${unit}` : ''}${rangeWords(range, p.lang)}, ${when}${delta?.text ? ` (${delta.text})` : ''}. ${delta?.refused ? `${delta.refused}. ` : ''}${s.source}: ${src}.`,
    table: {
      caption: title + place,
      rows: levels.map((x) => ({
        key: x.id,
        label: title,
        period: formatPeriod(x.period, p.lang),
        periodKey: periodKey(x.period),
        value: levelText(x, ind.unit, p.lang),
        sortValue: x.value,
        approximate: isApprox(x.qualifier),
        range: levelRange(x, ind.unit, p.lang),
        source: sourceLabel(b, x.source, p.lang),
        url: b.sources.find((y) => y.id === x.source)?.url,
      })),
    },
  };
}

/**
 * The change between two years by core's change metric, with its guards: a series break between them
 * refuses it, and the refusal is said in words (the break's event) instead of a number.
 */
function yearChange(
  b: Bundle,
  id: string,
  p: Params,
  from: string,
  to: string,
): { text?: string; refused?: string } | undefined {
  const s = t(p.lang);
  const sel = select(b) as unknown as Parameters<typeof changeMetric.run>[0];
  const r = changeMetric.run(sel, { from: `${id}@${from}`, to: `${id}@${to}`, geo: p.geo });
  if (r.metric !== undefined) {
    if (r.unit !== 'percent' || r.value === null) return undefined;
    return { text: `${changeText({ percent: r.value, qualifier: 'exact' }, p.lang)} ${s.versus} ${from}` };
  }
  if (r.code !== 'series_break') return undefined;
  const event = b.events.find(
    (e) => e.breaksSeries && (e.indicators.length === 0 || e.indicators.includes(id)),
  );
  const why = event ? `${s.seriesBreak} ${event.date}: ${event.title[p.lang]}` : s.seriesBreak;
  return { refused: `${s.noCompare} ${from} (${why})` };
}
