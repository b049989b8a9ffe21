// Vite plugin: `virtual:mt0-assets` resolves to dist/assets.json, the manifest build/assets.js writes
// after the client builds (hashed names, integrity, encodings, cache policy). The server build and the
// Node tests inline it; without a client build it is an error that says so.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const ID = 'virtual:mt0-assets';
const FILE = new URL('../dist/assets.json', import.meta.url);

export function assetsPlugin(): Plugin {
  return {
    name: 'mt0-assets',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      let text: string;
      try {
        text = readFileSync(FILE, 'utf8');
      } catch {
        throw new Error(
          'dist/assets.json is missing: run `pnpm build` in apps/widget (the client builds and build/assets.js) first.',
        );
      }
      return `export default ${text};`;
    },
  };
}
