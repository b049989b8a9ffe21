// Differences between two sets of records, collection by collection: the compact diff a release keeps
// (applyDiff rebuilds the next release from the previous one, independent of any sort order in code) and
// the field-by-field view reviewers and the corrections check read.
import { canonicalJson } from './hash.js';
import {
  COLLECTIONS,
  type Collection,
  type CollectionDiff,
  type KeptRecord,
  type ReleaseDiff,
  type ReleaseRecords,
} from './schema.js';

function diffCollection(prev: KeptRecord[], next: KeptRecord[]): CollectionDiff | undefined {
  const before = new Map(prev.map((r) => [r.id, r]));
  const nextIds = new Set(next.map((r) => r.id));
  const removed = prev.filter((r) => !nextIds.has(r.id)).map((r) => r.id);
  const changed = next.filter((r) => {
    const old = before.get(r.id);
    return old !== undefined && canonicalJson(old) !== canonicalJson(r);
  });
  const added = next.flatMap((record, i) =>
    before.has(record.id) ? [] : [{ after: i === 0 ? null : (next[i - 1]?.id ?? null), record }],
  );
  const keptBefore = prev.filter((r) => nextIds.has(r.id)).map((r) => r.id);
  const keptAfter = next.filter((r) => before.has(r.id)).map((r) => r.id);
  const reordered = keptBefore.some((id, i) => keptAfter[i] !== id);
  if (!removed.length && !changed.length && !added.length && !reordered) return undefined;
  return {
    ...(removed.length ? { removed } : {}),
    ...(changed.length ? { changed } : {}),
    ...(added.length ? { added } : {}),
    ...(reordered ? { order: next.map((r) => r.id) } : {}),
  };
}

/**
 * The compact diff from one release's records to the next: per collection, ids removed, records changed,
 * records added after the id before them, and the full order only when kept records moved.
 * @example diffRecords(a, b).observations // { changed: [{ id: 'mt0.arrests:CL:2020:…', value: 2682, … }] }
 */
export function diffRecords(prev: ReleaseRecords, next: ReleaseRecords): ReleaseDiff {
  const out: ReleaseDiff = {};
  for (const c of COLLECTIONS) {
    const d = diffCollection(prev[c], next[c]);
    if (d) out[c] = d;
  }
  return out;
}

/**
 * Applies a diff to the previous release's records; throws when the diff does not fit them (an id it
 * changes, removes or inserts after is missing). The caller checks the result against its content hash.
 */
export function applyDiff(prev: ReleaseRecords, diff: ReleaseDiff): ReleaseRecords {
  const out = {} as ReleaseRecords;
  for (const c of COLLECTIONS) {
    const d = diff[c];
    if (!d) {
      out[c] = prev[c];
      continue;
    }
    const ids = new Set(prev[c].map((r) => r.id));
    for (const id of [...(d.removed ?? []), ...(d.changed ?? []).map((r) => r.id)])
      if (!ids.has(id))
        throw new Error(`${c}: the diff names "${id}", which the previous release does not hold`);
    const removed = new Set(d.removed ?? []);
    const changed = new Map((d.changed ?? []).map((r) => [r.id, r]));
    const list = prev[c].filter((r) => !removed.has(r.id)).map((r) => changed.get(r.id) ?? r);
    for (const { after, record } of d.added ?? []) {
      const at = after === null ? 0 : list.findIndex((r) => r.id === after) + 1;
      if (at === 0 && after !== null)
        throw new Error(`${c}: "${record.id}" is added after "${after}", which is missing`);
      list.splice(at, 0, record);
    }
    if (d.order) {
      const byId = new Map(list.map((r) => [r.id, r]));
      if (d.order.length !== list.length)
        throw new Error(`${c}: the order lists ${d.order.length} ids for ${list.length} records`);
      out[c] = d.order.map((id) => {
        const r = byId.get(id);
        if (!r) throw new Error(`${c}: the order names "${id}", which is missing`);
        return r;
      });
    } else out[c] = list;
  }
  return out;
}

/** One record's difference between two releases: the fields whose values differ. */
export interface ChangedRecord {
  before: KeptRecord;
  after: KeptRecord;
  /** Field names whose values differ (absent on one side counts), sorted. */
  fields: string[];
}

/** Records added, changed and removed in one collection. */
export interface CollectionChanges {
  added: KeptRecord[];
  changed: ChangedRecord[];
  removed: KeptRecord[];
}

/**
 * What changed between two sets of records, field by field, for reviewers (pnpm data:diff) and for the
 * corrections check. Records are matched by id.
 * @example recordChanges(a, b).observations.changed[0].fields // ['high', 'low', 'value']
 */
export function recordChanges(
  prev: ReleaseRecords,
  next: ReleaseRecords,
): Record<Collection, CollectionChanges> {
  const out = {} as Record<Collection, CollectionChanges>;
  for (const c of COLLECTIONS) {
    const before = new Map(prev[c].map((r) => [r.id, r]));
    const nextIds = new Set(next[c].map((r) => r.id));
    const changed: ChangedRecord[] = [];
    for (const after of next[c]) {
      const old = before.get(after.id);
      if (!old) continue;
      const fields = [...new Set([...Object.keys(old), ...Object.keys(after)])]
        .filter((k) => canonicalJson(old[k]) !== canonicalJson(after[k]))
        .sort();
      if (fields.length) changed.push({ before: old, after, fields });
    }
    out[c] = {
      added: next[c].filter((r) => !before.has(r.id)),
      changed,
      removed: prev[c].filter((r) => !nextIds.has(r.id)),
    };
  }
  return out;
}
