// Loads the offline snapshot chunk once per page (every <mt0-widget> shares it), in parallel with the live
// data. Never rejects: a chunk that cannot load is `undefined`, and the widget then shows its error state.
import type { Snapshot } from '../lib/snapshot.js';

let pending: Promise<Snapshot | undefined> | undefined;

/** The snapshot, imported relative to mt0.js (the script's own origin); `undefined` when it cannot load. */
export function loadSnapshot(): Promise<Snapshot | undefined> {
  pending ??= import('./snapshot.js').then(
    (m) => m.snapshot,
    (e) => {
      console.warn('<mt0-widget>: the bundled snapshot could not be loaded', e);
      return undefined;
    },
  );
  return pending;
}
