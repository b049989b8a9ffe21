// Node: the store's bytes from the built file of @mt0/store (dist/cead.arrow), read once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { provideStore } from './lib/store.js';

/** Path of the built store file, resolved through the package's exports. */
export const STORE_PATH = createRequire(import.meta.url).resolve('@mt0/store/cead.arrow');

/** Wires the app to read the store from disk (once, on first use). */
export function provideStoreFromDisk(): void {
  provideStore(() => readFileSync(STORE_PATH));
}
