// The qualifier policy: ONE place that turns a source's words ("nearly", "roughly a third", "more than")
// into the interval every derived number carries. Changing a rule here changes every derived figure
// consistently, so it is versioned and a change of it is a data release.
// Pure (no zod), so bundles that format approximate values stay small; the zod schema of a qualifier
// is in ./schema.ts.

/** Version of the qualifier policy; bump on any change to a rule. */
export const QUALIFIER_POLICY_VERSION = '1.1.0';

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

/** A value with the interval a qualifier gives it; `low ≤ value ≤ high` always. */
export interface Interval {
  value: number;
  low: number;
  high: number;
}

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
    interval: '[X, 1.1·X]',
    why: 'A writer uses the nearest round number below the value; had it been >10 % higher they would have named a higher round number. The bound at X itself is included so the interval is closed.',
    apply: (x) => lowHigh(x, x * (1 + APPROXIMATION)),
  },
  {
    qualifier: 'at_least',
    words: { en: ['at least', 'no fewer than'], es: ['al menos', 'a lo menos', 'por lo menos'] },
    interval: '[X, 1.1·X]',
    why: 'Same reading as "more than": X is a floor, and the next round number is a soft ceiling.',
    apply: (x) => lowHigh(x, x * (1 + APPROXIMATION)),
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
