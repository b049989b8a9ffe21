// Vite plugin: `virtual:mt0-snapshot` resolves to the default views' data in es and en, computed from
// @mt0/core/dataset at build time (see src/lib/snapshot.ts). The dataset itself is never shipped.
import { dataset } from '@mt0/core/dataset';
import type { Plugin } from 'vite';
import { makeSnapshot } from '../src/lib/snapshot.js';

const ID = 'virtual:mt0-snapshot';

export function snapshotPlugin(): Plugin {
  return {
    name: 'mt0-snapshot',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load: (id) =>
      id === `\0${ID}`
        ? `export default JSON.parse(${JSON.stringify(JSON.stringify(makeSnapshot(dataset)))});`
        : undefined,
  };
}
