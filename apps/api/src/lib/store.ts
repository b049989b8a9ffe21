// The columnar store (@mt0/store: CEAD cases per comuna × month, INE population per comuna × year, with
// region and national sums made at build) as the app reads it. The app reads no files: each runtime
// hands it the store's bytes once — Node reads dist/cead.arrow (src/store-node.ts), the Worker imports
// it as a binary Data module (src/worker-app.ts) — and the store is opened on first use.
import { openStore, type Store } from '@mt0/store';

let load: (() => Uint8Array) | undefined;
let opened: Store | undefined;

/** Tells the app where the store's bytes come from (called once by the runtime's entry). */
export function provideStore(bytes: () => Uint8Array): void {
  load = bytes;
  opened = undefined;
}

/** The opened store; throws (a 500) when the runtime entry provided none, which is a wiring bug. */
export function store(): Store {
  if (opened) return opened;
  if (!load) throw new Error('no store: the runtime entry must call provideStore() before serving');
  opened = openStore(load());
  return opened;
}
