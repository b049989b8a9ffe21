// The Hono environment shared by the app and its routes: what middleware leaves for handlers.
export type Format = 'json' | 'csv';

export interface AppEnv {
  Variables: {
    /** Negotiated representation of a collection (csv middleware). */
    format: Format;
    /** Set by a handler whose body is a stream: the response cache must not read it whole. */
    streamed?: boolean;
  };
}
