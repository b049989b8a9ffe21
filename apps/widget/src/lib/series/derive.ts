// The series' SVG description and data table, from its model (string assembly only; see ../derive.ts).
import type { Strings } from '../i18n.js';
import type { TableModel } from '../types.js';
import type { SeriesModel } from './series.js';

/** What the series' SVG says: title, unit, every period's value (gaps named), and the events. */
export function seriesDesc(m: SeriesModel, ui: Strings): string {
  const listed = m.points.map(
    (x) =>
      `${x.plabel}: ${x.label}${x.approximate && x.value !== null ? ` (${ui.approx.toLowerCase()})` : ''}`,
  );
  const events = m.events.map((e) => e.label).join('. ');
  return `${m.title} (${m.unit}). ${listed.join('; ')}.${events ? ` ${events}.` : ''}`;
}

/** The series' data table: one row per period with a value. */
export function seriesTable(m: SeriesModel): TableModel {
  return {
    caption: `${m.title} (${m.unit})`,
    rows: m.points.flatMap((x) =>
      x.value === null
        ? []
        : [
            {
              key: x.id ?? x.period,
              label: m.name,
              period: x.plabel,
              periodKey: x.key,
              value: x.label,
              sortValue: x.value,
              approximate: x.approximate,
              range: x.range,
              source: m.srcs[x.src]?.label ?? '',
              url: m.srcs[x.src]?.url,
            },
          ],
    ),
  };
}
