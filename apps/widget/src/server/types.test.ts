// dist/server/index.d.ts is hand-written: this checks it against the implementation at type level
// (svelte-check fails on a mismatch) and that the module exports what it declares.
import { describe, expect, it } from 'vitest';
import type * as Declared from './index.d.ts';
import * as actual from './index.js';

const same: typeof Declared.createKitHandler = actual.createKitHandler;
const back: typeof actual.createKitHandler = same;
const kinds: typeof Declared.kitPathKind = actual.kitPathKind;
const origin: typeof Declared.requestOrigin = actual.requestOrigin;
const headers: typeof Declared.builtFileHeaders = actual.builtFileHeaders;
const manifest: typeof Declared.assetManifest = actual.assetManifest;
const manifestBack: typeof actual.assetManifest = manifest;
const rasterAssets: Declared.RasterAssets = {} as actual.RasterAssets;
const rasterBack: actual.RasterAssets = rasterAssets;

describe('index.d.ts', () => {
  it('declares what index.ts exports', () => {
    expect(Object.keys(actual).sort()).toEqual([
      'assetManifest',
      'builtFileHeaders',
      'createKitHandler',
      'kitPathKind',
      'requestOrigin',
    ]);
    expect([back, kinds, origin, headers].map((f) => typeof f)).toEqual(Array(4).fill('function'));
    expect(rasterBack).toBeDefined();
    expect(manifestBack.names['mt0.js']?.path).toMatch(/^\/widget\/mt0\.[0-9a-f]{10}\.js$/);
  });
});
