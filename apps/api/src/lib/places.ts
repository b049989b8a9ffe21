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

/**
 * The id of the place `value` names, or a ProblemError naming the parameter: "unknown", "ambiguous"
 * (a name two places bear: Valparaíso) or "not a comuna" when `level` restricts it.
 */
export function placeParam(
  d: ReleaseView,
  name: string,
  value: string,
  level?: PlaceLevel | readonly PlaceLevel[],
): GeoEntry {
  const r = resolvePlace(d.placeIndex, value, level === undefined ? {} : { level });
  if (r.ok) return r.place as GeoEntry;
  let reason: string;
  let suggestions: PlaceRecord[];
  if (r.reason === 'ambiguous') {
    suggestions = r.candidates;
    reason = `${echo(value)} names more than one place: ${named(r.candidates)}; give its id or CUT code`;
  } else if (r.reason === 'level') {
    suggestions = [];
    const want = typeof level === 'string' ? level : (level ?? []).join(' or ');
    reason = `${echo(value)} is ${r.place.id} (${r.place.name.es}), a ${r.place.level}; a ${want} is needed here`;
  } else {
    suggestions = r.suggestions.slice(0, 5);
    reason = suggestions.length
      ? `unknown place ${echo(value)}; did you mean ${named(suggestions)}? Use ${FORMS}`
      : `unknown place ${echo(value)}; use ${FORMS}, or search /v1/geos?q=`;
  }
  throw new ProblemError('invalid-parameter', `Query parameter "${name}": ${reason}.`, {
    invalidParams: [{ name, reason }],
    suggestions: suggestions.map(suggestion),
  });
}
