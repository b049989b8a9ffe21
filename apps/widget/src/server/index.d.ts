// Types of dist/server/index.js (@mt0/widget/server). Hand-written: copied to dist by
// vite.server.config.ts and checked against src/server/index.ts by src/server/types.test.ts.

import type { PlaceFile } from '@mt0/store/place-file';

/** Anything shaped like @mt0/core's compiled dataset. */
export interface DatasetLike {
  meta: { version: string };
  geos: unknown[];
  sources: unknown[];
  indicators: unknown[];
  observations: unknown[];
  changes: unknown[];
  statements: unknown[];
  events: unknown[];
}

export interface KitHandlerOptions {
  /** The compiled dataset (defaults to `@mt0/core/dataset`). */
  dataset?: DatasetLike;
  /** Public origin of the server (`https://kit.example`); defaults to each request's own origin. */
  origin?: string;
  /**
   * Where `/widget/*` and `/embed-assets/*` are read from: a `file:` URL of dist/public/ (ending in `/`).
   * Defaults to the dist/public/ beside this file when it runs from disk (Node); `false` leaves those
   * paths to the host (a Workers assets binding, a CDN).
   */
  assets?: string | false;
  /**
   * Reads a place's static file of the columnar store (@mt0/store's per-place JSON) by id: comunas, and
   * any place's months, are drawn from it. Without it only the dataset's places and years are drawn.
   */
  place?: (id: string) => PlaceFile | undefined;
}

/** Answers `/`, `/embed/{view}`, `/embed/{view}.json`, `/oembed` and (with assets) `/widget/*`, `/embed-assets/*`; `null` otherwise. */
export type KitHandler = (request: Request) => Promise<Response | null>;

export declare function createKitHandler(options?: KitHandlerOptions): KitHandler;
