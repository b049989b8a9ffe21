// Kept releases served with ?v=: the list of every kept release is bundled (small: no records), and a
// pinned older release's records are rebuilt from the manifests a ReleaseStore gives (Node: the disk;
// Workers: the static assets, so that kept releases are not all in the bundle), checked against their
// content hash, indexed once and kept per process or isolate in a small LRU. The current release is the
// bundled dataset itself: the build refuses records that differ from the latest kept release, so both
// give the same bytes (a test holds them to it).
import { releases as KEPT } from '@mt0/core/release-list';
import {
  correctionsBetween,
  type ReleaseManifest,
  type ReleaseSummary,
  rebuildReleases,
  releaseChain,
  releaseManifestSchema,
} from '@mt0/core/releases';
import type { Dataset } from '@mt0/core/schemas';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { buildView, current, type ReleaseView } from './data.js';
import { echo, invalidParam, ProblemError } from './problem.js';

/** Where the manifests of kept releases are read: releases/<version>.json as parsed JSON, or undefined. */
export interface ReleaseStore {
  manifest(version: string): Promise<unknown>;
}

/**
 * Workers: the manifests from the static-assets binding, under /releases/ (apps/api/dist/assets,
 * assembled at build; the Worker never serves that folder itself). Fetched when a pinned URL first asks
 * for an older release; what is kept per isolate is the rebuilt release (at most MAX_VIEWS).
 */
export function assetsReleases(assets: { fetch(request: Request): Promise<Response> }): ReleaseStore {
  return {
    async manifest(version) {
      if (!/^\d+\.\d+\.\d+$/.test(version)) return undefined;
      const res = await assets.fetch(new Request(`https://assets.invalid/releases/${version}.json`));
      return res.ok ? res.json() : undefined;
    },
  };
}

/** Where this runtime keeps the manifests: the RELEASES binding (Node), else the Worker's assets. */
export function releaseStoreOf(env: AppEnv['Bindings'] | undefined): ReleaseStore | undefined {
  if (env?.RELEASES) return env.RELEASES;
  return env?.ASSETS ? assetsReleases(env.ASSETS) : undefined;
}

/** Every kept release, oldest first (from the build: packages/core/releases/). */
export const keptReleases: readonly ReleaseSummary[] = KEPT;
export const keptVersions: readonly string[] = KEPT.map((r) => r.version);

/** Older releases indexed at once: a pinned URL is rare, and each view holds every record of a release. */
const MAX_VIEWS = 3;
const views = new Map<string, Promise<ReleaseView>>();

/** The dataset of a kept release, rebuilt from its manifests and checked against its content hash. */
export async function rebuiltDataset(store: ReleaseStore, version: string): Promise<Dataset> {
  const chain = releaseChain(KEPT, version);
  const manifests: ReleaseManifest[] = [];
  for (const v of chain) {
    const json = await store.manifest(v);
    if (json === undefined) throw new Error(`release ${v}: no manifest in the store`);
    manifests.push(releaseManifestSchema.parse(json));
  }
  const rebuilt = (await rebuildReleases(manifests)).get(version);
  if (!rebuilt) throw new Error(`release ${version}: not rebuilt`);
  const { manifest, records } = rebuilt;
  return {
    meta: {
      ...manifest.meta,
      version: manifest.version,
      contentHash: manifest.contentHash,
      builtFrom: `packages/core/releases/${manifest.version}.json`,
    },
    ...records,
    corrections: correctionsBetween(KEPT, null, version),
  } as unknown as Dataset;
}

/**
 * A kept release's dataset as the widget kit reads it for pinned embeds (`createKitHandler`'s `release`),
 * with its release date; `undefined` when it is not kept or this runtime has no store.
 */
export async function keptDataset(
  store: ReleaseStore | undefined,
  version: string,
): Promise<Dataset | undefined> {
  const kept = keptReleases.find((r) => r.version === version);
  if (!store || !kept) return undefined;
  const d = await rebuiltDataset(store, version);
  return { ...d, meta: { ...d.meta, releaseDate: kept.date } };
}

/**
 * The indexed records of a kept release: the current one is the bundled dataset; an older one is rebuilt
 * from the store once and kept (at most MAX_VIEWS, least recently used first out).
 */
export function viewFor(version: string, store: ReleaseStore | undefined): Promise<ReleaseView> | undefined {
  if (version === current.meta.version) return Promise.resolve(current);
  if (!store || !keptVersions.includes(version)) return undefined;
  let view = views.get(version);
  if (view) views.delete(version);
  else
    view = rebuiltDataset(store, version)
      .then(buildView)
      .catch((e) => {
        views.delete(version);
        throw e;
      });
  views.set(version, view);
  if (views.size > MAX_VIEWS) views.delete(views.keys().next().value as string);
  return view;
}

/** The versions this server answers ?v= for: every kept one with a store, else only the current. */
export const servedVersions = (store: ReleaseStore | undefined): string[] =>
  store ? [...keptVersions] : [current.meta.version];

/**
 * Middleware for /v1: reads ?v= and leaves the release's view for the routes (`viewOf(c)`). A version
 * this server does not hold is a 404 problem listing the ones it does, before any route runs.
 */
export function releases(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const v = c.req.query('v');
    if (v === undefined) {
      c.set('view', current);
      c.set('pinned', undefined);
      return next();
    }
    const store = releaseStoreOf(c.env);
    if (!/^\d+\.\d+\.\d+$/.test(v))
      throw invalidParam(
        'v',
        `expected a release version such as 0.1.0, got ${echo(v)}`,
        servedVersions(store),
      );
    const view = viewFor(v, store);
    if (!view) {
      const held = servedVersions(store);
      throw new ProblemError(
        'version-not-available',
        `This server holds dataset release${held.length > 1 ? 's' : ''} ${held.join(', ')}, not ${echo(v)}. Drop v= for the current release (${current.meta.version}), or pin one of those.`,
        { invalidParams: [{ name: 'v', reason: 'release not held here' }], allowed: held },
      );
    }
    c.set('view', await view);
    c.set('pinned', v);
    return next();
  };
}
