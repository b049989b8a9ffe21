// Places as the API takes them: every parameter that names a place (geo, parent, the metrics' geo) goes
// through core's one resolver of aliases (@mt0/core/places: ids in any case, CUT codes, roman numerals,
// names and spellings without regard to accents or case). A text that names no one place is a 400
// problem with a short did-you-mean (`suggestions`), never the list of every place.
import { type PlaceLevel, type PlaceRecord, resolvePlace } from '@mt0/core/places';
import type { GeoEntry } from '@mt0/core/schemas';
import { current, type ReleaseView } from './data.js';
import { echo, ProblemError } from './problem.js';

/** The current release's places: what the store's comuna × month tables are keyed by. */
export const placeIndex = current.placeIndex;

/** A place as a did-you-mean lists it: enough to choose, not the whole record. */
export interface PlaceSuggestion {
  id: string;
  level: PlaceLevel;
  name: { es: string; en: string };
  parent?: string;
}

const suggestion = (p: PlaceRecord): PlaceSuggestion => ({
  id: p.id,
  level: p.level,
  name: { es: p.name.es, en: p.name.en },
  ...(p.parent ? { parent: p.parent } : {}),
});

const FORMS = 'an id (CL, CL-RM, CL-05101), a CUT code (13, 5101) or a name (Calama)';

const named = (ps: readonly PlaceRecord[]) =>
  ps
    .map(
      (p) =>
        `${p.id} (${p.name.es}${p.level === 'comuna' ? ', comuna' : p.level === 'region' ? ', región' : ''})`,
    )
    .join(', ');

/** Why `value` names no one place, and the places a reader may have meant. */
function unresolved(
  d: ReleaseView,
  value: string,
  level?: PlaceLevel | readonly PlaceLevel[],
): { place: GeoEntry } | { reason: string; suggestions: PlaceRecord[] } {
  const r = resolvePlace(d.placeIndex, value, level === undefined ? {} : { level });
  if (r.ok) return { place: r.place as GeoEntry };
  if (r.reason === 'ambiguous')
    return {
      reason: `${echo(value)} names more than one place: ${named(r.candidates)}; give its id or CUT code`,
      suggestions: r.candidates,
    };
  if (r.reason === 'level') {
    const want = typeof level === 'string' ? level : (level ?? []).join(' or ');
    return {
      reason: `${echo(value)} is ${r.place.id} (${r.place.name.es}), a ${r.place.level}; a ${want} is needed here`,
      suggestions: [],
    };
  }
  const suggestions = r.suggestions.slice(0, 5);
  return {
    reason: suggestions.length
      ? `unknown place ${echo(value)}; did you mean ${named(suggestions)}? Use ${FORMS}`
      : `unknown place ${echo(value)}; use ${FORMS}, or search /v1/geos?q=`,
    suggestions,
  };
}

/**
 * The place the query parameter `name` names, or a 400 ProblemError naming the parameter: "unknown",
 * "ambiguous" (a name two places bear: Valparaíso) or "not a comuna" when `level` restricts it.
 */
export function placeParam(
  d: ReleaseView,
  name: string,
  value: string,
  level?: PlaceLevel | readonly PlaceLevel[],
): GeoEntry {
  const r = unresolved(d, value, level);
  if ('place' in r) return r.place;
  throw new ProblemError('invalid-parameter', `Query parameter "${name}": ${r.reason}.`, {
    invalidParams: [{ name, reason: r.reason }],
    suggestions: r.suggestions.map(suggestion),
  });
}

/**
 * The place a path names (`/v1/geos/{id}`), or a 404 ProblemError like any unknown id in a path, with
 * the same did-you-mean as a query parameter gets.
 */
export function placeAt(d: ReleaseView, value: string): GeoEntry {
  const r = unresolved(d, value);
  if ('place' in r) return r.place;
  throw new ProblemError('not-found', `No place for this id: ${r.reason}.`, {
    suggestions: r.suggestions.map(suggestion),
  });
}
