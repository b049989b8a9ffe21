// Cached Intl formatters and the small typographic rules every formatter shares. Internal to the format
// module; nothing outside it should depend on these names.
import type { Language } from '../schemas/common.js';

/** The Intl locale behind each language the kit publishes in. */
export const LOCALES: Readonly<Record<Language, string>> = { es: 'es-CL', en: 'en' };

/** U+2212 MINUS SIGN: Intl prints a hyphen-minus, typography wants a real minus. */
export const MINUS = '\u2212';

/** U+2013 EN DASH, for spans (2015–2019) and ranges (804–983). */
export const EN_DASH = '\u2013';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.NumberFormat` for the language and options. */
export function numberFormat(lang: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let nf = numberFormats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(LOCALES[lang], options);
    numberFormats.set(key, nf);
  }
  return nf;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A cached `Intl.DateTimeFormat` in UTC (periods are calendar labels, not instants). */
export function dateFormat(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let df = dateFormats.get(key);
  if (!df) {
    df = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: 'UTC' });
    dateFormats.set(key, df);
  }
  return df;
}

/**
 * Default precision: whole numbers from 100 up (2,681; 894), one decimal from 1 (12.8), two significant
 * digits below 1 (0.37). Enough for a sentence; callers that need more pass their own digits.
 */
export function defaultDigits(x: number): Intl.NumberFormatOptions {
  const a = Math.abs(x);
  if (a >= 100 || a === 0) return { maximumFractionDigits: 0 };
  if (a >= 1) return { maximumFractionDigits: 1 };
  return { maximumSignificantDigits: 2 };
}

/**
 * Formats with Intl, then puts a real minus sign in place of the hyphen and drops the sign of a number
 * that rounds to zero (Intl prints "-0" for −0.04 at no decimals; a reader should see "0").
 */
export function formatParts(nf: Intl.NumberFormat, x: number): string {
  const parts = nf.formatToParts(x);
  const zero = parts.every((p) =>
    p.type === 'integer' || p.type === 'fraction' ? /^0*$/.test(p.value) : true,
  );
  return parts
    .filter((p) => !(zero && (p.type === 'minusSign' || p.type === 'plusSign')))
    .map((p) => (p.type === 'minusSign' ? MINUS : p.value))
    .join('');
}
