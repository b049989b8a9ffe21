// The Hono environment shared by the app and its routes: what middleware leaves for handlers, and the
// bindings a runtime passes in (src/node.ts on Node, wrangler.jsonc on Workers).
import type { ReleaseView } from './lib/data.js';
import type { ReleaseStore } from './lib/releases.js';

export type Format = 'json' | 'csv';

export interface Bindings {
  /** Where kept releases' manifests are read from (Node: the disk; Workers: the static assets). */
  RELEASES?: ReleaseStore;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    /** Negotiated representation of a collection (csv middleware). */
    format: Format;
    /** The release the request reads (releases middleware); the current one when not pinned. */
    view: ReleaseView;
    /** The version ?v= pinned, when it did. */
    pinned: string | undefined;
    /** Set by a handler whose body is a stream: the response cache must not read it whole. */
    streamed?: boolean;
  };
}
