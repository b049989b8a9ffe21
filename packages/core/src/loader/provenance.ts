// The provenance check: a record's quote must contain its number as written in the quote's language
// (2,681 / 2.681 / "150 percent" / "a third"), unless the record says why not in `quoteCheck`.
// It catches typos that no schema can. Pure: the loader runs it on every row it can read.
import { numberSpellings } from '../format/words.js';
import type { Language } from '../schemas/index.js';

const DIGIT_OR_SEP = /[\d.,]/;

/**
 * Where `quote` contains one of the spellings of `value`, not as part of a longer number: the start and
 * end (exclusive) of each match, in the order found.
 */
export function findNumber(quote: string, value: number, lang: Language): { start: number; end: number }[] {
  const text = quote.normalize('NFC').toLowerCase();
  const out: { start: number; end: number }[] = [];
  for (const spelling of numberSpellings(Math.abs(value), lang)) {
    const s = spelling.toLowerCase();
    let at = text.indexOf(s);
    while (at !== -1) {
      const before = text[at - 1];
      const after = text[at + s.length];
      const digitish = /^\d/.test(s);
      const okBefore = !digitish || before === undefined || !/\d/.test(before);
      // A trailing "." or "," is punctuation unless a digit follows it.
      const okAfter =
        !digitish ||
        after === undefined ||
        !(/\d/.test(after) || (DIGIT_OR_SEP.test(after) && /\d/.test(text[at + s.length + 1] ?? '')));
      if (okBefore && okAfter && !out.some((m) => m.start <= at && at < m.end))
        out.push({ start: at, end: at + s.length });
      at = text.indexOf(s, at + 1);
    }
  }
  return out;
}

/** True when `quote` contains one of the spellings of `value`, not as part of a longer number. */
export function quoteHasNumber(quote: string, value: number, lang: Language): boolean {
  return findNumber(quote, value, lang).length > 0;
}

/** What the provenance check needs of a level or a change. */
export interface QuotedNumber {
  /** The value (a level) or the percent (a change). */
  number: number;
  kind: 'level' | 'change';
  quote: string;
  lang: Language;
  quoteCheck?: string | undefined;
}

/**
 * The provenance problems of one record: a quote that does not show its number and gives no reason, or
 * a reason given where none is needed (so an exemption can never hide a typo the check would catch).
 */
export function provenanceIssues(r: QuotedNumber): { column: string; message: string; hint: string }[] {
  const found = quoteHasNumber(r.quote, r.number, r.lang);
  if (r.quoteCheck && found)
    return [
      {
        column: 'quote_check',
        message: `not needed: the quote contains ${numberSpellings(r.number, r.lang)[0]} as written`,
        hint: 'move the explanation to notes, so the provenance check keeps checking this record',
      },
    ];
  if (r.quoteCheck || found) return [];
  return [
    r.kind === 'level'
      ? {
          column: 'quote',
          message: `the quote does not contain the value ${r.number} as written in ${r.lang} (${numberSpellings(r.number, r.lang).slice(0, 3).join(' / ')})`,
          hint: 'fix the value or the quote, or say why in quote_check',
        }
      : {
          column: 'quote',
          message: `the quote does not contain the change ${r.number} % as written in ${r.lang}`,
          hint: 'fix the percent or the quote, or say why in quote_check',
        },
  ];
}
