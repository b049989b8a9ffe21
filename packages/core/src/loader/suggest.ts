// "Did you mean …?" for contributors' typos: the closest known id by edit distance, a region by its
// name, a qualifier by one of the words the qualifier policy lists for it.
import { QUALIFIER_RULES, QUALIFIERS, type Qualifier } from '../qualifiers/policy.js';
import type { GeoEntry } from '../schemas/index.js';

/** Lower case, accents removed, so "Ñuble", "nuble" and "NUBLE" compare equal. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two neighbours
 * each cost 1 ("arests" → "arrests" is 1, "arrset" → "arrest" is 1).
 * @example editDistance('mt0.arests', 'mt0.arrests') // 1
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev2: number[] = new Array(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      cur.push(d);
    }
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * The candidate closest to `input`, when it is close enough to be a typo: at most a third of the
 * input's length in edits (and at least 2 allowed), ties broken by order.
 * @example closest('mt0.arests', ['mt0.arrests', 'mt0.seizures']) // 'mt0.arrests'
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = fold(input);
  if (!needle) return undefined;
  const limit = Math.max(2, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const f = fold(c);
    if (f === needle) return c;
    // Cheap bound first: lengths that differ by more than the limit cannot be within it.
    if (Math.abs(f.length - needle.length) > limit) continue;
    const d = editDistance(needle, f);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= limit ? best : undefined;
}

/** A place by its code, CUT number, Roman numeral or name (es or en), folded; else the closest code. */
export function suggestGeo(input: string, geos: Iterable<GeoEntry>): string | undefined {
  const needle = fold(input);
  const list = [...geos];
  for (const g of list) {
    const names = [g.id, g.roman ?? '', String(g.cut ?? ''), g.name.es, g.name.en, g.id.replace(/^CL-/, '')];
    if (names.some((n) => n && fold(n) === needle)) return g.id;
  }
  if (needle.length >= 4)
    for (const g of list)
      if (fold(g.name.es).includes(needle) || fold(g.name.en).includes(needle)) return g.id;
  return closest(
    input.toUpperCase(),
    list.map((g) => g.id),
  );
}

/** What a typed qualifier probably meant, and why: one of the policy's words, or a near spelling. */
export function suggestQualifier(input: string): { qualifier: Qualifier; because?: string } | undefined {
  const needle = fold(input).replace(/[\s-]+/g, ' ');
  if (!needle) return undefined;
  const asId = needle.replace(/ /g, '_');
  if ((QUALIFIERS as readonly string[]).includes(asId)) return { qualifier: asId as Qualifier };
  for (const rule of QUALIFIER_RULES)
    for (const word of [...rule.words.en, ...rule.words.es])
      if (!word.startsWith('(') && fold(word) === needle) return { qualifier: rule.qualifier, because: word };
  const near = closest(asId, QUALIFIERS);
  return near ? { qualifier: near as Qualifier } : undefined;
}
