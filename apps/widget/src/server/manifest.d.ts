// Types of the built files' manifest (dist/assets.json, written by build/assets.js): declared once, here,
// for the server's code (src/server/assets.ts) and its public types (index.d.ts). Hand-written and copied
// to dist/server/ beside index.d.ts by vite.server.config.ts.

export interface AssetFile {
  type: string;
  /** Content-hashed name: never changes, cached for a year. */
  immutable: boolean;
  /** Subresource Integrity of the bytes (sha384). */
  integrity: string;
  bytes: number;
  encodings: ('br' | 'gzip')[];
}

export interface AssetManifest {
  /** Every public file by path (`/widget/mt0.js`). */
  files: Record<string, AssetFile>;
  /** Logical names (`mt0.js`, `embed.css`, `stat.js`) → their hashed file and its SRI hash. */
  names: Record<string, AssetRef>;
}

/** A logical name's built file. */
export interface AssetRef {
  /** `/widget/mt0.<hash>.js` */
  path: string;
  /** Subresource Integrity of the bytes (sha384). */
  integrity: string;
}
