// compare, the numbers: each reported change as a compound annual rate over its own span, grouped by
// role, and the headline gap between outputs and outcomes — given only when their spans overlap. The
// sentences about these numbers live in ../format/compare.ts.
import { parsePeriod, periodEnd, periodStart, yearsBetween } from '../periods/index.js';
import type { Bilingual } from '../schemas/common.js';
import { annualized } from './annualized.js';
import { type Estimate, type Interval, toInterval } from './interval.js';

export type CompareRole = 'output' | 'outcome' | 'context';

/** A reported change over its own span, as `compare` takes it. */
export interface CompareItem {
  id: string;
  /** What a reader calls it ("seizures"); one string for both languages, or one per language. */
  label?: string | Bilingual;
  role: CompareRole;
  from: string;
  to: string;
  /** The total relative change over the span, in percent, exact or as an interval. */
  percent: Estimate;
  source?: string;
  /** The source as a reader names it ("PDI via InSight Crime"), in one language or each. */
  sourceName?: string | Bilingual;
  /** The place's id and name, so that sentences name places when items differ in place. */
  geo?: string;
  place?: Bilingual;
  /** The figure counts cases recorded by the police or the justice system (indicator metadata). */
  countedBy?: 'police' | 'justice';
}

export interface ComparedItem extends CompareItem {
  /** Years from `from` to `to`, point to point (2015→2019 is 4). */
  years: number;
  /** The total change as an interval. */
  total: Interval;
  /** The compound annual rate over the item's own span, in percent a year. */
  annualized: Interval;
}

/**
 * What the annual rates show: outputs faster than outcomes even at the ends of their intervals, the
 * reverse, a direction that holds for the stated values but not across the intervals (`overlap`), no
 * single direction (`mixed`), nothing to set against (`one_sided`), or spans of outputs and outcomes
 * that do not overlap in time (`apart`): then the data cannot say which moved faster.
 */
export type CompareFinding =
  | 'outputs_faster'
  | 'outcomes_faster'
  | 'overlap'
  | 'mixed'
  | 'one_sided'
  | 'apart';

export interface Comparison {
  items: ComparedItem[];
  groups: Record<CompareRole, ComparedItem[]>;
  finding: CompareFinding;
  /** Slowest output rate − fastest outcome rate, in percentage points a year; null with `gapReason`. */
  gap: Interval | null;
  gapReason?: string;
}

const span = (x: CompareItem): [number, number] | undefined => {
  const a = parsePeriod(x.from);
  const b = parsePeriod(x.to);
  return a && b ? [periodStart(a), periodEnd(b)] : undefined;
};

/**
 * Whether two changes cover overlapping stretches of time (2015–2019 and 2020–2021 do not).
 * @example spansOverlap({ from: '2015', to: '2019' }, { from: '2018', to: '2021' }) // true
 * @example spansOverlap({ from: '2015', to: '2019' }, { from: '2020', to: '2021' }) // false
 */
export function spansOverlap(
  a: Pick<CompareItem, 'from' | 'to'>,
  b: Pick<CompareItem, 'from' | 'to'>,
): boolean {
  const sa = span(a as CompareItem);
  const sb = span(b as CompareItem);
  return sa !== undefined && sb !== undefined && sa[0] < sb[1] && sb[0] < sa[1];
}

const min = (xs: readonly ComparedItem[], k: keyof Interval) => Math.min(...xs.map((x) => x.annualized[k]));
const max = (xs: readonly ComparedItem[], k: keyof Interval) => Math.max(...xs.map((x) => x.annualized[k]));

function finding(outputs: readonly ComparedItem[], outcomes: readonly ComparedItem[]): CompareFinding {
  if (outputs.length === 0 || outcomes.length === 0) return 'one_sided';
  if (!outputs.every((o) => outcomes.every((c) => spansOverlap(o, c)))) return 'apart';
  if (min(outputs, 'low') > max(outcomes, 'high')) return 'outputs_faster';
  if (min(outcomes, 'low') > max(outputs, 'high')) return 'outcomes_faster';
  if (min(outputs, 'value') > max(outcomes, 'value') || min(outcomes, 'value') > max(outputs, 'value'))
    return 'overlap';
  return 'mixed';
}

/**
 * Lines up enforcement outputs against outcomes on the same footing, each as a compound annual rate
 * over its own span. The headline gap (slowest output rate − fastest outcome rate) is given only when
 * every output's span overlaps every outcome's; otherwise it is null and `gapReason` says why.
 *
 * Formula: for each item, `years = yearsBetween(from, to)` and `((1 + p/100)^(1/years) − 1) × 100`.
 *
 * Edge cases: `undefined` for no items, or when any item's periods cannot be read, its span is not
 * above zero, or its percent is not a valid estimate of at least −100. Inputs are not mutated.
 * @example compare([{ id: 'a', role: 'output', from: '2020', to: '2021', percent: 150 }, { id: 'b', role: 'outcome', from: '2015', to: '2019', percent: 62 }])?.gap // null
 * @example compare([{ id: 'a', role: 'output', from: '2015', to: '2019', percent: 100 }, { id: 'b', role: 'outcome', from: '2015', to: '2019', percent: 62 }])?.finding // "outputs_faster"
 */
export function compare(items: readonly CompareItem[]): Comparison | undefined {
  if (items.length === 0) return undefined;
  const compared: ComparedItem[] = [];
  for (const item of items) {
    const years = yearsBetween(item.from, item.to);
    const total = toInterval(item.percent);
    if (years === undefined || !(years > 0) || !total) return undefined;
    const rate = annualized(total, years);
    if (!rate) return undefined;
    compared.push({ ...item, years, total, annualized: rate });
  }
  const groups: Comparison['groups'] = {
    output: compared.filter((x) => x.role === 'output'),
    outcome: compared.filter((x) => x.role === 'outcome'),
    context: compared.filter((x) => x.role === 'context'),
  };
  const found = finding(groups.output, groups.outcome);
  if (found === 'one_sided')
    return {
      items: compared,
      groups,
      finding: found,
      gap: null,
      gapReason: 'the changes are not on both sides (outputs and outcomes)',
    };
  if (found === 'apart')
    return {
      items: compared,
      groups,
      finding: found,
      gap: null,
      gapReason:
        'the spans of the outputs and the outcomes do not overlap, so their rates describe different years',
    };
  const out = groups.output;
  const inc = groups.outcome;
  const gap = {
    value: min(out, 'value') - max(inc, 'value'),
    low: min(out, 'low') - max(inc, 'high'),
    high: min(out, 'high') - max(inc, 'low'),
  };
  return { items: compared, groups, finding: found, gap };
}
