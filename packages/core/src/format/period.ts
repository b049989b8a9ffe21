import { type ParsedPeriod, type PeriodPoint, parsePeriod } from '../periods/index.js';
import type { Language } from '../schemas/common.js';
import { dateFormat, EN_DASH } from './intl.js';

function monthName(month: number, lang: Language): string {
  return dateFormat(lang, { month: 'long' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

function point(p: PeriodPoint, lang: Language): string {
  // Years are labels, not quantities: never grouped ("2020", not "2.020").
  if (p.kind === 'year') return String(p.year);
  return dateFormat(lang, { month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(p.year, p.month - 1, 1)),
  );
}

function span(start: PeriodPoint, end: PeriodPoint, lang: Language): string {
  if (start.kind === 'month' && end.kind === 'month' && start.year === end.year) {
    // One year named once: "marzo–junio de 2020" / "March–June 2020".
    const months = `${monthName(start.month, lang)}${EN_DASH}${monthName(end.month, lang)}`;
    return lang === 'es' ? `${months} de ${start.year}` : `${months} ${start.year}`;
  }
  return `${point(start, lang)}${EN_DASH}${point(end, lang)}`;
}

function label(p: ParsedPeriod, lang: Language): string {
  return p.kind === 'span' ? span(p.start, p.end, lang) : point(p, lang);
}

/**
 * A period as a reader should see it: years as they are ("2020"), months named ("marzo de 2020" /
 * "March 2020"), spans with an en dash ("2015–2019"; "marzo–junio de 2020").
 *
 * Edge cases: a string that is not a period is returned unchanged.
 * @example formatPeriod('2015/2019', 'es') // "2015–2019"
 * @example formatPeriod('2020-03', 'en') // "March 2020"
 */
export function formatPeriod(period: string, lang: Language): string {
  const p = parsePeriod(period);
  return p ? label(p, lang) : period;
}

/**
 * The two ends of a reported change, joined by an arrow.
 *
 * Edge cases: either end that is not a period is printed unchanged.
 * @example formatChangeSpan('2020', '2021', 'es') // "2020→2021"
 * @example formatChangeSpan('2020-03', '2021-03', 'en') // "March 2020→March 2021"
 */
export function formatChangeSpan(from: string, to: string, lang: Language): string {
  return `${formatPeriod(from, lang)}→${formatPeriod(to, lang)}`;
}
