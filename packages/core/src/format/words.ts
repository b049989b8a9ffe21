import { fractionWord } from '../qualifiers/policy.js';
import type { Language } from '../schemas/common.js';
import { MINUS } from './intl.js';

/** Decimal and thousands separators as each language writes numbers in print. */
const SEPARATORS: Readonly<Record<Language, { decimal: string; group: string }>> = {
  en: { decimal: '.', group: ',' },
  es: { decimal: ',', group: '.' },
};

const PERCENT_WORDS: Readonly<Record<Language, string[]>> = {
  en: ['percent', 'per cent'],
  es: ['por ciento'],
};

/** Nobody writes more decimals than this in a quote; values with more get no digit spellings (⅓). */
const MAX_DECIMALS = 6;

function digits(abs: number, lang: Language, grouped: boolean): string {
  const { decimal, group } = SEPARATORS[lang];
  const [int = '', frac] = String(abs).split('.');
  const withGroups = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int;
  return frac ? `${withGroups}${decimal}${frac}` : withGroups;
}

function millions(abs: number, lang: Language): string[] {
  const m = abs / 1e6;
  if (abs < 1e6 || Math.round(m * 100) !== m * 100) return [];
  const n = digits(m, lang, false);
  if (lang === 'en') return [`${n} million`];
  return m === 1 ? ['1 millón', 'un millón'] : [`${n} millones`];
}

/**
 * The ways a number can be written in a quote in that language, for checking that a record's quote
 * contains its number: grouped and plain digits (2,681 and 2681 in en; 2.681 and 2681 in es), millions
 * in words (1.4 million / 1,4 millones), and the words of a named fraction (a third / un tercio, ⅓).
 * With `percent`, also "150%", "150 %" and "150 percent" / "150 por ciento".
 *
 * Edge cases: a negative number is also spelled without its sign (quotes say "fell 7 %"), and with both
 * a hyphen and a real minus. Values with more than six decimals get no digit spellings (⅓ is never
 * written 0.333333…). Not finite → `[]`. Exponent notation (1e21 and up) is not spelled.
 * @example numberSpellings(2681, 'en') // ["2,681", "2681"]
 * @example numberSpellings(3851.2, 'es') // ["3.851,2", "3851,2"]
 * @example numberSpellings(1 / 3, 'es') // ["un tercio", "una tercera parte", "⅓"]
 */
export function numberSpellings(value: number, lang: Language, options?: { percent?: boolean }): string[] {
  if (!Number.isFinite(value)) return [];
  const abs = Math.abs(value);
  const out: string[] = [];
  const fraction = fractionWord(abs);
  if (fraction) out.push(...fraction[lang], fraction.symbol);
  const plain = String(abs);
  const decimals = plain.split('.')[1]?.length ?? 0;
  if (!plain.includes('e') && decimals <= MAX_DECIMALS) {
    const unsigned = [digits(abs, lang, true), digits(abs, lang, false), ...millions(abs, lang)];
    const withPercent = options?.percent
      ? unsigned.flatMap((n) => [n, `${n}%`, `${n} %`, ...PERCENT_WORDS[lang].map((w) => `${n} ${w}`)])
      : unsigned;
    if (value < 0) out.push(...withPercent.flatMap((n) => [`-${n}`, `${MINUS}${n}`]));
    out.push(...withPercent);
  }
  return [...new Set(out)];
}
