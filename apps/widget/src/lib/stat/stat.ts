// The `stat` view: one big number (a level) or change, with its period, qualifier and source.
import { formatChangeSpan, formatPeriod } from '@mt0/core/format';
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
  const levels = observationsOf(b, id, p.geo, p);
  const o = levels[levels.length - 1];
  if (!o) return undefined;
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
    sentence: `${title}${place}: ${big}${unit ? ` ${unit}` : ''}${rangeWords(range, p.lang)}, ${when}. ${s.source}: ${src}.`,
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
