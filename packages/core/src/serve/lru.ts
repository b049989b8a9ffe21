// A cache bounded by bytes, for the servers' rendered responses and pages (API on Node
// and in Workers, the widget's page renderer). Counting entries is not a bound: one entry can be a
// megabyte. Eviction is "second chance" (CLOCK): a hit only sets a flag, so reading costs no reordering,
// and an entry read since the last sweep survives one more. Pure; no runtime dependency.

interface Slot<V> {
  value: V;
  bytes: number;
  used: boolean;
}

/**
 * A map whose values are charged their size in bytes; the total never exceeds `maxBytes`.
 * @example
 * ((c) => (c.set('a', 'aaaa', 4), c.set('b', 'bbbb', 4), c.get('a'), c.set('c', 'cccc', 4),
 *   [c.get('a'), c.get('b'), c.bytes]))(new ByteLru(10, 4)) // ['aaaa', undefined, 8] (b, never read, went first)
 */
export class ByteLru<V> {
  readonly #slots = new Map<string, Slot<V>>();
  #bytes = 0;
  #max: number;
  #maxEntry: number;

  /**
   * @param maxBytes total bound; 0 turns the cache off.
   * @param maxEntry largest single entry (default an eighth of the total), so one value cannot flush the rest.
   */
  constructor(maxBytes: number, maxEntry = Math.floor(maxBytes / 8)) {
    this.#max = Math.max(0, maxBytes);
    this.#maxEntry = Math.max(0, Math.min(maxEntry, this.#max));
  }

  /** Bytes held. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Entries held. */
  get size(): number {
    return this.#slots.size;
  }

  get maxBytes(): number {
    return this.#max;
  }

  /** The value, marked as used; `undefined` when absent. */
  get(key: string): V | undefined {
    const slot = this.#slots.get(key);
    if (slot === undefined) return undefined;
    // Written once per sweep, not on every hit: a hot entry costs its readers no store at all.
    if (!slot.used) slot.used = true;
    return slot.value;
  }

  has(key: string): boolean {
    return this.#slots.has(key);
  }

  /** Stores `value` charged `bytes`; false (and nothing stored) when it is larger than one entry may be. */
  set(key: string, value: V, bytes: number): boolean {
    this.delete(key);
    if (!(bytes <= this.#maxEntry)) return false;
    this.#slots.set(key, { value, bytes, used: false });
    this.#bytes += bytes;
    this.#evict();
    return true;
  }

  /** Charges an entry `more` bytes (it grew, e.g. a compressed copy was added); false if it was dropped. */
  grow(key: string, more: number): boolean {
    const slot = this.#slots.get(key);
    if (slot === undefined) return false;
    if (slot.bytes + more > this.#maxEntry) {
      this.delete(key);
      return false;
    }
    slot.bytes += more;
    this.#bytes += more;
    this.#evict(key);
    return this.#slots.has(key);
  }

  delete(key: string): boolean {
    const slot = this.#slots.get(key);
    if (slot === undefined) return false;
    this.#slots.delete(key);
    this.#bytes -= slot.bytes;
    return true;
  }

  clear(): void {
    this.#slots.clear();
    this.#bytes = 0;
  }

  /** Drops the oldest entries not used since the last sweep until the total fits; `keep` goes last. */
  #evict(keep?: string): void {
    while (this.#bytes > this.#max) {
      let dropped = false;
      for (const [key, slot] of this.#slots) {
        if (key === keep) continue;
        if (slot.used) {
          // Second chance: move behind the newest, forget the flag.
          slot.used = false;
          this.#slots.delete(key);
          this.#slots.set(key, slot);
          continue;
        }
        this.delete(key);
        dropped = true;
        break;
      }
      if (!dropped && keep !== undefined && this.#bytes > this.#max) {
        this.delete(keep);
        return;
      }
    }
  }
}
