// Checks on the places table (data/geos.csv) that one row alone cannot show: parents exist and nest
// (comuna in a region, region in a country), a comuna's id is its CUT code, and no CUT code names two
// places. Node-only, like the rest of the loader.
import type { GeoEntry } from '../schemas/index.js';
import type { LoadContext } from './context.js';

const PARENT_LEVEL: Record<GeoEntry['level'], GeoEntry['level'] | undefined> = {
  country: undefined,
  region: 'country',
  comuna: 'region',
};

/** The id a comuna must have: `CL-` and its CUT code in five digits. */
export const comunaId = (cut: number): string => `CL-${String(cut).padStart(5, '0')}`;

/** Pushes an issue for every place whose parent, id or CUT code does not fit the others. */
export function checkPlaces(
  ctx: LoadContext,
  rows: { record: GeoEntry; file: string; line: number }[],
): void {
  const byId = new Map(rows.map((r) => [r.record.id, r.record]));
  const cuts = new Map<number, { id: string; line: number }>();
  for (const { record: g, file, line } of rows) {
    const bad = (column: string, message: string, hint?: string) =>
      ctx.issues.push({ file, row: line, column, message, ...(hint ? { hint } : {}) });
    const wanted = PARENT_LEVEL[g.level];
    if (g.parent !== undefined) {
      const parent = byId.get(g.parent);
      if (!parent)
        bad('parent', `unknown parent "${g.parent}"`, 'give the id of a place listed in this file');
      else if (parent.level !== wanted)
        bad(
          'parent',
          `expected a ${wanted ?? 'place of no level'} as the parent of a ${g.level}, got ${parent.id} (a ${parent.level})`,
        );
    } else if (g.level !== 'country') bad('parent', `missing (a ${g.level} lies in a ${wanted})`);
    if (g.level === 'comuna') {
      if (g.cut === undefined) bad('cut', 'missing (every comuna has a CUT code, such as 5101)');
      else if (g.id !== comunaId(g.cut))
        bad(
          'id',
          `expected ${comunaId(g.cut)} for CUT code ${g.cut}, got "${g.id}"`,
          'a comuna id is CL- and its CUT code in five digits',
        );
    }
    if (g.cut !== undefined) {
      const first = cuts.get(g.cut);
      // A repeated row of the same place is reported once, as a duplicate id.
      if (first && first.id !== g.id)
        bad('cut', `CUT code ${g.cut} is already ${first.id}`, `first given at ${file}:${first.line}`);
      else if (!first) cuts.set(g.cut, { id: g.id, line });
    }
  }
}
