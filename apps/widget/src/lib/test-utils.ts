// Shared fixtures for the Node tests: the real dataset as a Bundle, params with defaults, and the
// store's built place files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dataset } from '@mt0/core/dataset';
import type { PlaceFile } from '@mt0/store/place-file';
import { withComparison } from './compare/comparison.js';
import { subsetFor } from './data.js';
import { type DatasetLike, toBundle } from './snapshot.js';
import type { Bundle, Params } from './types.js';
import type { ViewName } from './views.js';

export const full: Bundle = toBundle(dataset as unknown as DatasetLike);

export const params = (view: ViewName, extra: Partial<Params> = {}): Params => ({
  view,
  geo: 'CL',
  lang: 'es',
  theme: 'auto',
  ...extra,
});

/** What the server hands a view: the subset with its comparison. */
export const bundleFor = (p: Params): Bundle => withComparison(subsetFor(full, p), p);

/** A dataset record by id (the tests read expected values from the records, never from memory). */
export function obs(id: string) {
  const o = full.observations.find((x) => x.id === id);
  if (!o) throw new Error(`no observation ${id}`);
  return o;
}

export function change(id: string) {
  const c = full.changes.find((x) => x.id === id);
  if (!c) throw new Error(`no change ${id}`);
  return c;
}

const require = createRequire(import.meta.url);

/** A place's static file as the store built it (@mt0/store's dist/places/), or `undefined`. */
export const readPlaceFile = (id: string): PlaceFile | undefined => {
  try {
    return JSON.parse(readFileSync(require.resolve(`@mt0/store/places/${id}.json`), 'utf8')) as PlaceFile;
  } catch {
    return undefined;
  }
};
