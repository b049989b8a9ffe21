// The list of kept releases without their records: what /v1/releases shows and what a server needs to
// know which versions exist before it fetches any manifest (on a Worker the manifests are static assets,
// fetched only when a pinned URL asks for an older release).
import { compareVersions } from './manifest.js';
import type { Correction, ReleaseManifest } from './schema.js';

/** One kept release as listed: everything in its manifest but its records or diff. */
export interface ReleaseSummary {
  version: string;
  date: string;
  summary: string;
  previous: string | null;
  contentHash: string;
  qualifierPolicy: string;
  counts: ReleaseManifest['counts'];
  corrections: Correction[];
}

/**
 * The kept releases, oldest first, without their records.
 * @example listReleases(manifests).map((r) => r.version).slice(0, 3) // ['0.1.0', '0.2.0', '0.3.0']
 */
export function listReleases(manifests: readonly ReleaseManifest[]): ReleaseSummary[] {
  return [...manifests]
    .sort((a, b) => compareVersions(a.version, b.version))
    .map((m) => ({
      version: m.version,
      date: m.date,
      summary: m.summary,
      previous: m.previous,
      contentHash: m.contentHash,
      qualifierPolicy: m.meta.qualifierPolicy,
      counts: m.counts,
      corrections: m.corrections,
    }));
}

/**
 * The releases a manifest of `version` needs, oldest first: the first release's records, then each diff.
 * @example releaseChain(listReleases(manifests), '0.3.0') // ['0.1.0', '0.2.0', '0.3.0']
 */
export function releaseChain(list: readonly ReleaseSummary[], version: string): string[] {
  const byVersion = new Map(list.map((r) => [r.version, r]));
  const out: string[] = [];
  for (let v: string | null = version; v !== null; ) {
    const r = byVersion.get(v);
    if (!r || out.includes(v)) return [];
    out.unshift(v);
    v = r.previous;
  }
  return out;
}

/**
 * The corrections published after release `since` up to and including `until`, oldest first: what a
 * reader pinned to `since` has not seen.
 * @example correctionsBetween(listReleases(manifests), '0.2.0', '0.3.0').length // 7
 */
export function correctionsBetween(
  list: readonly ReleaseSummary[],
  since: string | null,
  until: string,
): Correction[] {
  return list
    .filter(
      (r) =>
        (since === null || compareVersions(r.version, since) > 0) && compareVersions(r.version, until) <= 0,
    )
    .flatMap((r) => r.corrections);
}
