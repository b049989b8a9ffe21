// "Did you mean …?" for contributors' typos: the closest known id by edit distance, a place by what
// core's place resolver knows of it (names, variants, Roman numerals, codes), a qualifier by one of the
// words the qualifier policy lists for it. Edit distance and folding are the places module's.
import { editDistance, foldName, type PlaceIndex, resolvePlace, searchPlaces } from '../places/index.js';
import { QUALIFIER_RULES, QUALIFIERS, type Qualifier } from '../qualifiers/policy.js';
import type { GeoEntry } from '../schemas/index.js';

/**
 * The candidate closest to `input`, when it is close enough to be a typo: at most a third of the
 * input's length in edits (and at least 2 allowed), ties broken by order.
 * @example closest('mt0.arests', ['mt0.arrests', 'mt0.seizures']) // 'mt0.arrests'
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = foldName(input);
  if (!needle) return undefined;
  const limit = Math.max(2, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const f = foldName(c);
    if (f === needle) return c;
    // Cheap bound first: lengths that differ by more than the limit cannot be within it.
    if (Math.abs(f.length - needle.length) > limit) continue;
    const d = editDistance(needle, f, limit);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= limit ? best : undefined;
}

/**
 * The place a geo cell that is no id or CUT code probably meant: the place of that name, spelling
 * variant or Roman numeral (both, when two places share the name), `CL-` and the text (RM → CL-RM), or
 * else the closest name or code.
 */
export function suggestGeo(input: string, places: PlaceIndex<GeoEntry>): string | undefined {
  const named = resolvePlace(places, input);
  if (named.ok) return named.place.id;
  if (named.reason === 'ambiguous') return named.candidates.map((p) => p.id).join(' or ');
  const bare = resolvePlace(places, `CL-${input.trim()}`, { names: false });
  if (bare.ok) return bare.place.id;
  const near =
    (named.reason === 'unknown' ? named.suggestions[0] : undefined) ??
    searchPlaces(places, input, { limit: 1 })[0]?.place;
  return near?.id;
}

/** What a typed qualifier probably meant, and why: one of the policy's words, or a near spelling. */
export function suggestQualifier(input: string): { qualifier: Qualifier; because?: string } | undefined {
  const needle = foldName(input);
  if (!needle) return undefined;
  const asId = needle.replace(/ /g, '_');
  if ((QUALIFIERS as readonly string[]).includes(asId)) return { qualifier: asId as Qualifier };
  for (const rule of QUALIFIER_RULES)
    for (const word of [...rule.words.en, ...rule.words.es])
      if (!word.startsWith('(') && foldName(word) === needle)
        return { qualifier: rule.qualifier, because: word };
  const near = closest(asId, QUALIFIERS);
  return near ? { qualifier: near as Qualifier } : undefined;
}
