// The `table` view: the accessible, sortable data table behind any figure, with per-value source links.
import { formatChangeSpan, formatPeriod } from '@mt0/core/format';
import { findIndicator, geoName, indicatorIds, observationsOf, periodKey, sourceLabel } from '../data.js';
import { t } from '../i18n.js';
import type { Bundle, Params, TableModel, TableRow } from '../types.js';
import { changeRange, changeText, isApprox, levelRange, levelText } from '../values.js';

/**
 * Every reported change and level of the view's indicators (the seed story by default) at the geo,
 * within the range, in indicator order and then by period. `undefined` when there is no row.
 */
export function tableModel(b: Bundle, p: Params): TableModel | undefined {
  const rows: TableRow[] = [];
  const url = (id: string) => b.sources.find((x) => x.id === id)?.url;
  for (const id of indicatorIds(p)) {
    const ind = findIndicator(b, id);
    if (!ind) continue;
    const name = ind.name[p.lang];
    for (const c of b.changes.filter((x) => x.indicator === id && x.geo === p.geo)) {
      if ((p.from && c.from < p.from) || (p.to && c.to > p.to)) continue;
      rows.push({
        key: c.id,
        label: name,
        period: formatChangeSpan(c.from, c.to, p.lang),
        periodKey: periodKey(c.from),
        value: changeText(c, p.lang),
        sortValue: c.percent,
        approximate: isApprox(c.qualifier),
        range: isApprox(c.qualifier) ? changeRange(c, p.lang) : '',
        source: sourceLabel(b, c.source, p.lang),
        url: url(c.source),
      });
    }
    for (const o of observationsOf(b, id, p.geo, p)) {
      rows.push({
        key: o.id,
        label: name,
        period: formatPeriod(o.period, p.lang),
        periodKey: periodKey(o.period),
        value: levelText(o, ind.unit, p.lang),
        sortValue: o.value,
        approximate: isApprox(o.qualifier),
        range: levelRange(o, ind.unit, p.lang),
        source: sourceLabel(b, o.source, p.lang),
        url: url(o.source),
      });
    }
  }
  if (rows.length === 0) return undefined;
  const s = t(p.lang);
  const one = indicatorIds(p).length === 1 ? findIndicator(b, indicatorIds(p)[0] ?? '') : undefined;
  const caption = one ? `${one.name[p.lang]}, ${geoName(b, p.geo, p.lang)}` : s.tableTitle;
  return { caption, rows };
}
