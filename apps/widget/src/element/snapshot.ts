// The offline snapshot, built by build/snapshot-plugin.ts: every view's default data in es and en, computed
// from @mt0/core/dataset. Its own chunk beside mt0.js (dist/public/widget/mt0-snapshot-[hash].js), imported
// lazily by offline.ts, so that mt0.js stays small and the copy comes from the script's own origin.
import data from 'virtual:mt0-snapshot';
import type { Snapshot } from '../lib/snapshot.js';

export const snapshot = data as unknown as Snapshot;
