// The whole server as one fetch function, as src/node.ts mounts it (the widget kit first, then the
// app with the Node bindings), without a socket: what the property test and the bench drive.
import { createKitHandler } from '@mt0/widget/server';
import { app } from '../src/app.js';
import { diskStore } from '../src/server/downloads.js';
import type { Fetch } from './property.js';

export function serverFetch(): Fetch {
  const kit = createKitHandler({});
  const bindings = { DOWNLOADS: diskStore() };
  return async (path, init) => {
    const request = new Request(`http://127.0.0.1:8787${path}`, init);
    return (await kit(request)) ?? app.fetch(request, bindings);
  };
}
