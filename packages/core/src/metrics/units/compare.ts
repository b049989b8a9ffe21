// The compare metric: enforcement outputs against outcomes, each reported change as an annual rate over
// its own span, with the headline gap only when the spans overlap, and core's sentences in es and en.
import { compareText } from '../../format/compare.js';
import { intervalNote, num } from '../../format/formula.js';
import type { ChangeRecord } from '../../select/index.js';
import { compareInputOf } from '../../select/index.js';
import { SEED_STORY } from '../../story.js';
import { compare as compareNumbers } from '../compare.js';
import {
  ALLOW_BREAK,
  ALLOW_UNDATED,
  changeInput,
  common,
  listOf,
  lowestGrade,
  metaOf,
  noBreak,
  notComputable,
  notPartial,
  readCommon,
  refuse,
  refused,
  reported,
  sameShape,
  str,
  undated,
} from '../guards.js';
import type { MetricOutcome, MetricUnit, Warning } from '../unit.js';

/** Most changes one comparison lines up. */
const MAX_CHANGES = 50;

export const compare: MetricUnit = {
  name: 'compare',
  title: 'Outputs against outcomes',
  summary:
    'Enforcement outputs against outcomes, each as an annual rate over its own span, with what each figure is and what the numbers cannot show, in es and en.',
  description:
    'Defaults to the seed story (MT-0 seizures against street-level sales and convictions). The headline gap is given only when the outputs’ and outcomes’ spans overlap; otherwise `value` is null and `gapReason` says why.',
  nullableValue: true,
  params: [
    {
      name: 'changes',
      kind: 'change-refs',
      description:
        'Reported changes to line up (ids, indicator@from/to, or indicator ids with one change for `geo`). Default: the seed story, mt0.seizures against fiscalia.street_sales and fiscalia.convictions.microtrafficking.',
      example: 'mt0.seizures,fiscalia.street_sales,fiscalia.convictions.microtrafficking',
    },
    {
      name: 'lang',
      kind: 'enum',
      values: ['es', 'en'],
      description: 'Language of `text` (default en); `sentence` has both.',
    },
    ...common(ALLOW_BREAK, ALLOW_UNDATED),
  ],
  result: [
    {
      name: 'finding',
      type: 'string',
      description:
        'outputs_faster, outcomes_faster, overlap, mixed, one_sided or apart (spans that do not overlap).',
    },
    {
      name: 'gapReason',
      type: 'nullable-string',
      description: 'Why there is no headline gap, when `value` is null.',
    },
    {
      name: 'items',
      type: 'objects',
      description: 'Each change: id, role, from, to, years, total and annualized intervals.',
    },
    {
      name: 'sentence',
      type: 'object',
      description: 'What each figure is, what the numbers show and cannot show ({ es, en }).',
    },
    {
      name: 'caveats',
      type: 'object',
      description: 'Cautions that follow from these inputs ({ es: [...], en: [...] }).',
    },
    { name: 'text', type: 'string', description: '`sentence` in `lang`.' },
    { name: 'lang', type: 'string', description: 'es or en.' },
  ],
  run(sel, q): MetricOutcome {
    const c = readCommon(sel, q);
    if (refused(c)) return c;
    const refs = listOf(q, 'changes') ?? [...SEED_STORY.compare];
    if (refs.some((r) => r === ''))
      return refuse(
        'invalid',
        'Query parameter "changes": has an empty value; give one or more values separated by commas.',
        [{ name: 'changes', reason: 'has an empty value; give one or more values separated by commas' }],
      );
    if (refs.length > MAX_CHANGES)
      return refuse('invalid', `Query parameter "changes": has more than ${MAX_CHANGES} values.`, [
        { name: 'changes', reason: `has more than ${MAX_CHANGES} values` },
      ]);
    const warnings: Warning[] = [];
    const records: ChangeRecord[] = [];
    for (const ref of refs) {
      const ch = reported(sel, q, c, 'changes', ref);
      if (refused(ch)) return ch;
      const guard =
        sameShape(ch.from, ch.to, ['changes', 'changes']) ??
        notPartial(ch, 'changes') ??
        undated({ ...ch }, 'changes', c.allowUndated, warnings) ??
        noBreak(sel, ch.indicator, ch.geo, ch.from, ch.to, c.allowBreak, warnings, 'changes');
      if (guard) return guard;
      records.push(ch);
    }
    const r = compareNumbers(records.map((ch) => compareInputOf(sel, ch)));
    if (!r)
      return notComputable(
        'These changes cannot be put on a per-year footing (a span of zero years, or a fall beyond −100 %).',
        ['changes'],
      );
    const text = compareText(r);
    const lang = str(q, 'lang') === 'es' ? 'es' : 'en';
    const rates = r.items.map(
      (x, i) =>
        `${records[i]?.indicator ?? x.id}: ((1 + ${num(x.total.value)}/100)^(1/${num(x.years)}) − 1) × 100 = ${num(x.annualized.value)} % a year`,
    );
    const mins = (k: 'value') => Math.min(...r.groups.output.map((x) => x.annualized[k]));
    const maxs = (k: 'value') => Math.max(...r.groups.outcome.map((x) => x.annualized[k]));
    const gapText = r.gap
      ? `gap = slowest output rate − fastest outcome rate = ${num(mins('value'))} − ${num(maxs('value'))} = ${num(r.gap.value)} points a year${intervalNote(r.gap)}`
      : `no gap: ${r.gapReason}`;
    const inputs = records.map(changeInput);
    return {
      metric: 'compare',
      value: r.gap?.value ?? null,
      low: r.gap?.low ?? null,
      high: r.gap?.high ?? null,
      unit: 'percentage points a year',
      formula: `annual rate = ((1 + p/100)^(1/years) − 1) × 100 for each change: ${rates.join('; ')}; ${gapText}`,
      inputs,
      confidence: lowestGrade(inputs),
      warnings,
      finding: r.finding,
      gapReason: r.gapReason ?? null,
      items: r.items.map((x) => ({
        id: x.id,
        role: x.role,
        geo: x.geo,
        from: x.from,
        to: x.to,
        years: x.years,
        total: x.total,
        annualized: x.annualized,
      })),
      sentence: text.sentence,
      caveats: text.caveats,
      text: text.sentence[lang],
      lang,
      meta: metaOf(sel),
    };
  },
};
