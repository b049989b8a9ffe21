// Bodies written as they are read (a CSV of any filter of the store, up to the whole 70 MB table): a
// cache in front of the app must never read one to see whether it is small enough to keep. Reading
// it chains pulls in microtasks, so the first 8 MB of such a CSV were built in one turn of the event
// loop while every other request (and /healthz) waited. Marked by identity: the body a route hands to
// its Response is the Response's body.

const bodies = new WeakSet<object>();

/** Marks `body` as streamed and returns it. */
export function streamed<T extends ReadableStream<Uint8Array>>(body: T): T {
  bodies.add(body);
  return body;
}

/** True when `body` was marked by `streamed`. */
export const isStreamed = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && bodies.has(body);
