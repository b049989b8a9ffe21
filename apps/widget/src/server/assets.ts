// The kit's built browser files, as the manifest of build/assets.js describes them: content-hashed
// names served `immutable`, the stable aliases mt0.js and resize.js short-cached, text precompressed
// (brotli, gzip) and chosen by Accept-Encoding. The same headers on Node (served here, from memory) and
// in Workers (the assets binding; `assetHeaders` for src/worker.ts). Must not import hono.

import type { AssetManifest } from './manifest.js';

export type { AssetFile, AssetManifest, AssetRef } from './manifest.js';

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** The stable aliases: a newsroom that pasted them gets a new release within five minutes. */
export const CACHE_ALIAS = 'public, max-age=300, stale-while-revalidate=86400';

/** Response headers of a public file (without content encoding); `undefined` for an unknown path. */
export function assetHeaders(manifest: AssetManifest, path: string): Record<string, string> | undefined {
  const file = Object.hasOwn(manifest.files, path) ? manifest.files[path] : undefined;
  if (!file) return undefined;
  return {
    'content-type': file.type,
    'cache-control': file.immutable ? CACHE_IMMUTABLE : CACHE_ALIAS,
    // Module scripts load cross-origin (CORS) and under COEP hosts (CORP).
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
    'x-content-type-options': 'nosniff',
    ...(file.encodings.length ? { vary: 'Accept-Encoding' } : {}),
  };
}
