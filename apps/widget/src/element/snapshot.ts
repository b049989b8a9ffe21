// The offline snapshot baked into mt0.js at build time by build/snapshot-plugin.ts: every view's default
// data in es and en, computed from @mt0/core/dataset.
import data from 'virtual:mt0-snapshot';
import type { Snapshot } from '../lib/snapshot.js';

export const snapshot = data as unknown as Snapshot;
