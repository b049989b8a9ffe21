// Observations read from the columnar store: any place (the country, a region, a comuna), month by
// month or year by year (yearly points are sums of the stored months; a year is whole only with its
// 12 months), with the place's INE population and, when asked, the rate per 100,000. The rows and
// their provenance are @mt0/store/rows' (the whole-table download is written by the same code); this
// binds them to the API's store and indexes. Pages are cut from counts worked out from the index (no
// row is read before it is needed), and CSV streams series by series, so no filter, however wide, is
// built in memory (CSV_CHUNK_CHARS bounds a chunk).

import type { StoreIndicator } from '@mt0/store';
import {
  csvLines,
  type Part,
  pageOf as pageOfStore,
  plan as planStore,
  type RowContext,
  STORE_CSV_HEADER,
  type StoreQuery,
} from '@mt0/store/rows';
import { sources } from './data.js';
import { placeIndex } from './places.js';
import { store } from './store.js';
import { streamed } from './streamed.js';

export type { Part, Resolution, StoreObservation, StoreQuery } from '@mt0/store/rows';

/** Places and intermediaries as the API's indexes know them. */
const context: RowContext = {
  place: (geo) => placeIndex.byId.get(geo),
  via: (source) => sources.get(source)?.via,
};

/** The store's indicators by id (made once per store, not per request). */
const indicatorMaps = new WeakMap<object, ReadonlyMap<string, StoreIndicator>>();
export function storeIndicators(): ReadonlyMap<string, StoreIndicator> {
  const s = store();
  let map = indicatorMaps.get(s);
  if (map === undefined) {
    map = new Map(s.indicators.map((i) => [i.id, i]));
    indicatorMaps.set(s, map);
  }
  return map;
}

/** Each indicator × place of the query with its number of rows, worked out from the index alone. */
export const plan = (q: StoreQuery): Part[] => planStore(store(), q);

/** The rows `[offset, offset + limit)` of the planned parts, reading only the series they fall in. */
export const pageOf = (q: StoreQuery, parts: readonly Part[], offset: number, limit: number) =>
  pageOfStore(store(), context, q, parts, offset, limit);

/**
 * Text a CSV stream gathers before it hands a chunk on (series are about 25 KB each). A chunk is one
 * write to the socket and one turn of the event loop waiting for it to drain: at one series per chunk
 * the whole 70 MB table needed about 2,800 turns, and under a flood of other requests (each turn
 * serving hundreds of them) a download took a minute. At 256 KiB it takes about 270; a chunk takes
 * well under a millisecond to write here (csvLines), so other requests (and /healthz) wait no longer
 * than that for a stream's turn, and memory holds at most one chunk and one series per download.
 */
export const CSV_CHUNK_CHARS = 256 * 1024;

/**
 * Most characters a row of the store's CSV takes: 571 here for a comuna's year with its rate, its
 * derivation and a small-count warning; about 320 without a rate (a test holds the bound).
 */
export const CSV_ROW_CHARS_MAX = 640;

/** Lets the event loop serve others before the next chunk (Node); elsewhere (a Worker) goes straight on. */
const nextTurn: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : () => Promise.resolve();

/**
 * The rows `[offset, offset + limit)` as a CSV stream: the header, then the series in chunks of about
 * CSV_CHUNK_CHARS, each made when the reader asks for it (none ahead: while the socket is full nothing
 * is built) and in a turn of the event loop of its own, so memory never holds the whole filter and no
 * download holds the loop for more than a chunk. A CSV that may take more than one chunk is marked
 * `streamed`: a cache in front never reads it to see whether to keep it; one that fits one chunk may be
 * kept.
 */
export function csvStream(
  q: StoreQuery,
  parts: readonly Part[],
  offset: number,
  limit: number,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let k = 0;
  let skip = offset;
  let left = limit;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // Each series is encoded into the chunk as it is written: encoding the chunk's text at once
        // (one string of thousands of pieces, flattened first) took four times as long here.
        let bytes = new Uint8Array(CSV_CHUNK_CHARS + 128 * 1024);
        let at = 0;
        let chars = 0;
        const put = (text: string) => {
          chars += text.length;
          let done = 0;
          for (;;) {
            const r = encoder.encodeInto(done ? text.slice(done) : text, bytes.subarray(at));
            at += r.written;
            done += r.read;
            if (done >= text.length) return;
            const more = new Uint8Array(bytes.length * 2);
            more.set(bytes.subarray(0, at));
            bytes = more;
          }
        };
        if (!headerSent) {
          headerSent = true;
          put(STORE_CSV_HEADER);
        } else await nextTurn();
        while (k < parts.length && left > 0 && chars < CSV_CHUNK_CHARS) {
          const part = parts[k++] as Part;
          if (skip >= part.count) {
            skip -= part.count;
            continue;
          }
          const n = Math.min(part.count - skip, left);
          put(csvLines(store(), context, q, part, skip, skip + n));
          skip = 0;
          left -= n;
        }
        if (at > 0) controller.enqueue(bytes.subarray(0, at));
        if (k >= parts.length || left <= 0) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const rows = Math.min(limit, parts.reduce((n, p) => n + p.count, 0) - offset);
  return STORE_CSV_HEADER.length + rows * CSV_ROW_CHARS_MAX > CSV_CHUNK_CHARS ? streamed(stream) : stream;
}
