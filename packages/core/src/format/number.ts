import type { Language } from '../schemas/common.js';
import { defaultDigits, formatParts, numberFormat } from './intl.js';

/** Digits and sign options accepted by the number formatters. */
export interface NumberOptions {
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
  /** `exceptZero` prints "+" on positive numbers. */
  signDisplay?: 'auto' | 'exceptZero';
}

/** What the formatters print for a number that is not finite; they never throw on data. */
export const NOT_A_NUMBER = '—';

function options(x: number, opts: NumberOptions | undefined): Intl.NumberFormatOptions {
  const digits =
    opts?.maximumFractionDigits === undefined && opts?.minimumFractionDigits === undefined
      ? defaultDigits(x)
      : {
          minimumFractionDigits: opts.minimumFractionDigits ?? 0,
          maximumFractionDigits: Math.max(opts.maximumFractionDigits ?? 0, opts.minimumFractionDigits ?? 0),
        };
  return { ...digits, signDisplay: opts?.signDisplay ?? 'auto' };
}

/**
 * A number in the language's conventions: es-CL groups thousands with "." and uses "," for decimals
 * (also for four-digit numbers: 2.681), en the reverse. Negative numbers get a real minus sign (−).
 *
 * Default digits: none from 100 up, one from 1, two significant below 1. Not finite → "—".
 * @example formatNumber(2681, 'es') // "2.681"
 * @example formatNumber(2681, 'en') // "2,681"
 * @example formatNumber(12.8181, 'es') // "12,8"
 */
export function formatNumber(x: number, lang: Language, opts?: NumberOptions): string {
  if (!Number.isFinite(x)) return NOT_A_NUMBER;
  return formatParts(numberFormat(lang, options(x, opts)), x);
}

/**
 * A percentage given in points (12.8 means 12.8 %), as Intl prints it: "12,8%" in es-CL (Chilean usage
 * writes no space; es-ES would) and "12.8%" in en.
 *
 * Default digits: none from 100 up, one from 1, two significant below 1. Not finite → "—".
 * @example formatPercent(12.8181, 'es') // "12,8%"
 * @example formatPercent(12.8181, 'en') // "12.8%"
 */
export function formatPercent(p: number, lang: Language, opts?: NumberOptions): string {
  if (!Number.isFinite(p)) return NOT_A_NUMBER;
  return formatParts(numberFormat(lang, { ...options(p, opts), style: 'percent' }), p / 100);
}

/**
 * A relative change in percent points with its sign: "+" for a rise, a real minus (−) for a fall, none
 * for no change.
 * @example formatSignedChange(150, 'es') // "+150%"
 * @example formatSignedChange(-7, 'en') // "−7%"
 */
export function formatSignedChange(p: number, lang: Language, opts?: NumberOptions): string {
  return formatPercent(p, lang, { ...opts, signDisplay: 'exceptZero' });
}
