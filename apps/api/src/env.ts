// The Hono environment shared by the app and its routes: what middleware leaves for handlers, and the
// bindings a runtime passes in (Workers: vars and the assets binding from wrangler.jsonc; Node: the
// values src/node.ts reads from its environment).
import type { ReleaseView } from './lib/data.js';
import type { DownloadStore } from './lib/downloads.js';
import type { ReleaseStore } from './lib/releases.js';

export type Format = 'json' | 'csv';

export interface Bindings {
  /** The public origin (`https://kit.example`); without it, each request's own (localhost default). */
  PUBLIC_ORIGIN?: string;
  /** `1` to believe X-Forwarded-Proto/Host (behind a proxy you run); anything else ignores them. */
  TRUST_PROXY?: string;
  /** Size of the app's response cache in MiB (0: off). Node caches in front of the app and sets 0. */
  MT0_CACHE_MB?: string;
  /** Where /v1/downloads/{file} reads the release's files (Node: the disk; Workers: from ASSETS). */
  DOWNLOADS?: DownloadStore;
  /** Workers static-assets binding. */
  ASSETS?: { fetch(request: Request): Promise<Response> };
  /** Where kept releases' manifests are read from (Node: the disk; Workers: the static assets). */
  RELEASES?: ReleaseStore;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    /** Negotiated representation of a collection (csv middleware). */
    format: Format;
    /** Set by a handler whose body is a stream: the response cache must not read it whole. */
    streamed?: boolean;
    /** The release the request reads (releases middleware); the current one when not pinned. */
    view: ReleaseView;
    /** The version ?v= pinned, when it did. */
    pinned: string | undefined;
  };
}
