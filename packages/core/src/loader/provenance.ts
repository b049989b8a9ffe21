// The provenance check: a record's quote must contain its number as written in the quote's language
// (2,681 / 2.681 / "150 percent" / "a third"), unless the record says why not in `quoteCheck`.
// It catches typos that no schema can.
import { numberSpellings } from '../format/words.js';
import type { Language, Observation, ReportedChange } from '../schemas/index.js';
import type { LoadContext } from './load.js';

const DIGIT_OR_SEP = /[\d.,]/;

/** True when `quote` contains one of the spellings of `value`, not as part of a longer number. */
export function quoteHasNumber(quote: string, value: number, lang: Language): boolean {
  const text = quote.normalize('NFC').toLowerCase();
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
      if (okBefore && okAfter) return true;
      at = text.indexOf(s, at + 1);
    }
  }
  return false;
}

/**
 * Adds an issue for every record whose quote does not show its number and that gives no reason, and for
 * every reason given where none is needed (so an exemption can never hide a typo the check would catch).
 */
export function checkProvenance(
  ctx: LoadContext,
  observations: Observation[],
  changes: ReportedChange[],
): void {
  const needless = (id: string, value: number, lang: Language) => {
    const at = ctx.where.get(id);
    ctx.issues.push({
      file: at?.file ?? 'data',
      ...(at ? { row: at.row } : {}),
      column: 'quote_check',
      message: `not needed: the quote contains ${numberSpellings(value, lang)[0]} as written`,
      hint: 'move the explanation to notes, so the provenance check keeps checking this record',
    });
  };
  for (const o of observations) {
    const at = ctx.where.get(o.id);
    const found = quoteHasNumber(o.quote, o.value, o.lang);
    if (o.quoteCheck && found) needless(o.id, o.value, o.lang);
    // A table row's quote is the row it was parsed from, so it holds the value by construction.
    if (at?.table || o.quoteCheck || found) continue;
    ctx.issues.push({
      file: at?.file ?? 'data/observations',
      ...(at ? { row: at.row } : {}),
      column: 'quote',
      message: `the quote does not contain the value ${o.value} as written in ${o.lang} (${numberSpellings(o.value, o.lang).slice(0, 3).join(' / ')})`,
      hint: 'fix the value or the quote, or say why in quote_check',
    });
  }
  for (const c of changes) {
    const found = quoteHasNumber(c.quote, c.percent, c.lang);
    if (c.quoteCheck && found) needless(c.id, c.percent, c.lang);
    if (c.quoteCheck || found) continue;
    const at = ctx.where.get(c.id);
    ctx.issues.push({
      file: at?.file ?? 'data/changes',
      ...(at ? { row: at.row } : {}),
      column: 'quote',
      message: `the quote does not contain the change ${c.percent} % as written in ${c.lang}`,
      hint: 'fix the percent or the quote, or say why in quote_check',
    });
  }
}
