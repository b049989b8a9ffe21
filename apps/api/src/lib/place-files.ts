// The per-place files of the store (@mt0/store's placeFile: every series of one place, ≤ 2 KB gzip), made
// from the store the app already holds, for the widget kit's comuna views. The same in every runtime:
// no file reads. Kept for the most recent places (bounded).
import { type PlaceFile, placeFile } from '@mt0/store';
import { dataset, meta } from './data.js';
import { placeIndex } from './places.js';
import { store } from './store.js';

const KEEP = 128;
const kept = new Map<string, PlaceFile>();

/** The place file of a place the store holds, or `undefined`. */
export function placeFileOf(id: string): PlaceFile | undefined {
  const hit = kept.get(id);
  if (hit) return hit;
  const place = placeIndex.byId.get(id);
  if (!place || !store().places.some((p) => p.id === id)) return undefined;
  const file = placeFile(store(), {
    place: {
      id: place.id,
      level: place.level,
      ...(place.parent ? { parent: place.parent } : {}),
      ...(place.cut !== undefined ? { cut: place.cut } : {}),
      name: place.name,
    },
    sources: dataset.sources,
    version: meta.version,
  });
  kept.set(id, file);
  if (kept.size > KEEP) kept.delete(kept.keys().next().value as string);
  return file;
}
