import type { Estimate } from '../metrics/interval.js';
import { toInterval } from '../metrics/interval.js';
import { fractionWord, type Qualifier } from '../qualifiers/policy.js';
import type { Language } from '../schemas/common.js';
import { EN_DASH } from './intl.js';
import { formatNumber, formatPercent, NOT_A_NUMBER } from './number.js';

/** How to print an estimate: with the words of its qualifier, or as the range of a derived interval. */
export type EstimateStyle = Qualifier | 'range';

/** The words a qualifier is printed with, before the number. `exact` prints none. */
export const QUALIFIER_PREFIX: Readonly<Record<Qualifier, Readonly<Record<Language, string>>>> = {
  exact: { es: '', en: '' },
  approximately: { es: 'cerca de', en: 'about' },
  nearly: { es: 'casi', en: 'nearly' },
  more_than: { es: 'más de', en: 'more than' },
  at_least: { es: 'al menos', en: 'at least' },
  less_than: { es: 'menos de', en: 'less than' },
  at_most: { es: 'a lo más', en: 'at most' },
};

const isPercentUnit = (unit: string | undefined) => unit === '%' || unit === 'percent';

function one(x: number, lang: Language, unit: string | undefined): string {
  if (isPercentUnit(unit)) return formatPercent(x, lang);
  const n = formatNumber(x, lang);
  return unit ? `${n} ${unit}` : n;
}

/**
 * An estimate as a reader should see it. With a qualifier, the stated value with the qualifier's words
 * ("casi 2.681" / "nearly 2,681"); with `'range'`, the interval's bounds joined by an en dash
 * ("804–983"), or the single value when both bounds print the same. `unit` is appended after a space,
 * except `'%'` (or `'percent'`), which prints each number as a percent.
 *
 * An open end (a "more than X" figure, or a result derived from one: `high` null or Infinity) prints,
 * with `'range'`, as "≥ X" (or "≤ X" for an open low end): never an invented ceiling. With a qualifier,
 * the source's own words ("más de 40", "at least 156,259").
 *
 * Edge cases: an invalid estimate (not finite, or low > high) prints "—"; so does a range open at both ends.
 * @example formatEstimate({ value: 2681, low: 2412.9, high: 2681 }, 'nearly', 'es') // "casi 2.681"
 * @example formatEstimate({ value: 893.67, low: 804.3, high: 983.03 }, 'approximately', 'en') // "about 894"
 * @example formatEstimate({ value: 893.67, low: 804.3, high: 983.03 }, 'range', 'es', 'detenciones') // "804–983 detenciones"
 * @example formatEstimate({ value: 156259, low: 156259, high: null }, 'range', 'es', 'kg') // "≥ 156.259 kg"
 */
export function formatEstimate(
  estimate: Estimate,
  qualifier: EstimateStyle,
  lang: Language,
  unit?: string,
): string {
  const i = toInterval(estimate);
  if (!i) return NOT_A_NUMBER;
  if (qualifier === 'range') {
    // An open end: only the other bound bounds it ("≥ 40", "≤ 25 %"); both open says nothing.
    const openHigh = i.high === Number.POSITIVE_INFINITY;
    const openLow = i.low === Number.NEGATIVE_INFINITY;
    if (openHigh || openLow) {
      if (openHigh && openLow) return NOT_A_NUMBER;
      const bound = one(openHigh ? i.low : i.high, lang, isPercentUnit(unit) ? unit : undefined);
      const side = `${openHigh ? '≥' : '≤'} ${bound}`;
      return unit && !isPercentUnit(unit) ? `${side} ${unit}` : side;
    }
    const low = one(i.low, lang, isPercentUnit(unit) ? unit : undefined);
    const high = one(i.high, lang, isPercentUnit(unit) ? unit : undefined);
    // A negative bound next to an en dash is hard to read ("−5–−3"); space the dash out then.
    const dash = i.low < 0 || i.high < 0 ? ` ${EN_DASH} ` : EN_DASH;
    const range = low === high ? low : `${low}${dash}${high}`;
    return unit && !isPercentUnit(unit) ? `${range} ${unit}` : range;
  }
  const prefix = QUALIFIER_PREFIX[qualifier]?.[lang] ?? '';
  const body = one(i.value, lang, unit);
  return prefix ? `${prefix} ${body}` : body;
}

/**
 * A share (a fraction: ⅓ is 0.333…) as a reader should see it: the fraction's symbol when a source
 * qualified a named fraction ("roughly a third" → "≈ ⅓"; "nearly a half" → "casi ½"), else a percent
 * with the qualifier's words ("cerca de 40%"), or a percent range for `'range'`.
 *
 * Edge cases: an invalid estimate prints "—". An exact ⅓ prints as a percent ("33,3%"): the symbol is
 * kept for a source's words, where it does not claim more precision than they carry.
 * @example formatShare({ value: 1 / 3, low: 0.3, high: 0.3667 }, 'approximately', 'es') // "≈ ⅓"
 * @example formatShare(0.4, 'more_than', 'en') // "more than 40%"
 */
export function formatShare(shareValue: Estimate, qualifier: EstimateStyle, lang: Language): string {
  const i = toInterval(shareValue);
  if (!i) return NOT_A_NUMBER;
  const fraction = fractionWord(i.value);
  if (fraction && qualifier !== 'exact' && qualifier !== 'range') {
    return qualifier === 'approximately'
      ? `≈ ${fraction.symbol}`
      : `${QUALIFIER_PREFIX[qualifier][lang]} ${fraction.symbol}`;
  }
  return formatEstimate({ value: i.value * 100, low: i.low * 100, high: i.high * 100 }, qualifier, lang, '%');
}
