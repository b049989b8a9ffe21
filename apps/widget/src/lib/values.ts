// How one record's number reads on screen, in the table and aloud. Pure; every string comes from
// @mt0/core/format over the record's own value and interval.
import { formatEstimate, formatShare, formatSignedChange, QUALIFIER_PREFIX } from '@mt0/core/format';
import { rangeWords as words } from './derive.js';
import { t } from './i18n.js';
import type { Change, Lang, Obs } from './types.js';

export const isApprox = (q: string): boolean => q !== 'exact';

/** A level as read: "casi 2.681", "≈ ⅓", "14.798". */
export function levelText(
  o: Pick<Obs, 'value' | 'low' | 'high' | 'qualifier'>,
  unit: string,
  lang: Lang,
): string {
  if (unit === 'share') return formatShare(o, o.qualifier, lang);
  return formatEstimate(o, o.qualifier, lang, unit === 'percent' ? '%' : undefined);
}

/** A level's interval as read: "2.413–2.681"; empty for exact values. */
export function levelRange(
  o: Pick<Obs, 'value' | 'low' | 'high' | 'qualifier'>,
  unit: string,
  lang: Lang,
): string {
  if (!isApprox(o.qualifier)) return '';
  if (unit === 'share') return formatShare(o, 'range', lang);
  return formatEstimate(o, 'range', lang, unit === 'percent' ? '%' : undefined);
}

/** A reported change as read: "+150%", "cerca de +60%". */
export function changeText(c: Pick<Change, 'percent' | 'qualifier'>, lang: Lang): string {
  const prefix = QUALIFIER_PREFIX[c.qualifier]?.[lang] ?? '';
  const v = formatSignedChange(c.percent, lang);
  return prefix ? `${prefix} ${v}` : v;
}

/**
 * An interval of changes as read: "+135% – +165%"; empty when both ends print the same. An open end
 * (null or infinite: a "more than" figure, or a rate derived from one) reads "≥ +12,8%" / "≤ −3%".
 */
export function changeRange(i: { low: number | null; high: number | null }, lang: Lang): string {
  const open = (x: number | null) => x === null || !Number.isFinite(x);
  if (open(i.low) && open(i.high)) return '';
  if (open(i.high)) return `≥ ${formatSignedChange(i.low as number, lang)}`;
  if (open(i.low)) return `≤ ${formatSignedChange(i.high as number, lang)}`;
  const lo = formatSignedChange(i.low as number, lang);
  const hi = formatSignedChange(i.high as number, lang);
  return lo === hi ? '' : `${lo} – ${hi}`;
}

/** " (entre 2.413 y 2.681)" spelled out for screen readers; empty when exact. */
export function rangeWords(range: string, lang: Lang): string {
  return words(range, t(lang));
}

/** Lower-cases a name's first letter for use inside a sentence, unless it starts an acronym (MT-0). */
export function inSentence(name: string): string {
  return /^\p{Lu}\p{Lu}/u.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}
