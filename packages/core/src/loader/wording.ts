// Two checks of a record against the words it came from and the source it came in:
// - the qualifier must agree with the quote: "casi 312" recorded as exact, or "approximately" where the
//   quote has none of its words, is an error naming both (the words are the qualifier policy's, es/en);
// - a period cannot end after its source was published, unless the record says it is a forecast, or
//   says that its period is only partly covered (a year to date) or our reading of an undated figure:
//   then its last year or month must still have begun by the publication.
// Pure: the loader runs them on every row it can read.
import { parsePeriod } from '../periods/index.js';
import { QUALIFIER_RULES, type Qualifier } from '../qualifiers/policy.js';
import type { Language } from '../schemas/index.js';
import { findNumber } from './provenance.js';

/** Words that may stand between a qualifier and its number ("cerca de un 94 %", "roughly a third"). */
const FILLERS = new Set(['a', 'an', 'the', 'un', 'una', 'unos', 'unas', 'el', 'la', 'los', 'las']);
/** Words and signs that join listed numbers ("cerca de un 94 % y 50 %": "cerca de" qualifies both). */
const JOINERS = new Set(['y', 'e', 'o', 'and', 'or', '%', ',']);
const NUMBER_TOKEN = /^\d[\d.,]*$/;
/** How many filler, joiner or number tokens may stand between a qualifier and its number. */
const MAX_GAP = 4;

interface Token {
  word: string;
  start: number;
}

/** Lower case only: accents carry meaning here ("bajó a 23.481" fell to; "bajo 5" under 5). */
const lower = (text: string) => text.normalize('NFC').toLowerCase();

function tokens(text: string): Token[] {
  return [...lower(text).matchAll(/[\p{L}\p{M}]+|\d[\d.,]*|%|,/gu)].map((m) => ({
    word: m[0],
    start: m.index ?? 0,
  }));
}

/** The policy's words for each qualifier in a language, as folded token lists, longest first. */
function phrases(lang: Language): { qualifier: Qualifier; word: string; parts: string[] }[] {
  return QUALIFIER_RULES.filter((r) => r.qualifier !== 'exact')
    .flatMap((r) =>
      r.words[lang].map((word) => ({ qualifier: r.qualifier, word, parts: lower(word).split(/\s+/) })),
    )
    .sort((a, b) => b.parts.length - a.parts.length);
}

/** Does the phrase end at token `end` (inclusive)? A final "de" also matches "del" (de + el). */
function endsWith(ts: Token[], end: number, parts: string[]): boolean {
  if (end + 1 < parts.length) return false;
  return parts.every((p, k) => {
    const t = ts[end - parts.length + 1 + k]?.word;
    return t === p || (k === parts.length - 1 && p === 'de' && t === 'del');
  });
}

/** The qualifier words right before a number in the quote, if any ("casi" before "312"). */
function qualifierBefore(
  text: string,
  at: number,
  lang: Language,
): { qualifier: Qualifier; start: number } | undefined {
  const ts = tokens(text.slice(0, at));
  const list = phrases(lang);
  let i = ts.length - 1;
  for (let gap = 0; i >= 0 && gap <= MAX_GAP; gap++, i--) {
    for (const p of list)
      if (endsWith(ts, i, p.parts))
        return { qualifier: p.qualifier, start: ts[i - p.parts.length + 1]?.start ?? 0 };
    const w = ts[i]?.word ?? '';
    if (!(FILLERS.has(w) || JOINERS.has(w) || NUMBER_TOKEN.test(w))) return undefined;
  }
  return undefined;
}

/** True when the policy's words for `qualifier` occur anywhere in the quote (as whole words). */
function quoteHasWordsOf(quote: string, qualifier: Qualifier, lang: Language): boolean {
  const ts = tokens(quote);
  const list = phrases(lang).filter((p) => p.qualifier === qualifier);
  return ts.some((_, i) => list.some((p) => endsWith(ts, i, p.parts)));
}

/**
 * The qualifier words the quote puts before the number, as written ("más de 2.300"), and the qualifier
 * they are; `undefined` when no occurrence of the number has qualifier words before it.
 * @example qualifierPhrase({ number: 900, quote: 'más de 900 plantas de marihuana', lang: 'es' })
 * // { qualifier: 'more_than', words: 'más de 900' }
 */
export function qualifierPhrase(r: {
  number: number;
  quote: string;
  lang: Language;
}): { qualifier: Qualifier; words: string } | undefined {
  const quote = r.quote.normalize('NFC');
  for (const m of findNumber(r.quote, r.number, r.lang)) {
    const said = qualifierBefore(quote.toLowerCase(), m.start, r.lang);
    if (said) return { qualifier: said.qualifier, words: quote.slice(said.start, m.end) };
  }
  return undefined;
}

/** The policy's words for a qualifier in a language, for messages. */
export function wordsOf(qualifier: Qualifier, lang: Language): string[] {
  return QUALIFIER_RULES.find((r) => r.qualifier === qualifier)?.words[lang] ?? [];
}

/**
 * Whether a record's qualifier agrees with the words of its quote. The number is looked up in the quote;
 * the words right before it (with articles, "y" and other listed numbers allowed between) say what the
 * source says. `undefined` when they agree, else the message. A number the quote does not show as
 * written (a quote_check record) is judged by the words anywhere in the quote.
 * @example qualifierDisagreement({ number: 312, qualifier: 'exact', quote: 'casi 312 detenidos', lang: 'es' })
 * // 'the quote says "casi 312" (nearly), but the qualifier is exact'
 */
export function qualifierDisagreement(r: {
  number: number;
  qualifier: Qualifier;
  quote: string;
  lang: Language;
}): string | undefined {
  const text = r.quote.normalize('NFC').toLowerCase();
  const seen = findNumber(r.quote, r.number, r.lang).map((m) => ({
    ...m,
    said: qualifierBefore(text, m.start, r.lang),
  }));
  // One occurrence read as the record reads it is enough (a number may appear twice).
  if (seen.some((s) => (s.said?.qualifier ?? 'exact') === r.qualifier)) return undefined;
  const other = seen.find((s) => s.said);
  if (other?.said)
    return `the quote says "${r.quote.normalize('NFC').slice(other.said.start, other.end)}" (${other.said.qualifier}), but the qualifier is ${r.qualifier}`;
  if (r.qualifier === 'exact' || quoteHasWordsOf(r.quote, r.qualifier, r.lang)) return undefined;
  return `the qualifier is ${r.qualifier}, but the quote has none of its words (${wordsOf(r.qualifier, r.lang).join(', ')})`;
}

/** The last year or month of a period and the UTC times it starts and ends (exclusive). */
function lastUnit(period: string): { kind: 'year' | 'month'; start: number; end: number } | undefined {
  const p = parsePeriod(period);
  if (!p) return undefined;
  const e = p.kind === 'span' ? p.end : p;
  return e.kind === 'year'
    ? { kind: 'year', start: Date.UTC(e.year, 0, 1), end: Date.UTC(e.year + 1, 0, 1) }
    : { kind: 'month', start: Date.UTC(e.year, e.month - 1, 1), end: Date.UTC(e.year, e.month, 1) };
}

/** The earliest and latest (exclusive) moments a loose date (2022, 2022-07, 2022-07-13) can stand for. */
function dateRange(date: string): { first: number; after: number } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : undefined;
  const d = m[3] ? Number(m[3]) : undefined;
  if (mo === undefined) return { first: Date.UTC(y, 0, 1), after: Date.UTC(y + 1, 0, 1) };
  if (d === undefined) return { first: Date.UTC(y, mo - 1, 1), after: Date.UTC(y, mo, 1) };
  return { first: Date.UTC(y, mo - 1, d), after: Date.UTC(y, mo - 1, d + 1) };
}

/**
 * True when a period certainly ends after a publication date, at the precision of both: 2020 against a
 * source of 2020-07 does (the year was not over, and months could have said so), 2020 against a source
 * of 2020 does not (it may have been published on 31 December). A period whose last month holds the
 * publication date is as fine as a period can be written, so "2020-01/2020-11" published on 24 November
 * 2020 (the year so far) passes.
 * @example endsAfterPublication('2020', '2020-07') // true
 * @example endsAfterPublication('2020-01/2020-11', '2020-11-24') // false
 * @example endsAfterPublication('2026-06', '2026-01-28') // true
 */
export function endsAfterPublication(period: string, published: string): boolean {
  const unit = lastUnit(period);
  const pub = dateRange(published);
  if (!unit || !pub || unit.end <= pub.after) return false;
  return !(unit.kind === 'month' && unit.start <= pub.first);
}

/**
 * True when the last year or month of a period certainly begins after a publication date: even a year
 * to date (`partial`) or an undated figure filed under our reading cannot be of a period that had not
 * begun when it was published.
 * @example startsAfterPublication('2022', '2022-12-02') // false (a year to date of 2022)
 * @example startsAfterPublication('2023', '2022-12-02') // true
 * @example startsAfterPublication('2022-12', '2022') // false (at the precision of the year)
 */
export function startsAfterPublication(period: string, published: string): boolean {
  const unit = lastUnit(period);
  const pub = dateRange(published);
  return unit !== undefined && pub !== undefined && unit.start >= pub.after;
}
