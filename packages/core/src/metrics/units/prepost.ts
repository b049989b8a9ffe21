// The prepost metric: the level of a series before an event against its level after, refusing to
// straddle a series break unless allowBreak=true; year-to-date points are left out and named.
import { intervalNote, num } from '../../format/formula.js';
import { breaksSeriesOf, seriesOf } from '../../select/index.js';
import {
  ALLOW_BREAK,
  common,
  isProportion,
  lowestGrade,
  metaOf,
  notComputable,
  observationInput,
  readCommon,
  refuse,
  refused,
  str,
} from '../guards.js';
import { prePost } from '../prePost.js';
import type { MetricOutcome, MetricUnit, Warning } from '../unit.js';
import { unitOf } from '../unit.js';

/** The event prepost compares around when none is given. */
export const DEFAULT_EVENT = 'mt0.launch';

export const prepost: MetricUnit = {
  name: 'prepost',
  title: 'Before and after an event',
  summary:
    'Level before an event against level after; refuses to straddle a series break unless allowBreak=true.',
  description: 'Example: /v1/metrics/prepost?indicator=cead.cases.drugs&event=mt0.launch&window=4.',
  params: [
    {
      name: 'indicator',
      kind: 'indicator',
      required: true,
      description: 'Indicator id.',
      example: 'cead.cases.drugs',
    },
    {
      name: 'event',
      kind: 'event',
      description: `Event id (default ${DEFAULT_EVENT}).`,
      example: 'mt0.launch',
    },
    {
      name: 'window',
      kind: 'integer',
      min: 1,
      max: 50,
      description: 'Years on each side of the event (default: all).',
      example: '4',
    },
    {
      name: 'aggregate',
      kind: 'enum',
      values: ['mean', 'total'],
      description: 'Level of each side: mean (default) or total.',
    },
    ...common({
      ...ALLOW_BREAK,
      description:
        'Compare across a series break (a reclassification) anyway; the result lists the breaks. Default false: a 422.',
    }),
  ],
  result: [
    { name: 'event', type: 'string', description: 'The event compared around.' },
    { name: 'aggregate', type: 'string', description: 'mean or total.' },
    {
      name: 'before',
      type: 'object',
      description: 'The periods before the event and their level ({ periods, level }).',
    },
    {
      name: 'after',
      type: 'object',
      description: 'The periods after the event and their level ({ periods, level }).',
    },
    {
      name: 'excluded',
      type: 'strings',
      description: 'Periods containing the event: neither before nor after.',
    },
    { name: 'absoluteChange', type: 'quantity', description: 'after − before, in the indicator unit.' },
    { name: 'breaks', type: 'strings', description: 'Series breaks crossed (only with allowBreak=true).' },
  ],
  run(sel, q): MetricOutcome {
    const c = readCommon(sel, q);
    if (refused(c)) return c;
    const indicator = str(q, 'indicator') ?? '';
    if (!sel.indicators.has(indicator))
      return refuse(
        'invalid',
        `Query parameter "indicator": unknown indicator ${JSON.stringify(indicator.slice(0, 80))}.`,
        [{ name: 'indicator', reason: 'unknown indicator' }],
        { allowed: [...sel.indicators.keys()].sort() },
      );
    const eventId = str(q, 'event') ?? DEFAULT_EVENT;
    const event = sel.records.events.find((e) => e.id === eventId);
    if (!event)
      return refuse(
        'no_record',
        `No event ${JSON.stringify(eventId.slice(0, 80))}; the list is at /v1/events.`,
        [{ name: 'event', reason: 'unknown event' }],
        { allowed: sel.records.events.map((e) => e.id).sort() },
      );
    const window = typeof q.window === 'number' ? q.window : undefined;
    const aggregate = str(q, 'aggregate') === 'total' ? 'total' : 'mean';
    const all = seriesOf(sel, indicator, c.geo, c);
    if (all.length === 0)
      return refuse(
        'no_record',
        `No observations of ${indicator} in ${c.geo} with the grades and source asked for.`,
        [{ name: 'indicator', reason: `no observations in ${c.geo}` }],
      );
    const seen = new Set<string>();
    const dup = all.find((o) => seen.size === seen.add(o.period).size);
    if (dup)
      return refuse(
        'ambiguous',
        `${indicator} in ${c.geo} has several records for ${dup.period}; add source= to pick one series.`,
        [{ name: 'source', reason: 'needed to pick one series' }],
        { candidates: all.filter((o) => o.period === dup.period).map((o) => o.id) },
      );
    const warnings: Warning[] = [];
    const obs = all.filter((o) => {
      if (o.periodStatus !== 'partial') return true;
      warnings.push({
        code: 'partial_left_out',
        record: o.id,
        message: `${o.period} is left out: it covers only part of its period (a year to date).`,
      });
      return false;
    });
    const breaks = sel.records.events
      .filter((e) => e.id !== event.id && breaksSeriesOf(e, indicator, c.geo))
      .map((e) => ({ id: e.id, date: e.date, breaksSeries: true }));
    const result = prePost(
      obs.map((o) => ({ period: o.period, value: o })),
      { id: event.id, date: event.date, breaksSeries: event.breaksSeries },
      { aggregate, ...(window !== undefined ? { window } : {}), breaks, allowBreak: c.allowBreak },
    );
    if (result.refused !== undefined) {
      if (result.code === 'series_break')
        return refuse(
          'series_break',
          `Refused: ${result.refused}. Values on either side of a series break (a reclassification) are not comparable without care; narrow the comparison with window=, or pass allowBreak=true to compare anyway.`,
          [{ name: 'allowBreak', reason: 'needed to compare across a break' }],
          { breaks: result.breaks },
        );
      return notComputable(`Refused: ${result.refused}.`, [
        result.code === 'invalid_input' ? 'window' : 'event',
      ]);
    }
    for (const id of result.breaks)
      warnings.push({
        code: 'series_break',
        event: id,
        message: `The periods compared cross the series break ${id}.`,
      });
    const before = result.before.level;
    const after = result.after.level;
    const used = new Set([...result.before.periods, ...result.after.periods]);
    const span = (ps: string[]) => (ps.length > 1 ? `${ps[0]}…${ps[ps.length - 1]}` : (ps[0] ?? ''));
    const sides = `before = ${aggregate} of ${span(result.before.periods)} = ${num(before.value)}, after = ${aggregate} of ${span(result.after.periods)} = ${num(after.value)}`;
    const inputs = obs.filter((o) => used.has(o.period)).map((o) => observationInput(sel, o));
    const unit = unitOf(sel, indicator);
    let head: { value: number; low: number; high: number; unit: string; formula: string };
    if (isProportion(sel, indicator)) {
      const k = unit === 'share' ? 100 : 1;
      const d = result.absoluteChange;
      const pts = { value: d.value * k, low: d.low * k, high: d.high * k };
      head = {
        ...pts,
        unit: 'percentage points',
        formula: `(after − before)${k === 1 ? '' : ' × 100'} with ${sides}: ${num(pts.value)} percentage points${intervalNote(pts)}`,
      };
    } else {
      const pc = result.percentChange;
      if (!pc)
        return notComputable('The level before the event may be zero: no relative change.', ['indicator']);
      head = {
        ...pc,
        unit: 'percent',
        formula: `(after − before) / before × 100 with ${sides}: (${num(after.value)} − ${num(before.value)}) / ${num(before.value)} × 100 = ${num(pc.value)} %${intervalNote(pc)}`,
      };
    }
    return {
      metric: 'prepost',
      ...head,
      inputs,
      confidence: lowestGrade(inputs),
      warnings,
      event: event.id,
      aggregate,
      before: result.before,
      after: result.after,
      excluded: result.excluded,
      absoluteChange: { ...result.absoluteChange, unit },
      breaks: result.breaks,
      meta: metaOf(sel),
    };
  },
};
