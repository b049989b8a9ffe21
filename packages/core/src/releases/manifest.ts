// Kept releases: making a release's manifest (the records of the first, a diff for later ones), writing
// it in a reviewable layout (one record per line), and rebuilding any release's full records from the
// manifests, each step checked against its content hash.
import { applyDiff, diffRecords } from './diff.js';
import { contentHash } from './hash.js';
import {
  COLLECTIONS,
  type Correction,
  type ReleaseManifest,
  type ReleaseRecords,
  releaseManifestSchema,
} from './schema.js';

/** Compares semantic versions: negative when `a` comes first. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Picks the record collections out of a compiled dataset (which also holds meta and corrections). */
export function recordsOf(
  dataset: { [K in (typeof COLLECTIONS)[number]]: readonly object[] },
): ReleaseRecords {
  return Object.fromEntries(COLLECTIONS.map((c) => [c, dataset[c]])) as unknown as ReleaseRecords;
}

/** The records of a release, rebuilt and verified: `contentHash` is the hash they were checked against. */
export interface RebuiltRelease {
  manifest: ReleaseManifest;
  records: ReleaseRecords;
}

/**
 * Rebuilds every kept release's records from the manifests, in version order, each from the one before,
 * and checks each against its content hash. Throws naming the release when a manifest is missing from
 * the chain, its diff does not apply, or its records do not hash to what it says.
 * @example (await rebuildReleases([m010])).get('0.1.0')?.records.observations.length // 1303
 */
export async function rebuildReleases(
  manifests: readonly ReleaseManifest[],
): Promise<Map<string, RebuiltRelease>> {
  const sorted = [...manifests].sort((a, b) => compareVersions(a.version, b.version));
  const out = new Map<string, RebuiltRelease>();
  for (const manifest of sorted) {
    let records: ReleaseRecords;
    if (manifest.records) records = manifest.records;
    else {
      const prev = manifest.previous === null ? undefined : out.get(manifest.previous);
      if (!prev)
        throw new Error(`release ${manifest.version}: its previous release ${manifest.previous} is not kept`);
      try {
        records = applyDiff(prev.records, manifest.diff ?? {});
      } catch (e) {
        throw new Error(`release ${manifest.version}: ${(e as Error).message}`);
      }
    }
    const hash = await contentHash(records);
    if (hash !== manifest.contentHash)
      throw new Error(
        `release ${manifest.version}: its records hash to ${hash.slice(0, 12)}…, not to ${manifest.contentHash.slice(0, 12)}… as published`,
      );
    out.set(manifest.version, { manifest, records });
  }
  return out;
}

/**
 * The full records of one kept release, rebuilt from the manifests and verified against its hash.
 * @example (await rebuildRelease(manifests, '0.1.0')).observations.length // 1303
 */
export async function rebuildRelease(
  manifests: readonly ReleaseManifest[],
  version: string,
): Promise<ReleaseRecords> {
  const release = (await rebuildReleases(manifests)).get(version);
  if (!release) throw new Error(`release ${version} is not kept`);
  return release.records;
}

/** What a new release needs to make its manifest. */
export interface NewRelease {
  version: string;
  date: string;
  summary: string;
  meta: ReleaseManifest['meta'];
  records: ReleaseRecords;
  corrections: Correction[];
  /** The latest kept release, when there is one: the new manifest keeps a diff from it. */
  previous?: RebuiltRelease;
}

/**
 * The manifest of a new release: its records when it is the first, else the diff from the previous one.
 * @example (await makeManifest({ ...m010, records: a, corrections: [] })).counts.observations // 1303
 */
export async function makeManifest(r: NewRelease): Promise<ReleaseManifest> {
  return releaseManifestSchema.parse({
    version: r.version,
    date: r.date,
    summary: r.summary,
    previous: r.previous?.manifest.version ?? null,
    contentHash: await contentHash(r.records),
    meta: r.meta,
    counts: Object.fromEntries(COLLECTIONS.map((c) => [c, r.records[c].length])),
    corrections: r.corrections.filter((c) => c.release === r.version),
    ...(r.previous ? { diff: diffRecords(r.previous.records, r.records) } : { records: r.records }),
  });
}

/**
 * A manifest as JSON with one record per line, so that a release reads (and reviews) line by line.
 * `JSON.parse` gives the manifest back unchanged.
 */
export function serializeManifest(m: ReleaseManifest): string {
  const lines = (items: unknown[], indent: string) =>
    items.length ? `[\n${items.map((x) => `${indent}  ${JSON.stringify(x)}`).join(',\n')}\n${indent}]` : '[]';
  const collections = (obj: Record<string, unknown>, indent: string, each: (v: unknown) => string) =>
    `{\n${Object.entries(obj)
      .map(([k, v]) => `${indent}  ${JSON.stringify(k)}: ${each(v)}`)
      .join(',\n')}\n${indent}}`;
  const head = Object.entries(m)
    .filter(([k]) => k !== 'records' && k !== 'diff' && k !== 'corrections')
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  head.push(`  "corrections": ${lines(m.corrections, '  ')}`);
  if (m.records)
    head.push(`  "records": ${collections(m.records, '  ', (v) => lines(v as unknown[], '    '))}`);
  if (m.diff)
    head.push(
      `  "diff": ${collections(m.diff, '  ', (d) =>
        collections(d as Record<string, unknown>, '    ', (v) =>
          Array.isArray(v) ? lines(v, '      ') : JSON.stringify(v),
        ),
      )}`,
    );
  return `{\n${head.join(',\n')}\n}\n`;
}
