// The qualifier policy: ONE place that turns a source's words ("nearly", "roughly a third", "more than")
// into the interval every derived number carries. Changing a rule here changes every derived figure
// consistently, so it is versioned and a change of it is a data release.
// Pure (no zod), so bundles that format approximate values stay small; the zod schema of a qualifier
// is in ./schema.ts.
import { decimals } from '../metrics/decimal.js';

/** Version of the qualifier policy; bump on any change to a rule. */
export const QUALIFIER_POLICY_VERSION = '1.3.0';

/**
 * Since 1.3.0: a figure converted from another in the same words ("casi 300.000 plantas, equivalentes a
 * 162 millones de dosis") names it in `derived_from` and inherits its interval in proportion: the doses
 * are [0.9, 1] × 162 millions, as the plants are [0.9, 1] × 300,000 (an open end stays open), joined
 * with the figure's own qualifier's interval. Applied by the loader (src/loader/derived.ts).
 */
export const DERIVED_INHERIT =
  'derived figures inherit the approximation of the figure they were converted from';

/** Every qualifier a record may carry. */
export const QUALIFIERS = [
  'exact',
  'approximately',
  'nearly',
  'more_than',
  'at_least',
  'less_than',
  'at_most',
] as const;

export type Qualifier = (typeof QUALIFIERS)[number];

/**
 * A value with the interval a qualifier gives it; `low ≤ value ≤ high` always. An open end is an
 * infinite bound: `high` is `Infinity` for "more than X" / "at least X" (since policy 1.2.0), and a
 * derived interval may have `low: -Infinity` (a change from an open-ended level). JSON has no Infinity:
 * records and metric results carry an open end as `null` (see `OPEN_END`); `toInterval` reads it back.
 */
export interface Interval {
  value: number;
  low: number;
  high: number;
}

/**
 * What `null` means in a record's or a metric result's `low`/`high` when its `value` is a number: that
 * end is open (no bound). JSON has no Infinity, and an invented ceiling would state what no source says.
 */
export const OPEN_END =
  'null: the interval is open at this end (no bound); a "more than X" / "at least X" figure has high null.';

export interface QualifierRule {
  qualifier: Qualifier;
  /** The words that map to this qualifier, as found in sources (en and es). */
  words: { en: string[]; es: string[] };
  /** The interval as a formula of X. */
  interval: string;
  /** Why the rule is what it is. */
  why: string;
  /** Interval for a stated value X. */
  apply(x: number): [number, number];
}

/** Relative width we give to words of approximation; see the rules' `why`. */
export const APPROXIMATION = 0.1;

const lowHigh = (a: number, b: number): [number, number] => (a <= b ? [a, b] : [b, a]);

/**
 * X as a floor of the magnitude, open away from zero: [X, ∞) for X ≥ 0; for a fall stated as "more than
 * −10 %", (−∞, −10] (the loader closes a reported change's low end at −100 %, as far as a fall goes).
 */
const openAway = (x: number): [number, number] =>
  x >= 0 ? [x, Number.POSITIVE_INFINITY] : [Number.NEGATIVE_INFINITY, x];

/**
 * The rules, in the order the docs list them. Negative values (a fall stated as "nearly −10 %") are
 * handled by ordering the bounds, so the interval stays on the side of zero the source meant.
 */
export const QUALIFIER_RULES: readonly QualifierRule[] = [
  {
    qualifier: 'exact',
    words: { en: ['(no qualifier)', 'reportedly'], es: ['(sin calificativo)'] },
    interval: '[X, X]',
    why: 'A number stated without qualification is taken as stated. Hedges about the source ("reportedly") are kept in the quote and the grade, not in the interval.',
    apply: (x) => [x, x],
  },
  {
    qualifier: 'approximately',
    words: {
      en: [
        'approximately',
        'about',
        'roughly',
        'around',
        'some',
        'close to',
        'nearly the same',
        'about the same',
      ],
      es: ['aproximadamente', 'cerca de', 'alrededor de', 'unos', 'unas'],
    },
    interval: '[0.9·X, 1.1·X]',
    why: 'Writers round to one or two significant figures; ±10 % covers rounding to two figures for any X ≥ 10 and the usual meaning of "roughly a third" (0.30–0.37) without claiming more precision than the words carry. "Close to" reads as "cerca de" does (since 1.1.0; it was one-sided before). "Nearly the same (number)" says the two figures are alike, not that the second is smaller: two-sided (since 1.1.0; it was read as "nearly X" before, which made a fall of up to 10 % the source never states).',
    apply: (x) => lowHigh(x * (1 - APPROXIMATION), x * (1 + APPROXIMATION)),
  },
  {
    qualifier: 'nearly',
    words: { en: ['nearly', 'almost'], es: ['casi'] },
    interval: '[0.9·X, X]',
    why: '"Nearly X" says the true value is below X but close: at most X, and no more than 10 % short (the same width as approximately, on one side).',
    apply: (x) => lowHigh(x * (1 - APPROXIMATION), x),
  },
  {
    qualifier: 'more_than',
    words: { en: ['more than', 'over', 'above', 'exceeding'], es: ['más de', 'sobre', 'superior a'] },
    interval: '[X, ∞)',
    why: 'X is a floor and nothing in the words bounds the value from above: the upper end is open (since 1.2.0; 1.1 invented a ceiling of 1.1·X). Every metric carries the open end or refuses where the arithmetic has no answer (∞ − ∞). The bound at X itself is included: "more than 40" sources round down to 40.',
    apply: (x) => openAway(x),
  },
  {
    qualifier: 'at_least',
    words: { en: ['at least', 'no fewer than'], es: ['al menos', 'a lo menos', 'por lo menos'] },
    interval: '[X, ∞)',
    why: 'Same reading as "more than": X is a floor and the upper end is open (since 1.2.0; it was 1.1·X before).',
    apply: (x) => openAway(x),
  },
  {
    qualifier: 'less_than',
    words: { en: ['less than', 'under', 'below', 'fewer than'], es: ['menos de', 'bajo'] },
    interval: '[0.9·X, X]',
    why: 'Mirror of "more than": X is a ceiling and the value is within one rounding step below it.',
    apply: (x) => lowHigh(x * (1 - APPROXIMATION), x),
  },
  {
    qualifier: 'at_most',
    words: { en: ['at most', 'up to'], es: ['a lo más', 'hasta'] },
    interval: '[0.9·X, X]',
    why: 'Mirror of "at least".',
    apply: (x) => lowHigh(x * (1 - APPROXIMATION), x),
  },
];

/**
 * The interval the policy gives a value stated with a qualifier.
 * @example intervalFor(2681, 'nearly') // { value: 2681, low: 2412.9, high: 2681 }
 * @example intervalFor(1 / 3, 'approximately') // { value: 0.333…, low: 0.3, high: 0.3666… }
 */
export function intervalFor(value: number, qualifier: Qualifier): Interval {
  // A lookup on demand rather than a module-level Map, so bundles that never call this drop the rules.
  const rule = QUALIFIER_RULES.find((r) => r.qualifier === qualifier);
  if (!rule) throw new TypeError(`unknown qualifier "${qualifier}"`);
  const [low, high] = rule.apply(value);
  return { value, low, high };
}

/**
 * The interval of a reported percent that the source rounded, as applied to a level (since 1.2.0): the
 * values that round to it (±half a unit of its last written digit: "+62 %" is [61.5, 62.5], "18.3 %"
 * [18.25, 18.35]) joined with the qualifier's interval, so an exact-looking 62 % never gives an
 * exact-looking level. A written trailing zero is read as a units digit ("150 %" is [149.5, 150.5]).
 * Open ends stay open.
 * @example roundedPercent({ value: 62, low: 62, high: 62 }) // { value: 62, low: 61.5, high: 62.5 }
 * @example roundedPercent({ value: 62, low: 55.8, high: 68.2 }) // { value: 62, low: 55.8, high: 68.2 }
 */
export function roundedPercent(i: Interval): Interval {
  const half = roundingHalfUnit(i.value);
  // toFixed removes binary noise (62 − 0.5 is exact, 18.3 − 0.05 is not) at the places written + 1.
  const places = decimals(i.value) + 1;
  const below = Number((i.value - half).toFixed(places));
  const above = Number((i.value + half).toFixed(places));
  return { value: i.value, low: Math.min(i.low, below), high: Math.max(i.high, above) };
}

/** Half a unit of the last written digit of a rounded percent, as `roundedPercent` widens by it. */
export function roundingHalfUnit(value: number): number {
  return 0.5 * 10 ** -decimals(value);
}

/**
 * Whether a release made under qualifier policy `policy` follows a rule that came with `since`: a
 * pinned release keeps the policy it was published under (its answers never change), so rules are
 * applied by version. An empty policy (records with no release meta) is the current one.
 * @example policyAtLeast('1.1.0', '1.2.0') // false
 * @example policyAtLeast('1.2.0', '1.2.0') // true
 */
export function policyAtLeast(policy: string, since: string): boolean {
  if (!policy) return true;
  const a = policy.split('.').map(Number);
  const b = since.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** The policy version since which "more than" / "at least" have an open upper end (high null). */
export const OPEN_ENDS_SINCE = '1.2.0';

/** The policy version since which a reported percent applied to a level carries its rounding. */
export const ROUNDED_PERCENTS_SINCE = '1.2.0';

/** True when the qualifier leaves the value uncertain (anything but `exact`). */
export function isApproximate(qualifier: Qualifier): boolean {
  return qualifier !== 'exact';
}

/** Fractions written in words, as sources use them, with their value. */
export const FRACTION_WORDS: readonly { value: number; en: string[]; es: string[]; symbol: string }[] = [
  { value: 1 / 2, en: ['a half', 'half'], es: ['la mitad', 'un medio'], symbol: '½' },
  {
    value: 1 / 3,
    en: ['a third', 'one third', 'one-third'],
    es: ['un tercio', 'una tercera parte'],
    symbol: '⅓',
  },
  { value: 2 / 3, en: ['two thirds', 'two-thirds'], es: ['dos tercios'], symbol: '⅔' },
  { value: 1 / 4, en: ['a quarter', 'one quarter'], es: ['un cuarto', 'una cuarta parte'], symbol: '¼' },
  { value: 3 / 4, en: ['three quarters'], es: ['tres cuartos'], symbol: '¾' },
  { value: 1 / 5, en: ['a fifth', 'one fifth'], es: ['un quinto', 'una quinta parte'], symbol: '⅕' },
];

/** The named fraction equal to `value` (within 1e-9), if any. */
export function fractionWord(value: number): (typeof FRACTION_WORDS)[number] | undefined {
  return FRACTION_WORDS.find((f) => Math.abs(f.value - value) < 1e-9);
}
