// Types of dist/server/index.js (@mt0/widget/server). Hand-written: copied to dist by
// vite.server.config.ts and checked against src/server/index.ts by src/server/types.test.ts.

import type { PlaceFile } from '@mt0/store/place-file';
import type { AssetManifest } from './manifest.js';

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
  /**
   * Public origin of the server (`https://kit.example`): every link, CSP and oEmbed answer uses it,
   * whatever the request's Host says. Without it, each request's own origin (localhost default).
   */
  origin?: string;
  /** Without `origin`: take the scheme and host from X-Forwarded-Proto/-Host (behind a proxy you run). */
  trustProxy?: boolean;
  /** Bound of the rendered-page cache in bytes (default 4 MiB; 0: render every time). */
  cacheBytes?: number;
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
  /**
   * The dataset of a kept release by version, for pinned embeds (`?v=0.4.0`, `release="0.4.0"`);
   * `undefined`: not held here. Without it only the current release is answered.
   */
  release?: (version: string) => Promise<DatasetLike | undefined>;
  /**
   * The PNG rasteriser's WASM and fonts. Defaults to the installed packages when running from disk
   * (Node); a Worker passes its bundled modules (`@mt0/widget/raster/*`); `false`: PNGs answer 501.
   */
  images?: RasterAssets | false;
}

/** Where the PNG rasteriser's bytes come from: files on Node, bundled modules in a Worker. */
export interface RasterAssets {
  /** resvg's WASM (`@mt0/widget/raster/resvg.wasm`): its bytes, or a compiled module (a Worker's import). */
  wasm: () => Promise<ArrayBuffer | Uint8Array | WebAssembly.Module>;
  /** The fonts the images are drawn with: DejaVu Sans and DejaVu Sans Bold (`@mt0/widget/raster/*.ttf`). */
  fonts: () => Promise<Uint8Array[]>;
}

/** Answers `/`, `/embed/{view}`, `/embed/{view}.json`, `/oembed` and (with assets) `/widget/*`, `/embed-assets/*`; `null` otherwise. */
export type KitHandler = (request: Request) => Promise<Response | null>;

export declare function createKitHandler(options?: KitHandlerOptions): KitHandler;

// The manifest's types are declared once, in manifest.d.ts (copied beside this file), for src/server/assets.ts too.
export type { AssetFile, AssetManifest, AssetRef } from './manifest.js';

/** The built files (hashed names, integrity, encodings, cache policy): build/assets.js's manifest. */
export declare const assetManifest: AssetManifest;

/** Headers of a built file for a host that serves it (Workers' assets binding); `undefined` if unknown. */
export declare function builtFileHeaders(path: string): Record<string, string> | undefined;

/** `page` (depends on the public origin), `asset` (a built file), or `undefined` (not the kit's). */
export declare function kitPathKind(path: string): 'page' | 'asset' | undefined;

/** The origin pages are made for: the configured one, else (trusted) forwarded, else the request's. */
export declare function requestOrigin(request: Request, o: { origin?: string; trustProxy?: boolean }): string;
